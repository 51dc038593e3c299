"""Head, face and neck muscles, drawn on the client's right in half coordinates.

Half coordinates are ``(u, y)``: ``u`` is the distance lateral of the midline, ``y`` the
view's y (see ``landmarks.py``). Attachments follow Travell & Simons, Vol. 1 (2nd ed.).
"""

from __future__ import annotations

from tools.bodygen.muscles_geometry import MuscleShape, belly, ellipse, outline, pts, spindle, strap

Half = dict[str, tuple[float, float]]


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
        # mastoid notch -> (sling at the hyoid) -> digastric fossa behind the chin
        "digastric": strap(
            [(64, 262), (50, 280), (36, 297), (22, 307), (11, 303), (6, 292)],
            [5, 5, 5, 4.5, 4.5, 4],
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
        "upper_trapezius": outline(
            pts(
                "47,322 82,338 122,355 160,371 188,384 194,393 180,398 140,386 100,371 64,354 "
                "49,346 45,334"
            ),
            origin=(47, 334),
            insertion=(186, 391),
        ),
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
        # lateral superior nuchal line -> galea aponeurotica
        "occipitalis": outline(
            pts("22,168 50,160 70,172 74,200 60,214 36,212 20,204 16,186"),
            origin=(46, 208),
            insertion=(44, 166),
        ),
        # occiput and nuchal ligament -> lateral clavicle and acromion
        "upper_trapezius": outline(
            pts(
                "3,212 20,214 34,222 42,250 46,290 49,318 82,338 122,355 160,371 188,385 194,394 "
                "180,400 150,396 110,386 70,371 30,357 3,350"
            ),
            origin=(6, 312),
            insertion=(184, 391),
        ),
        # transverse processes C1-C4 -> superior angle of the scapula
        "levator_scapulae": belly(
            (20, 254),
            (lm["scapula_superior_angle"][0] + 2, lm["scapula_superior_angle"][1] + 2),
            [(0.03, 4, 4), (0.2, 6, 5), (0.45, 7, 5), (0.8, 8, 8), (0.97, 5, 5)],
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
