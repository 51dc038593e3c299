"""Thigh, leg and foot muscles (client's right, half coordinates).

On the posterior view the plantar-foot inset shows the sole from below, toes up, heel
down, big toe toward the figure. Attachments follow Travell & Simons, Vol. 2.
"""

from __future__ import annotations

from tools.bodygen.muscles_geometry import MuscleShape, belly, outline, pts, spindle, strap

Half = dict[str, tuple[float, float]]


def anterior(lm: Half) -> dict[str, MuscleShape]:
    """Front of the thigh, shin and top of the foot."""
    patella = lm["patella_centre"]
    return {
        # anterior inferior iliac spine -> patella (and via its tendon the tibial tuberosity)
        "rectus_femoris": belly(
            (110, 915),
            (patella[0] + 1, patella[1] - 18),
            [(0.03, 6), (0.2, 16), (0.5, 21), (0.8, 15), (0.97, 6)],
        ),
        # greater trochanter and lateral linea aspera -> lateral patella
        "vastus_lateralis": belly(
            (160, 990),
            (120, 1376),
            [(0.03, 10, 6), (0.25, 22, 11), (0.5, 24, 10), (0.75, 22, 8), (0.97, 10, 5)],
        ),
        # medial linea aspera -> medial patella; the teardrop above the knee
        "vastus_medialis": belly(
            (74, 1070),
            (76, 1380),
            [(0.03, 4, 4), (0.3, 9, 6), (0.6, 22, 10), (0.8, 27, 12), (0.97, 12, 6)],
        ),
        # anterior and lateral femoral shaft -> patella, under rectus femoris
        "vastus_intermedius": spindle((112, 1020), (96, 1360), 20),
        # ASIS -> medial tibia (pes anserinus), crossing the thigh
        "sartorius": strap(
            [(122, 888), (112, 970), (100, 1070), (86, 1180), (72, 1290), (62, 1370), (60, 1448)],
            [6, 8, 9, 9, 9, 8, 5],
        ),
        # superior pubic ramus -> pectineal line of the femur
        "pectineus": spindle((30, 972), (84, 1014), 10),
        # pubic body -> middle third of the linea aspera
        "adductor_longus": belly(
            (16, 990), (80, 1190), [(0.03, 5), (0.3, 13), (0.6, 15), (0.97, 6)]
        ),
        # pubic body and inferior ramus -> upper linea aspera (under adductor longus)
        "adductor_brevis": spindle((24, 994), (86, 1092), 12),
        # pubic body -> medial tibia (pes anserinus), along the inner thigh
        "gracilis": strap(
            [(14, 1010), (32, 1100), (42, 1200), (50, 1300), (56, 1390), (60, 1448)],
            [4, 7, 8, 7, 6, 4],
        ),
        # lateral tibial condyle and upper tibia -> medial cuneiform, 1st metatarsal
        "tibialis_anterior": belly(
            (106, 1470), (72, 1836), [(0.03, 6), (0.2, 12), (0.45, 11), (0.7, 6), (0.97, 3)]
        ),
        # lateral tibial condyle and fibula -> toes 2-5
        "extensor_digitorum_longus": belly(
            (114, 1472), (98, 1850), [(0.03, 4), (0.25, 7), (0.55, 6), (0.8, 4), (0.97, 3)]
        ),
        # middle fibula -> distal phalanx of the big toe
        "extensor_hallucis_longus": belly(
            (104, 1600), (66, 1876), [(0.03, 3), (0.3, 6), (0.6, 5), (0.97, 3)]
        ),
        # fibular head and upper lateral fibula -> (behind the lateral malleolus) 1st metatarsal
        "peroneus_longus": belly(
            (126, 1462),
            (102, 1790),
            [(0.03, 5, 3), (0.25, 9, 8), (0.5, 8, 5), (0.75, 4, 2), (0.97, 2, 2)],
        ),
        # lower lateral fibula -> (round the lateral malleolus) base of the 5th metatarsal
        "peroneus_brevis": strap(
            [(112, 1600), (108, 1680), (104, 1750), (104, 1795), (116, 1838)],
            [5, 5, 4, 3, 3],
            origin=(112, 1600),
            insertion=(110, 1826),
        ),
        # lower anterior fibula -> dorsum of the 5th metatarsal base, in front of the ankle
        "peroneus_tertius": strap(
            [(100, 1690), (100, 1750), (106, 1800), (118, 1846)],
            [4, 5, 4, 3],
            insertion=(114, 1842),
        ),
        # dorsolateral calcaneus -> tendons of toes 2-4
        "extensor_digitorum_brevis": spindle((118, 1818), (100, 1858), 7),
        # dorsal calcaneus -> proximal phalanx of the big toe
        "extensor_hallucis_brevis": spindle((108, 1816), (74, 1862), 5),
    }


