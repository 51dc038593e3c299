"""Head, face and neck muscles, drawn on the client's right in half coordinates.

Half coordinates are ``(u, y)``: ``u`` is the distance lateral of the midline, ``y`` the
view's y (see ``landmarks.py``). Attachments follow Travell & Simons, Vol. 1 (2nd ed.).
"""

from __future__ import annotations

from tools.bodygen.muscles_contour import side_at, top_below
from tools.bodygen.muscles_geometry import MuscleShape, belly, ellipse, outline, pts, spindle, strap

Half = dict[str, tuple[float, float]]


def _upper_trapezius(view: str, lm: Half) -> MuscleShape:
    """The free upper border follows the figure's neck-to-shoulder contour 3 units inside.

    From the front only the slope above the clavicle shows; from behind the sheet also
    covers the back of the neck from the occiput down to C7.
    """
    us = (60, 84, 110, 140, 165, 186)
    thickness = (16, 20, 20, 17, 13, 10)
    top = [(u, top_below(view, u, 290) + 3) for u in us]
    low = [(u, y - 3 + t) for (u, y), t in zip(top, thickness, strict=True)]
    cap = (194, top_below(view, 194, 290) + 8)
    insertion = (184, top_below(view, 184, 290) + 7)
    if view == "anterior":
        neck = [(side_at(view, y, 56) - 3, y) for y in (314, 326)]
        ring = [*neck, *top, cap, *reversed(low), (47, 344)]
        return outline(ring, origin=(50, 346), insertion=insertion)
    c7 = lm["c7"]
    occiput = [(3, 212), (20, 214), (34, 222)]
    neck = [(side_at(view, y, 56) - 4, y) for y in (262, 290, 318)]
    back = [(30, c7[1] + 12), (3, c7[1] + 5)]
    ring = [*occiput, *neck, *top, cap, *reversed(low), *back]
    return outline(ring, origin=(6, 330), insertion=insertion)


def anterior(lm: Half) -> dict[str, MuscleShape]:
    """Face and front of the neck, client facing the viewer."""
    eye = lm["eye"]
    return {
        # galea aponeurotica above -> skin of the eyebrow
        "frontalis": outline(
            pts("5,96 30,86 56,91 72,110 74,138 60,149 40,148 22,146 5,146"),
            origin=(36, 94),
            insertion=(40, 145),
        ),
        # fan from the temporal fossa converging under the zygomatic arch to the coronoid
        "temporalis": outline(
            pts("70,106 82,111 87,130 87,165 82,196 72,218 64,213 66,190 68,150 66,120"),
            origin=(78, 128),
            insertion=(68, 212),
        ),
        # zygomatic arch -> angle and lower ramus of the mandible
        "masseter": outline(
            [(60, 204), (79, 204), (80, 228), (72, 252), (62, 262), (55, 248), (57, 224)],
            origin=(70, 207),
            insertion=(64, 256),
        ),
        # lateral pterygoid plate -> neck of the mandibular condyle at the TMJ
        "lateral_pterygoid": spindle((40, 212), (lm["tmj"][0] - 4, lm["tmj"][1]), 7),
        # pterygoid fossa -> inner face of the mandibular angle
        "medial_pterygoid": spindle((40, 215), (64, 254), 7),
        # mastoid notch -> (sling at the hyoid) -> digastric fossa behind the chin; the
        # crescent spans the V of the two bellies so the straight axis stays on the muscle
        "digastric": outline(
            pts("68,258 52,266 32,278 14,288 4,292 6,300 14,306 22,312 34,304 50,288 64,270"),
            origin=(66, 261),
            insertion=(8, 296),
        ),
        # zygomatic bone -> corner of the mouth
        "zygomaticus_major": strap([(66, 204), (48, 226), (25, 251)], [5, 5, 4]),
        # ring round the eye, from the medial palpebral ligament outward
        "orbicularis_oculi": outline(
            ellipse(eye, 24, 17, 14),
            origin=(eye[0] - 22, eye[1]),
            insertion=(eye[0] + 22, eye[1]),
        ),
        # pterygomandibular raphe and molar alveoli -> corner of the mouth
        "buccinator": spindle((58, 238), (26, 252), 8),
        # fascia over the upper chest and deltoid -> lower border of the mandible
        "platysma": outline(
            pts(
                "8,296 36,288 60,268 46,298 49,328 76,346 120,362 160,380 168,398 150,424 100,430 "
                "52,420 30,400 18,362 12,330"
            ),
            origin=(100, 420),
            insertion=(38, 290),
        ),
        # manubrium and medial clavicle -> mastoid process
        "sternocleidomastoid": belly(
            (9, 372),
            (56, 258),
            [(0.03, 6, 8), (0.15, 7, 9), (0.45, 6.5, 9), (0.75, 5.5, 8), (0.97, 5, 6)],
        ),
        # seen from the front: the shoulder slope above the clavicle, neck -> acromion
        "upper_trapezius": _upper_trapezius("anterior", lm),
        # anterior tubercles of C3-C6 -> scalene tubercle of the first rib
        "anterior_scalene": spindle((26, 300), (38, 382), 5),
        # posterior tubercles of C2-C7 -> first rib behind the subclavian groove
        "middle_scalene": spindle((34, 292), (54, 384), 6),
        # posterior tubercles of C4-C6 -> outer face of the second rib
        "posterior_scalene": spindle((40, 312), (76, 396), 5),
        # bodies of T1-T3 -> anterior arch of the atlas, beside the midline
        "longus_colli": spindle((7, 404), (7, 292), 5),
    }


def posterior(lm: Half) -> dict[str, MuscleShape]:
    """Back of the head and neck."""
    return {
        # lateral superior nuchal line -> galea aponeurotica: a thin sheet over the lower
        # occiput, arched above and following the nuchal line below, fading out laterally
        "occipitalis": outline(
            pts("10,199 14,206 30,209 50,214 66,222 73,221 64,206 48,194 30,188 16,190"),
            origin=(35, 210),
            insertion=(34, 190),
        ),
        # occiput and nuchal ligament -> lateral clavicle and acromion
        "upper_trapezius": _upper_trapezius("posterior", lm),
        # transverse processes C1-C4 -> superior angle of the scapula
        "levator_scapulae": belly(
            (16, 258),
            (lm["scapula_superior_angle"][0] + 2, lm["scapula_superior_angle"][1] + 2),
            [(0.03, 4, 4), (0.2, 6, 4), (0.45, 7, 4), (0.8, 8, 7), (0.97, 5, 5)],
        ),
        # nuchal ligament and spines C7-T3 -> mastoid and lateral superior nuchal line
        "splenius_capitis": belly(
            (4, 352),
            (lm["mastoid"][0] - 8, lm["mastoid"][1] - 2),
            [(0.0, 12), (0.3, 10), (0.6, 9), (0.9, 7), (1.0, 5)],
        ),
        # spines T3-T6 -> transverse processes C1-C3
        "splenius_cervicis": spindle((6, 462), (30, 262), 6),
        # transverse processes C7-T6 -> occiput between the nuchal lines
        "semispinalis_capitis": belly(
            (14, 440), (16, 220), [(0.03, 6), (0.25, 10), (0.6, 11), (0.9, 10), (0.97, 8)]
        ),
        # C1-C2 -> inferior nuchal line (rectus capitis posterior, obliques)
        "suboccipitals": belly((6, 252), (38, 226), [(0.03, 7), (0.3, 11), (0.7, 11), (0.97, 7)]),
    }
