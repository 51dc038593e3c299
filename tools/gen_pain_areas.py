"""Write resources/pain_areas.yaml: the frequency order per painful area, from the pain guides.

The orders below are Travell & Simons' regional pain guides (Vol 1 Parts 1-4, Vol 2 Parts 1-3:
the muscles that refer to an area, the more frequent first), cross-checked with Davies. Each
order is split into the muscles whose data refer essentially and those that spill over; a
muscle that refers to the area but is not in the guide goes last. Regions without a guide
list are written with ``ordered: false``. Run: ``python -m tools.gen_pain_areas``.
"""

from __future__ import annotations

from pathlib import Path

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.vocabulary import load_vocabulary, overlapping, whole_of

SC = ["anterior_scalene", "middle_scalene", "posterior_scalene"]
V1H = ("ts_v1", "Part 1 pain guide (head and neck pain)")
V1S = ("ts_v1", "Part 2 pain guide (upper back, shoulder and arm pain)")
V1F = ("ts_v1", "Part 3 pain guide (forearm and hand pain)")
V1T = ("ts_v1", "Part 4 pain guide (torso pain)")
V2L = ("ts_v2", "Part 1 pain guide (low back, buttock and abdominal pain)")
V2H = ("ts_v2", "Part 2 pain guide (hip, thigh and knee pain)")
V2F = ("ts_v2", "Part 3 pain guide (leg, ankle and foot pain)")