def posterior(lm: Half) -> dict[str, MuscleShape]:
    """Back of the thigh and calf, and the plantar inset."""
    heel = lm["heel"]
    calcaneus = (heel[0], heel[1] - 7)
    return {
        # greater trochanter and lateral linea aspera -> lateral patella (seen from behind)
        "vastus_lateralis": belly(
            (164, 996),
            (126, 1376),
            [(0.03, 6, 5), (0.3, 24, 8), (0.6, 22, 8), (0.97, 6, 4)],
        ),
        # ischial tuberosity and ischiopubic ramus -> linea aspera and adductor tubercle
        "adductor_magnus": outline(
            pts("14,1020 54,1034 70,1120 66,1260 58,1370 50,1352 40,1260 28,1150 17,1060"),
            origin=(34, 1030),
            insertion=(56, 1362),
        ),
        # ischial tuberosity (long head) -> fibular head
        "biceps_femoris": belly(
            (54, 1030),
            (lm["fibular_head"][0] - 2, lm["fibular_head"][1] - 6),
            [(0.03, 6), (0.25, 17), (0.5, 21), (0.75, 17), (0.9, 10), (0.97, 5)],
        ),
        # ischial tuberosity -> medial tibia (pes anserinus)
        "semitendinosus": belly(
            (46, 1030), (60, 1440), [(0.03, 6), (0.3, 13), (0.6, 11), (0.85, 6), (0.97, 4)]
        ),
        # ischial tuberosity -> posteromedial tibial condyle
        "semimembranosus": belly(
            (52, 1040),
            (62, 1420),
            [(0.03, 4), (0.3, 8), (0.6, 14, 16), (0.85, 12, 18), (0.97, 6)],
        ),
        # lateral femoral condyle -> posterior tibia above the soleal line
        "popliteus": belly((124, 1414), (66, 1464), [(0.03, 4), (0.3, 9), (0.7, 13), (0.97, 8)]),
        # both femoral condyles -> calcaneus through the Achilles tendon
        "gastrocnemius": outline(
            pts(
                "62,1380 92,1396 122,1378 124,1440 128,1500 126,1540 116,1600 100,1650 94,1700 "
                "93,1842 87,1842 86,1700 80,1650 64,1600 54,1530 56,1450"
            ),
            origin=(92, 1402),
            insertion=calcaneus,
        ),
        # fibular head, soleal line of the tibia -> calcaneus, below and either side of gastroc
        "soleus": outline(
            pts(
                "72,1460 120,1456 128,1530 122,1610 112,1690 98,1740 95,1842 85,1842 84,1740 "
                "68,1690 56,1610 52,1530 62,1480"
            ),
            origin=(98, 1462),
            insertion=calcaneus,
        ),
        # lateral supracondylar line -> calcaneus by a long thin tendon
        "plantaris": belly(
            (122, 1372),
            (88, 1840),
            [(0.03, 4), (0.1, 6), (0.2, 4), (0.3, 2.5), (0.97, 2.5)],
        ),
        # interosseous membrane, tibia, fibula -> behind the medial malleolus to the navicular
        "tibialis_posterior": belly(
            (96, 1480), (72, 1806), [(0.03, 6), (0.3, 12), (0.6, 10), (0.85, 5), (0.97, 3)]
        ),
        # posterior tibia -> behind the medial malleolus to the toes
        "flexor_digitorum_longus": belly(
            (74, 1500), (70, 1808), [(0.03, 4), (0.35, 8), (0.7, 6), (0.97, 3)]
        ),
        # lower posterior fibula -> behind the medial malleolus to the big toe
        "flexor_hallucis_longus": belly(
            (114, 1550), (80, 1818), [(0.03, 4), (0.3, 10), (0.6, 9), (0.97, 3)]
        ),
        # plantar inset: medial calcaneal tubercle -> medial base of the big toe
        "abductor_hallucis": strap(
            [(354, 1880), (347, 1820), (352, 1760), (342, 1700), (332, 1640), (328, 1604)],
            [8, 8, 8, 8, 7, 5],
        ),
        # medial calcaneal tubercle -> middle phalanges of toes 2-5
        "flexor_digitorum_brevis": belly(
            (368, 1872),
            (372, 1630),
            [(0.03, 6), (0.25, 14), (0.5, 16), (0.75, 14), (0.97, 8)],
        ),
        # lateral calcaneal tubercle -> lateral base of the little toe
        "abductor_digiti_minimi_foot": belly(
            (382, 1876),
            (406, 1630),
            [(0.03, 4, 4), (0.3, 8, 6), (0.6, 8, 6), (0.97, 4, 4)],
        ),
        # calcaneus -> tendon of flexor digitorum longus (deep, mid-sole)
        "quadratus_plantae": spindle((366, 1850), (368, 1740), 14),
        # cuboid and cuneiforms -> base of the big toe
        "flexor_hallucis_brevis": spindle((350, 1720), (334, 1620), 8),
        # bases of metatarsals 2-4 -> lateral base of the big toe (oblique head)
        "adductor_hallucis": spindle((388, 1700), (338, 1628), 12),
        # between the metatarsals, bases -> toes
        "interossei_foot": spindle((376, 1720), (376, 1640), 20),
    }
