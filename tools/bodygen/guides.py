"""Light anatomical guide lines (the ``landmarks`` layer): face, clavicles, scapulae, spine...

They help the therapist and the client find their way on the figure; they carry no ids
and play no part in hit-testing. Returned as SVG path data in half coordinates, mirrored
by the caller for the other side when ``bilateral`` is true.
"""

from __future__ import annotations

from tools.bodygen.curves import open_curve, spline

Point = tuple[float, float]
Guide = tuple[list[Point], bool, bool]  # points, closed, bilateral


def _open(*pts: Point) -> list[Point]:
    return open_curve(pts, steps=8)


def _closed(*pts: Point) -> list[Point]:
    dense = spline(pts, closed=True, steps=8)
    return [*dense, dense[0]]


def guides(view: str) -> list[Guide]:
    g: list[Guide] = []
    if view == "anterior":
        g += [
            (_closed((18, 180), (38, 172), (58, 180), (38, 187)), False, True),  # eye
            (_open((16, 164), (36, 157), (60, 160)), False, True),  # eyebrow
            (_open((8, 192), (9, 218), (18, 228)), False, True),  # nose side
            (_open((0, 232), (10, 231)), False, True),  # nostril base
            (_open((0, 256), (14, 255), (24, 252)), False, True),  # mouth
            (_open((92, 184), (96, 200), (91, 222)), False, True),  # ear rim
            (_open((20, 372), (70, 370), (130, 378), (178, 390)), False, True),  # clavicle
            (_open((0, 368), (0, 604)), False, False),  # sternum line
            (_open((60, 586), (98, 596), (140, 582)), False, True),  # lower pectoral line
            (_open((0, 604), (50, 640), (96, 672), (124, 694)), False, True),  # rib margin
            (_closed((0, 782), (6, 790), (0, 798), (-6, 790)), False, False),  # navel
            (_open((120, 886), (80, 930), (40, 968), (18, 986)), False, True),  # inguinal line
            (
                _closed((80, 1378), (92, 1368), (106, 1380), (104, 1410), (92, 1420), (79, 1406)),
                False,
                True,
            ),  # patella
            (_open((90, 1462), (88, 1560), (84, 1700)), False, True),  # tibial crest
            (_open((68, 1782), (66, 1792)), False, True),  # medial malleolus
            (_open((112, 1790), (114, 1800)), False, True),  # lateral malleolus
        ]
    else:
        g += [
            (_open((0, 345), (0, 872)), False, False),  # spine
            (_open((84, 452), (130, 428), (184, 402)), False, True),  # scapular spine
            (
                _open((80, 408), (84, 470), (88, 540), (104, 610), (140, 560), (176, 505)),
                False,
                True,
            ),  # scapula medial and lateral borders
            (_open((80, 408), (110, 400), (150, 396)), False, True),  # superior border
            (_open((46, 900), (90, 862), (148, 850), (172, 866)), False, True),  # iliac crest
            (_open((0, 875), (30, 880), (22, 960), (0, 990)), False, True),  # sacrum
            (_open((8, 1040), (60, 1052), (120, 1046), (150, 1030)), False, True),  # gluteal fold
            (_open((60, 1405), (92, 1410), (124, 1405)), False, True),  # popliteal crease
            (_open((88, 1700), (88, 1790)), False, True),  # Achilles line
            (_open((72, 1836), (90, 1850), (108, 1836)), False, True),  # heel
            (_open((254, 764), (252, 770)), False, True),  # olecranon point
            (_open((264, 1010), (290, 1020), (312, 1014)), False, True),  # wrist crease
            (_open((66, 232), (74, 244), (84, 246)), False, True),  # mastoid line
            # plantar inset guides: heel pad and ball crease
            (_open((346, 1690), (370, 1680), (406, 1686)), False, True),
            (_open((340, 1818), (368, 1812), (398, 1818)), False, True),
        ]
    return g