ORDERS: dict[str, tuple[tuple[str, str], list[str], str | None]] = {
    "vertex": (V1H, ["sternocleidomastoid", "splenius_capitis"], None),
    "occiput": (
        V1H,
        [
            "upper_trapezius",
            "sternocleidomastoid",
            "semispinalis_capitis",
            "splenius_cervicis",
            "suboccipitals",
            "occipitalis",
            "digastric",
            "temporalis",
        ],
        None,
    ),
    "temple": (
        V1H,
        [
            "upper_trapezius",
            "sternocleidomastoid",
            "temporalis",
            "splenius_cervicis",
            "suboccipitals",
            "semispinalis_capitis",
        ],
        None,
    ),
    "lateral_head": (
        V1H,
        ["upper_trapezius", "temporalis", "sternocleidomastoid", "splenius_capitis", "occipitalis"],
        "temporal headache list",
    ),
    "forehead": (
        V1H,
        ["sternocleidomastoid", "semispinalis_capitis", "frontalis", "zygomaticus_major"],
        None,
    ),
    "ear": (
        V1H,
        ["lateral_pterygoid", "masseter", "sternocleidomastoid", "medial_pterygoid"],
        "ear and TMJ pain list",
    ),
    "inner_ear": (
        V1H,
        ["lateral_pterygoid", "masseter", "sternocleidomastoid", "medial_pterygoid"],
        "ear and TMJ pain list",
    ),
    "tmj": (
        V1H,
        ["lateral_pterygoid", "masseter", "sternocleidomastoid", "medial_pterygoid"],
        "ear and TMJ pain list",
    ),
    "eye": (
        V1H,
        [
            "sternocleidomastoid",
            "temporalis",
            "splenius_cervicis",
            "masseter",
            "suboccipitals",
            "occipitalis",
            "orbicularis_oculi",
            "upper_trapezius",
        ],
        "eye and eyebrow pain list",
    ),
    "eyebrow": (
        V1H,
        [
            "sternocleidomastoid",
            "temporalis",
            "splenius_cervicis",
            "masseter",
            "suboccipitals",
            "occipitalis",
            "orbicularis_oculi",
            "upper_trapezius",
        ],
        "eye and eyebrow pain list",
    ),
    "behind_eye": (
        V1H,
        [
            "sternocleidomastoid",
            "temporalis",
            "splenius_cervicis",
            "masseter",
            "suboccipitals",
            "occipitalis",
            "orbicularis_oculi",
            "upper_trapezius",
        ],
        "eye and eyebrow pain list",
    ),
    "cheek": (
        V1H,
        [
            "sternocleidomastoid",
            "masseter",
            "lateral_pterygoid",
            "upper_trapezius",
            "medial_pterygoid",
            "digastric",
            "orbicularis_oculi",
            "zygomaticus_major",
        ],
        "cheek and jaw pain list",
    ),
    "jaw": (
        V1H,
        [
            "sternocleidomastoid",
            "masseter",
            "lateral_pterygoid",
            "upper_trapezius",
            "medial_pterygoid",
            "digastric",
            "orbicularis_oculi",
            "zygomaticus_major",
        ],
        "cheek and jaw pain list",
    ),
    "upper_teeth": (V1H, ["temporalis", "masseter", "digastric"], "toothache list"),
    "lower_teeth": (V1H, ["temporalis", "masseter", "digastric"], "toothache list"),
    "posterior_neck": (
        V1H,
        ["upper_trapezius", "multifidi", "levator_scapulae", "splenius_cervicis", "infraspinatus"],
        "back of neck pain list",
    ),
    "neck_shoulder_angle": (
        V1H,
        ["levator_scapulae", "splenius_cervicis", "upper_trapezius"],
        "back of neck pain list",
    ),
    "throat": (
        V1H,
        ["sternocleidomastoid", "digastric", "medial_pterygoid"],
        "throat and front of neck pain list",
    ),
    "anterior_neck": (
        V1H,
        ["sternocleidomastoid", "digastric", "medial_pterygoid"],
        "throat and front of neck pain list",
    ),
    "interscapular": (
        V1S,
        [
            *SC,
            "levator_scapulae",
            "supraspinatus",
            "middle_trapezius",
            "multifidi",
            "rhomboids",
            "splenius_cervicis",
            "upper_trapezius",
            "infraspinatus",
            "latissimus_dorsi",
            "iliocostalis_thoracis",
            "serratus_posterior_superior",
            "serratus_anterior",
            "lower_trapezius",
        ],
        "upper and mid-thoracic back pain lists",
    ),
    "posterior_shoulder": (
        V1S,
        [
            "posterior_deltoid",
            "levator_scapulae",
            *SC,
            "supraspinatus",
            "teres_major",
            "teres_minor",
            "subscapularis",
            "serratus_posterior_superior",
            "latissimus_dorsi",
            "triceps_brachii",
            "upper_trapezius",
            "iliocostalis_thoracis",
        ],
        "back of shoulder pain list",
    ),
    "anterior_shoulder": (
        V1S,
        [
            "infraspinatus",
            "anterior_deltoid",
            *SC,
            "supraspinatus",
            "pectoralis_major",
            "pectoralis_minor",
            "biceps_brachii",
            "coracobrachialis",
            "sternalis",
            "subclavius",
            "latissimus_dorsi",
        ],
        "front of shoulder pain list",
    ),
    "posterior_arm": (
        V1S,
        [
            *SC,
            "triceps_brachii",
            "posterior_deltoid",
            "subscapularis",
            "supraspinatus",
            "teres_major",
            "teres_minor",
            "latissimus_dorsi",
            "serratus_posterior_superior",
            "coracobrachialis",
        ],
        "back of arm pain list",
    ),
    "anterior_arm": (
        V1S,
        [
            *SC,
            "infraspinatus",
            "biceps_brachii",
            "brachialis",
            "triceps_brachii",
            "supraspinatus",
            "anterior_deltoid",
            "sternalis",
            "subclavius",
        ],
        "front of arm pain list",
    ),
    "lateral_elbow": (
        V1F,
        [
            "supinator",
            "brachioradialis",
            "extensor_carpi_radialis_longus",
            "triceps_brachii",
            "supraspinatus",
            "extensor_digitorum",
            "anconeus",
        ],
        "lateral epicondyle pain list",
    ),
    "medial_elbow": (
        V1F,
        [
            "triceps_brachii",
            "pectoralis_major",
            "pectoralis_minor",
            "serratus_anterior",
            "serratus_posterior_superior",
        ],
        "medial epicondyle pain list",
    ),
    "olecranon": (V1F, ["triceps_brachii", "serratus_posterior_superior"], "olecranon pain list"),
    "posterior_forearm": (
        V1F,
        [
            "triceps_brachii",
            "teres_major",
            "extensor_carpi_radialis_longus",
            "extensor_carpi_radialis_brevis",
            "coracobrachialis",
            "infraspinatus",
            *SC,
            "brachioradialis",
            "supraspinatus",
            "subclavius",
        ],
        "dorsal and radial forearm pain lists",
    ),
    "anterior_forearm": (
        V1F,
        [
            "palmaris_longus",
            "pronator_teres",
            "serratus_anterior",
            "triceps_brachii",
            "latissimus_dorsi",
            "pectoralis_major",
            "pectoralis_minor",
            "serratus_posterior_superior",
        ],
        "volar and ulnar forearm pain lists",
    ),
    "dorsal_wrist": (
        V1F,
        [
            "extensor_carpi_radialis_brevis",
            "extensor_digitorum",
            "extensor_carpi_radialis_longus",
            "extensor_indicis",
            "extensor_carpi_ulnaris",
            "subscapularis",
            "coracobrachialis",
            "latissimus_dorsi",
            "serratus_posterior_superior",
            "first_dorsal_interosseous",
        ],
        "dorsal wrist and hand pain list",
    ),
    "dorsal_hand": (
        V1F,
        [
            "extensor_carpi_radialis_brevis",
            "extensor_digitorum",
            "extensor_carpi_radialis_longus",
            "extensor_indicis",
            "extensor_carpi_ulnaris",
            "subscapularis",
            "coracobrachialis",
            "latissimus_dorsi",
            "serratus_posterior_superior",
            "first_dorsal_interosseous",
        ],
        "dorsal wrist and hand pain list",
    ),
    "thumb_web": (
        V1F,
        [
            "supinator",
            *SC,
            "brachialis",
            "infraspinatus",
            "extensor_carpi_radialis_longus",
            "brachioradialis",
            "opponens_pollicis",
            "adductor_pollicis",
            "first_dorsal_interosseous",
        ],
        "base of thumb and radial hand pain list",
    ),
    "thumb": (
        V1F,
        [
            "opponens_pollicis",
            "adductor_pollicis",
            "brachialis",
            "supinator",
            *SC,
            "infraspinatus",
            "extensor_carpi_radialis_longus",
            "brachioradialis",
            "first_dorsal_interosseous",
        ],
        "base of thumb list, read with ch. 39: along the thumb itself the thenar "
        "muscles (opponens, adductor) are the commonest source",
    ),
    "thenar": (
        V1F,
        ["opponens_pollicis", "adductor_pollicis", "brachialis", "supinator", *SC, "infraspinatus"],
        "base of thumb list with ch. 39",
    ),
    "volar_wrist": (
        V1F,
        [
            "flexor_carpi_radialis",
            "flexor_carpi_ulnaris",
            "opponens_pollicis",
            "pectoralis_major",
            "pectoralis_minor",
            "latissimus_dorsi",
            "palmaris_longus",
            "serratus_anterior",
        ],
        "palmar wrist and hand pain list",
    ),
    "palm": (
        V1F,
        [
            "flexor_carpi_radialis",
            "flexor_carpi_ulnaris",
            "opponens_pollicis",
            "pectoralis_major",
            "pectoralis_minor",
            "latissimus_dorsi",
            "palmaris_longus",
            "serratus_anterior",
        ],
        "palmar wrist and hand pain list",
    ),
    "hypothenar": (
        V1F,
        [
            "latissimus_dorsi",
            "flexor_carpi_ulnaris",
            "abductor_digiti_minimi_hand",
            "pectoralis_major",
            "pectoralis_minor",
            "serratus_posterior_superior",
        ],
        "ulnar hand (palmar wrist and hand list)",
    ),
    **{
        finger: (
            V1F,
            [
                "extensor_digitorum",
                "flexor_digitorum_superficialis",
                "flexor_digitorum_profundus",
                "first_dorsal_interosseous",
                *SC,
                "abductor_digiti_minimi_hand",
                "pectoralis_major",
                "pectoralis_minor",
                "latissimus_dorsi",
                "serratus_anterior",
                "subclavius",
            ],
            "dorsal and volar finger pain lists",
        )
        for finger in ("index_finger", "middle_finger", "ring_finger", "little_finger")
    },
    "pectoral": (
        V1T,
        [
            "pectoralis_major",
            "pectoralis_minor",
            *SC,
            "sternocleidomastoid",
            "sternalis",
            "subclavius",
            "external_oblique",
            "intercostals",
        ],
        "front of chest pain list",
    ),
    "sternum": (
        V1T,
        ["sternalis", "pectoralis_major", "sternocleidomastoid", *SC],
        "front of chest pain list",
    ),
    "lateral_chest": (
        V1T,
        ["serratus_anterior", "latissimus_dorsi", "intercostals", "diaphragm"],
        "side of chest pain list",
    ),
    "thoracic_paraspinal": (
        V1T,
        [
            "iliocostalis_thoracis",
            "multifidi",
            "serratus_posterior_inferior",
            "rectus_abdominis",
            "intercostals",
            "latissimus_dorsi",
        ],
        "lower thoracic back pain list",
    ),
    "lumbar_paraspinal": (
        V2L,
        [
            "longissimus_thoracis",
            "rectus_abdominis",
            "iliocostalis_thoracis",
            "multifidi",
            "gluteus_medius",
            "iliopsoas",
            "quadratus_lumborum",
        ],
        "lumbar pain list",
    ),
    "sacrum": (
        V2L,
        [
            "longissimus_thoracis",
            "iliocostalis_lumborum",
            "multifidi",
            "quadratus_lumborum",
            "gluteus_medius",
            "gluteus_maximus",
            "rectus_abdominis",
            "levator_ani",
            "coccygeus",
            "soleus",
        ],
        "sacral and gluteal pain list",
    ),
    "sacroiliac": (
        V2L,
        [
            "longissimus_thoracis",
            "iliocostalis_lumborum",
            "multifidi",
            "quadratus_lumborum",
            "gluteus_medius",
            "gluteus_maximus",
            "rectus_abdominis",
            "soleus",
        ],
        "sacral and gluteal pain list",
    ),
    "buttock": (
        V2L,
        [
            "gluteus_medius",
            "quadratus_lumborum",
            "gluteus_maximus",
            "iliocostalis_lumborum",
            "longissimus_thoracis",
            "semitendinosus",
            "semimembranosus",
            "piriformis",
            "gluteus_minimus",
            "rectus_abdominis",
            "soleus",
        ],
        "gluteal pain list",
    ),
    "coccyx": (
        V2L,
        ["gluteus_maximus", "levator_ani", "coccygeus", "obturator_internus"],
        "pelvic pain list",
    ),
    "lateral_hip": (
        V2H,
        [
            "gluteus_minimus",
            "vastus_lateralis",
            "piriformis",
            "quadratus_lumborum",
            "tensor_fasciae_latae",
            "gluteus_maximus",
            "gluteus_medius",
        ],
        "lateral thigh and hip pain list",
    ),
    "lateral_thigh": (
        V2H,
        [
            "gluteus_minimus",
            "vastus_lateralis",
            "piriformis",
            "quadratus_lumborum",
            "tensor_fasciae_latae",
            "gluteus_maximus",
        ],
        "lateral thigh and hip pain list",
    ),
    "posterior_thigh": (
        V2H,
        [
            "gluteus_minimus",
            "semitendinosus",
            "semimembranosus",
            "biceps_femoris",
            "piriformis",
            "obturator_internus",
        ],
        "posterior thigh pain list",
    ),
    "anterior_thigh": (
        V2H,
        [
            "adductor_longus",
            "adductor_brevis",
            "iliopsoas",
            "adductor_magnus",
            "vastus_intermedius",
            "pectineus",
            "sartorius",
            "quadratus_lumborum",
            "rectus_femoris",
        ],
        "anterior thigh pain list",
    ),
    "medial_thigh": (
        V2H,
        [
            "pectineus",
            "vastus_medialis",
            "gracilis",
            "adductor_magnus",
            "sartorius",
            "adductor_longus",
            "adductor_brevis",
        ],
        "medial thigh pain list",
    ),
    "groin": (
        V2H,
        ["adductor_longus", "adductor_brevis", "pectineus", "iliopsoas", "adductor_magnus"],
        "groin (anterior and medial thigh) lists",
    ),
    "anterior_knee": (
        V2H,
        ["rectus_femoris", "vastus_medialis", "adductor_longus", "adductor_brevis"],
        "anterior knee pain list",
    ),
    "medial_knee": (
        V2H,
        [
            "vastus_medialis",
            "gracilis",
            "rectus_femoris",
            "sartorius",
            "adductor_longus",
            "adductor_brevis",
        ],
        "medial knee pain list",
    ),
    "lateral_knee": (V2H, ["vastus_lateralis"], "lateral knee pain list"),
    "popliteal": (
        V2H,
        [
            "gastrocnemius",
            "biceps_femoris",
            "popliteus",
            "semitendinosus",
            "semimembranosus",
            "soleus",
            "plantaris",
        ],
        "posterior knee pain list",
    ),
    "shin": (
        V2F,
        ["tibialis_anterior", "adductor_longus", "adductor_brevis"],
        "anterior leg pain list",
    ),
    "lateral_leg": (
        V2F,
        [
            "gastrocnemius",
            "gluteus_minimus",
            "peroneus_longus",
            "peroneus_brevis",
            "vastus_lateralis",
        ],
        "lateral leg pain list",
    ),
    "calf": (
        V2F,
        [
            "soleus",
            "gluteus_minimus",
            "gastrocnemius",
            "semitendinosus",
            "semimembranosus",
            "flexor_digitorum_longus",
            "tibialis_posterior",
            "plantaris",
        ],
        "posterior leg pain list",
    ),
    "achilles": (V2F, ["soleus", "tibialis_posterior"], "posterior ankle pain list"),
    "heel": (
        V2F,
        ["soleus", "quadratus_plantae", "abductor_hallucis", "tibialis_posterior"],
        "heel pain list",
    ),
    "lateral_ankle": (
        V2F,
        ["peroneus_longus", "peroneus_brevis", "peroneus_tertius"],
        "lateral ankle pain list",
    ),
    "medial_ankle": (
        V2F,
        ["abductor_hallucis", "flexor_digitorum_longus"],
        "medial ankle pain list",
    ),
    "anterior_ankle": (
        V2F,
        [
            "tibialis_anterior",
            "peroneus_tertius",
            "extensor_digitorum_longus",
            "extensor_hallucis_longus",
        ],
        "anterior ankle pain list",
    ),
    "dorsal_foot": (
        V2F,
        [
            "extensor_digitorum_brevis",
            "extensor_hallucis_brevis",
            "extensor_digitorum_longus",
            "extensor_hallucis_longus",
            "flexor_hallucis_brevis",
            "interossei_foot",
            "tibialis_anterior",
        ],
        "dorsal forefoot pain list",
    ),
    # the outer edge of the foot below the lateral malleolus: T&S's lateral ankle list
    "lateral_foot": (
        V2F,
        ["peroneus_longus", "peroneus_brevis", "peroneus_tertius"],
        "lateral ankle pain list, for the outer edge of the foot below the malleolus",
    ),
    "big_toe": (
        V2F,
        [
            "tibialis_anterior",
            "extensor_hallucis_longus",
            "flexor_hallucis_longus",
            "flexor_hallucis_brevis",
        ],
        "big toe pain list",
    ),
    "lesser_toes": (
        V2F,
        [
            "extensor_digitorum_longus",
            "interossei_foot",
            "flexor_digitorum_longus",
            "flexor_digitorum_brevis",
        ],
        "lesser toes pain list",
    ),
    "ball_of_foot": (
        V2F,
        [
            "flexor_hallucis_brevis",
            "flexor_digitorum_brevis",
            "adductor_hallucis",
            "flexor_hallucis_longus",
            "interossei_foot",
            "abductor_digiti_minimi_foot",
            "flexor_digitorum_longus",
            "tibialis_posterior",
        ],
        "plantar forefoot pain list",
    ),
    "sole": (
        V2F,
        [
            "gastrocnemius",
            "flexor_digitorum_longus",
            "adductor_hallucis",
            "soleus",
            "interossei_foot",
            "abductor_hallucis",
            "tibialis_posterior",
        ],
        "plantar midfoot pain list",
    ),
    "medial_arch": (
        V2F,
        [
            "gastrocnemius",
            "flexor_digitorum_longus",
            "adductor_hallucis",
            "soleus",
            "interossei_foot",
            "abductor_hallucis",
            "tibialis_posterior",
        ],
        "plantar midfoot pain list",
    ),
}

