"""Which muscles the body diagrams draw, on which views, and how deep they lie.

This mirrors the table "Muscle ids and the views they are drawn on" in
``docs/architecture.md``; the shape generator and its tests both read it, so a muscle
missing from the drawings is caught in one place. ``plantar`` marks muscles drawn in the
plantar-foot insets of the posterior view ("P inset" in the table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MuscleEntry:
    """One muscle of the drawings: id, views (first = main), depth, body group."""

    id: str
    views: tuple[str, ...]
    deep: bool
    group: str
    plantar: bool = False


def _parse(table: str) -> tuple[MuscleEntry, ...]:
    """Read the compact table below: `group | id[ (d)]: A, P, P inset; ...`."""
    codes = {"A": "anterior", "P": "posterior", "P inset": "posterior"}
    entries: list[MuscleEntry] = []
    for line in table.strip().splitlines():
        group, items = (part.strip() for part in line.split("|"))
        for item in items.split(";"):
            name, view_codes = (part.strip() for part in item.split(":"))
            deep = name.endswith("(d)")
            muscle_id = name.removesuffix("(d)").strip()
            view_list = [code.strip() for code in view_codes.split(",")]
            entries.append(
                MuscleEntry(
                    id=muscle_id,
                    views=tuple(dict.fromkeys(codes[code] for code in view_list)),
                    deep=deep,
                    group=group,
                    plantar="P inset" in view_list,
                )
            )
    return tuple(entries)


_TABLE = """
head_face | temporalis: A; masseter: A; lateral_pterygoid (d): A; medial_pterygoid (d): A; \
digastric: A; frontalis: A; occipitalis: P; zygomaticus_major: A; orbicularis_oculi: A; \
buccinator (d): A; platysma: A
neck | sternocleidomastoid: A; upper_trapezius: P, A; levator_scapulae: P; \
anterior_scalene: A; middle_scalene: A; posterior_scalene: A; splenius_capitis: P; \
splenius_cervicis (d): P; semispinalis_capitis: P; suboccipitals (d): P; longus_colli (d): A
shoulder_upper_back | middle_trapezius: P; lower_trapezius: P; rhomboids (d): P; \
supraspinatus (d): P; infraspinatus: P; teres_minor: P; teres_major: P; subscapularis (d): P; \
anterior_deltoid: A; middle_deltoid: A, P; posterior_deltoid: P; latissimus_dorsi: P; \
serratus_anterior: A; serratus_posterior_superior (d): P; serratus_posterior_inferior (d): P; \
pectoralis_major: A; pectoralis_minor (d): A; subclavius (d): A; sternalis: A; \
coracobrachialis: A
arm_forearm | biceps_brachii: A; brachialis: A; triceps_brachii: P; anconeus: P; \
brachioradialis: A, P; supinator (d): P; extensor_carpi_radialis_longus: P; \
extensor_carpi_radialis_brevis: P; extensor_carpi_ulnaris: P; extensor_digitorum: P; \
extensor_indicis (d): P; flexor_carpi_radialis: A; flexor_carpi_ulnaris: A; palmaris_longus: A; \
flexor_digitorum_superficialis: A; flexor_digitorum_profundus (d): A; pronator_teres: A
hand | adductor_pollicis: A; opponens_pollicis: A; first_dorsal_interosseous: P; \
abductor_digiti_minimi_hand: A
trunk | rectus_abdominis: A; external_oblique: A; internal_oblique (d): A; pyramidalis: A; \
diaphragm (d): A; intercostals: A; iliocostalis_thoracis: P; iliocostalis_lumborum: P; \
longissimus_thoracis: P; multifidi (d): P; quadratus_lumborum (d): P; iliopsoas (d): A
pelvis_hip | gluteus_maximus: P; gluteus_medius: P; gluteus_minimus (d): A, P; piriformis (d): P; \
tensor_fasciae_latae: A; coccygeus (d): P; levator_ani (d): P; obturator_internus (d): P
thigh | rectus_femoris: A; vastus_medialis: A; vastus_lateralis: A, P; vastus_intermedius (d): A; \
sartorius: A; pectineus: A; adductor_longus: A; adductor_brevis (d): A; adductor_magnus: P; \
gracilis: A; biceps_femoris: P; semitendinosus: P; semimembranosus: P
leg | popliteus (d): P; gastrocnemius: P; soleus: P; plantaris (d): P; tibialis_anterior: A; \
tibialis_posterior (d): P; peroneus_longus: A; peroneus_brevis: A; peroneus_tertius: A; \
extensor_digitorum_longus: A; extensor_hallucis_longus: A; flexor_digitorum_longus (d): P; \
flexor_hallucis_longus (d): P
foot | extensor_digitorum_brevis: A; extensor_hallucis_brevis: A; abductor_hallucis: P inset; \
flexor_digitorum_brevis: P inset; abductor_digiti_minimi_foot: P inset; \
quadratus_plantae (d): P inset; flexor_hallucis_brevis: P inset; adductor_hallucis (d): P inset; \
interossei_foot (d): P inset
"""

MUSCLES: tuple[MuscleEntry, ...] = _parse(_TABLE)
BY_ID: dict[str, MuscleEntry] = {entry.id: entry for entry in MUSCLES}


def muscles_on(view: str) -> tuple[MuscleEntry, ...]:
    """The muscles drawn on ``view`` ("anterior" or "posterior"), in table order."""
    return tuple(entry for entry in MUSCLES if view in entry.views)
