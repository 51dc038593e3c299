"""Arm, forearm and hand muscles (client's right, half coordinates).

Anatomical position: palm forward, so the radial (thumb) side is lateral on both views;
the anterior view shows the flexors, the posterior view the extensors.
Attachments follow Travell & Simons, Vol. 1 (2nd ed.).
"""

from __future__ import annotations

from tools.bodygen.muscles_geometry import MuscleShape, belly, outline, pts, spindle

Half = dict[str, tuple[float, float]]


def _brachioradialis() -> MuscleShape:
    """Lateral supracondylar ridge -> radial styloid, the lateral border of the forearm."""
    return belly(
        (258, 680),
        (306, 984),
        [(0.03, 4, 3), (0.3, 14, 9), (0.55, 11, 7), (0.8, 5, 4), (0.97, 3, 2)],
    )


def anterior(lm: Half) -> dict[str, MuscleShape]:
    """Front of the arm, flexor forearm, palm."""
    coracoid = lm["coracoid"]
    return {
        # coracoid and supraglenoid tubercle -> radial tuberosity
        "biceps_brachii": belly(
            (176, 432),
            (256, 772),
            [(0.03, 5), (0.25, 14), (0.55, 19), (0.8, 14), (0.97, 5)],
        ),
        # distal anterior humerus -> ulnar tuberosity (beside and behind the biceps)
        "brachialis": belly((230, 590), (246, 800), [(0.03, 6), (0.3, 21), (0.6, 21), (0.97, 6)]),
        # coracoid -> middle of the medial humerus
        "coracobrachialis": belly(
            (coracoid[0] + 2, coracoid[1] + 6), (214, 590), [(0.03, 3), (0.4, 8), (0.97, 3)]
        ),
        "brachioradialis": _brachioradialis(),
        # medial epicondyle -> mid lateral radius, across the upper forearm
        "pronator_teres": spindle((222, 764), (290, 868), 9),
        # medial epicondyle -> base of the 2nd metacarpal
        "flexor_carpi_radialis": belly(
            (224, 768),
            (300, 998),
            [(0.03, 4, 4), (0.25, 5, 12), (0.5, 4, 9), (0.75, 3, 5), (0.97, 3, 3)],
        ),
        # medial epicondyle -> palmar aponeurosis
        "palmaris_longus": belly(
            (226, 772),
            (290, 1036),
            [(0.03, 3, 3), (0.25, 4, 8), (0.5, 3, 5), (0.75, 2.5, 2.5), (0.97, 2.5, 2.5)],
        ),
        # medial epicondyle and olecranon -> pisiform, along the ulnar border
        "flexor_carpi_ulnaris": belly(
            (230, 776),
            (270, 994),
            [(0.03, 3, 3), (0.3, 5, 9), (0.6, 4, 8), (0.97, 3, 3)],
        ),
        # common flexor origin, radius -> middle phalanges
        "flexor_digitorum_superficialis": belly(
            (230, 776),
            (284, 1008),
            [(0.03, 4, 5), (0.3, 8, 18), (0.6, 8, 16), (0.85, 6, 8), (0.97, 5, 5)],
        ),
        # anterior and medial ulna -> distal phalanges (deep to the superficialis)
        "flexor_digitorum_profundus": belly(
            (240, 792), (282, 1010), [(0.03, 5), (0.3, 8, 15), (0.6, 8, 14), (0.97, 5)]
        ),
        # capitate and 3rd metacarpal -> base of the thumb's proximal phalanx
        "adductor_pollicis": outline(
            [(294, 1030), (306, 1040), (326, 1058), (324, 1068), (300, 1082), (292, 1070)],
            origin=(294, 1056),
            insertion=(326, 1062),
        ),
        # flexor retinaculum and trapezium -> radial border of the 1st metacarpal
        "opponens_pollicis": spindle((302, 1002), (326, 1044), 6),
        # pisiform -> ulnar base of the little finger's proximal phalanx
        "abductor_digiti_minimi_hand": belly(
            (265, 1000), (263, 1078), [(0.03, 4), (0.4, 7), (0.97, 4)]
        ),
    }


def posterior(lm: Half) -> dict[str, MuscleShape]:
    """Back of the arm, extensor forearm, back of the hand."""
    olecranon = lm["olecranon"]
    return {
        # infraglenoid tubercle and posterior humerus -> olecranon
        "triceps_brachii": belly(
            (192, 470),
            (olecranon[0], olecranon[1] - 8),
            [(0.03, 6), (0.2, 19, 19), (0.45, 21, 24), (0.7, 18, 20), (0.9, 10), (0.97, 8)],
        ),
        # lateral epicondyle -> olecranon and upper posterior ulna
        "anconeus": spindle((286, 766), (262, 810), 8),
        "brachioradialis": _brachioradialis(),
        # lateral epicondyle and supinator crest -> upper lateral radius (deep)
        "supinator": spindle((276, 780), (294, 850), 9),
        # lower lateral supracondylar ridge -> base of the 2nd metacarpal
        "extensor_carpi_radialis_longus": belly(
            (272, 730),
            (306, 1004),
            [(0.03, 4, 2), (0.2, 8, 4), (0.4, 7, 4), (0.65, 4, 3), (0.97, 3, 2)],
        ),
        # common extensor origin -> base of the 3rd metacarpal
        "extensor_carpi_radialis_brevis": belly(
            (284, 772), (296, 1006), [(0.03, 4), (0.3, 10), (0.55, 8), (0.8, 4), (0.97, 3)]
        ),
        # common extensor origin -> extensor expansions of fingers 2-5
        "extensor_digitorum": belly(
            (280, 776),
            (284, 1030),
            [(0.03, 5), (0.3, 16, 11), (0.55, 14, 10), (0.8, 9, 7), (0.97, 6)],
        ),
        # common extensor origin and posterior ulna -> base of the 5th metacarpal
        "extensor_carpi_ulnaris": belly(
            (274, 782), (260, 1004), [(0.03, 4), (0.3, 10, 7), (0.6, 9, 6), (0.97, 3)]
        ),
        # lower posterior ulna -> extensor expansion of the index finger
        "extensor_indicis": spindle((266, 900), (306, 1040), 5),
        # adjacent sides of the 1st and 2nd metacarpals -> radial base of the index finger
        "first_dorsal_interosseous": outline(
            pts("306,1012 318,1022 330,1048 324,1070 320,1086 312,1080 306,1050"),
            origin=(310, 1018),
            insertion=(318, 1082),
        ),
    }