GROUPS = [
    ("scalenes", "Scalenes", SC, "ts_v1", "20"),
    (
        "deltoid",
        "Deltoid",
        ["anterior_deltoid", "middle_deltoid", "posterior_deltoid"],
        "ts_v1",
        "28",
    ),
    (
        "adductor_longus_brevis",
        "Adductor longus and brevis",
        ["adductor_longus", "adductor_brevis"],
        "ts_v2",
        "15",
    ),
    (
        "medial_hamstrings",
        "Medial hamstrings (semitendinosus, semimembranosus)",
        ["semitendinosus", "semimembranosus"],
        "ts_v2",
        "16",
    ),
]


def _q(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def main() -> None:
    kb = load_knowledge()
    lines = [
        "# Frequency order per painful area: GENERATED by tools/gen_pain_areas.py (edit there).",
        "# For each region, the muscles that refer pain there, the more frequent first,",
        "# essential referrers and spillover referrers apart (Travell & Simons' pain guides,",
        "# cross-checked with Davies). ordered: false = no published order, all equal rank.",
        "# Schema and checks: nmt_bodymap/core/pain_areas.py.",
        "groups:",
    ]
    for gid, label, muscles, ref, chapter in GROUPS:
        lines += [
            f"  - id: {gid}",
            f"    label: {_q(label)}",
            f"    muscles: [{', '.join(muscles)}]",
            f"    sources: [{{ref: {ref}, chapter: {_q(chapter)}, "
            'note: "one referral pattern drawn for the parts"}]',
        ]
    lines.append("areas:")
    for region in load_vocabulary():
        kinds: dict[str, str] = {}
        for link in (link for name in overlapping(region) for link in kb.zones_naming(name)):
            if kinds.get(link.muscle.id) != "essential":
                kinds[link.muscle.id] = link.kind
        whole = whole_of().get(region)
        entry = ORDERS.get(region)
        if entry is None and whole is not None and whole in ORDERS:
            # a part keeps its whole's published order (T&S list the whole area only)
            (ref, chapter), order_of_whole, note = ORDERS[whole]
            entry = ((ref, chapter), order_of_whole, f"{note}, for its part {region}")
        order = [m for m in (entry[1] if entry else []) if m in kinds]
        order += [m for m in kinds if m not in order]
        essential = [m for m in order if kinds[m] == "essential"]
        spillover = [m for m in order if kinds[m] == "spillover"]
        lines += [
            f"  - region: {region}",
            f"    essential: [{', '.join(essential)}]",
            f"    spillover: [{', '.join(spillover)}]",
        ]
        if entry is None:
            lines += [
                "    ordered: false",
                '    sources: [{ref: ts_v1, note: "no pain-guide list for this area: '
                'the muscles whose referral zones name it, unordered"}]',
            ]
        else:
            (ref, chapter), _, note = entry
            extra = f", note: {_q(note)}" if note else ""
            lines.append(
                f"    sources: [{{ref: {ref}, chapter: {_q(chapter)}{extra}}}, "
                '{ref: davies, note: "cross-check"}]'
            )
    out = Path(__file__).parents[1] / "resources" / "pain_areas.yaml"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
