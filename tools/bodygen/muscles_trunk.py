"""Shoulder girdle, upper back, trunk and pelvis muscles (client's right, half coordinates).

Attachments follow Travell & Simons, Vol. 1 (2nd ed.) for the upper trunk and Vol. 2 for
the lumbar and pelvic muscles.
"""

from __future__ import annotations

from tools.bodygen.muscles_geometry import MuscleShape, belly, outline, pts, spindle

Half = dict[str, tuple[float, float]]


def _deltoid_middle(lm: Half) -> MuscleShape:
    """Acromion -> deltoid tuberosity; the cap of the shoulder, seen on both views."""
    ins = lm["deltoid_insertion"]
    return belly(
        (202, 396),
        (ins[0] - 2, ins[1] - 4),
        [(0.03, 9, 9), (0.3, 18, 13), (0.6, 15, 11), (0.85, 8, 6), (0.97, 4, 4)],
    )


def anterior(lm: Half) -> dict[str, MuscleShape]:
    """Chest, abdomen, front of the shoulder and hip."""
    ins = lm["deltoid_insertion"]
    return {
        # lateral third of the clavicle -> deltoid tuberosity
        "anterior_deltoid": belly(
            (164, 396),
            (ins[0] - 4, ins[1] - 4),
            [(0.03, 8), (0.3, 15), (0.6, 13), (0.85, 7), (0.97, 4)],
        ),
        "middle_deltoid": _deltoid_middle(lm),
        # 3rd-5th ribs -> coracoid process
        "pectoralis_minor": belly(
            (100, 520),
            (lm["coracoid"][0] - 2, lm["coracoid"][1] + 4),
            [(0.0, 26), (0.3, 20), (0.6, 13), (0.85, 7), (1.0, 4)],
        ),
        # first rib at its cartilage -> underside of the middle third of the clavicle
        "subclavius": spindle((24, 384), (112, 392), 5),
        # over the sternum, from the manubrium down to the lower costal cartilages
        "sternalis": spindle((12, 390), (14, 576), 7),
        # fan: clavicle, sternum and ribs -> lateral lip of the bicipital groove
        "pectoralis_major": outline(
            pts(
                "4,376 30,376 70,380 110,388 150,410 186,446 204,466 200,484 180,498 162,516 "
                "140,540 110,566 80,578 40,586 4,586"
            ),
            origin=(6, 480),
            insertion=(198, 472),
        ),
        # digitations on ribs 1-9 -> anterior face of the medial scapular border
        "serratus_anterior": outline(
            pts("142,520 160,514 158,560 154,610 144,660 128,684 118,656 122,600 130,560"),
            origin=(126, 648),
            insertion=(158, 518),
        ),
        # pubic crest -> xiphoid and costal cartilages 5-7
        "rectus_abdominis": outline(
            pts("4,586 30,578 60,588 62,650 58,760 48,880 28,972 8,984 4,940"),
            origin=(15, 974),
            insertion=(32, 592),
        ),
        # outer faces of ribs 5-12 -> linea alba, pubic tubercle and anterior iliac crest
        "external_oblique": outline(
            pts(
                "96,582 128,592 144,650 128,720 124,760 130,820 124,876 104,884 80,850 66,780 "
                "66,700 72,640 80,604"
            ),
            origin=(132, 640),
            insertion=(88, 852),
        ),
        # iliac crest, inguinal ligament -> lower ribs and linea alba, fibres up and in
        "internal_oblique": outline(
            pts("120,880 130,830 124,770 110,702 72,700 64,780 70,880 96,918"),
            origin=(120, 870),
            insertion=(74, 708),
        ),
        # pubic body -> linea alba, a small triangle above the symphysis
        "pyramidalis": outline(
            [(3, 979), (22, 978), (14, 950), (4, 908)], origin=(12, 975), insertion=(4, 914)
        ),
        # costal margin, xiphoid -> central tendon: the dome under the ribs
        "diaphragm": outline(
            pts("3,602 30,566 70,542 110,550 136,590 142,640 132,694 118,688 90,650 50,622 20,612"),
            origin=(122, 678),
            insertion=(30, 584),
        ),
        # between the ribs of the lateral chest, fibres down and forward
        "intercostals": outline(
            [(104, 600), (136, 566), (154, 574), (150, 650), (136, 698), (118, 690), (102, 650)],
            origin=(144, 580),
            insertion=(118, 688),
        ),
        # psoas from T12-L4 and iliacus from the iliac fossa -> lesser trochanter
        "iliopsoas": outline(
            pts(
                "16,700 34,700 46,790 70,856 100,858 124,876 112,900 96,950 90,1002 76,1006 "
                "66,960 40,880 20,800"
            ),
            origin=(24, 712),
            insertion=(84, 1000),
        ),
        # ASIS and anterior iliac crest -> iliotibial band
        "tensor_fasciae_latae": belly(
            (128, 886), (156, 1060), [(0.03, 8), (0.3, 14), (0.6, 12), (0.97, 5)]
        ),
        # anterior part, seen from the front: outer ilium behind the ASIS -> front of the
        # greater trochanter, deep to tensor fasciae latae (its anterior trigger points)
        "gluteus_minimus": belly(
            (140, 880), (164, 962), [(0.03, 6), (0.35, 12), (0.7, 9), (0.97, 4)]
        ),
    }


def posterior(lm: Half) -> dict[str, MuscleShape]:
    """Back, shoulder blade and buttock."""
    ins = lm["deltoid_insertion"]
    inf_angle = lm["scapula_inferior_angle"]
    return {
        # spines C7-T5 -> acromion and upper lip of the scapular spine, fibres level
        "middle_trapezius": outline(
            pts("3,350 40,358 90,376 140,392 182,398 176,410 140,416 100,432 80,446 40,452 3,454"),
            origin=(4, 402),
            insertion=(150, 410),
        ),
        # spines T4-T12 -> tubercle at the root of the scapular spine
        "lower_trapezius": outline(
            pts("3,452 44,452 80,446 88,454 82,470 60,530 36,620 14,700 3,705"),
            origin=(4, 640),
            insertion=(84, 456),
        ),
        # spines C7-T5 -> medial border of the scapula
        "rhomboids": outline(
            [(4, 352), (80, 440), (86, 520), (104, 606), (94, 612), (4, 490)],
            origin=(5, 420),
            insertion=(90, 530),
        ),
        # supraspinous fossa -> top facet of the greater tubercle, under the acromion
        "supraspinatus": outline(
            pts("80,410 120,404 170,402 200,410 210,424 204,432 180,421 130,436 86,452 78,430"),
            origin=(84, 430),
            insertion=(204, 420),
        ),
        # infraspinous fossa -> middle facet of the greater tubercle
        "infraspinatus": outline(
            pts(
                "82,456 120,440 170,414 200,424 210,440 198,452 160,478 132,530 110,596 96,590 "
                "86,530"
            ),
            origin=(92, 510),
            insertion=(206, 440),
        ),
        # upper lateral border of the scapula -> lowest facet of the greater tubercle
        "teres_minor": spindle((140, 522), (206, 456), 8),
        # inferior angle -> medial lip of the bicipital groove (posterior axillary fold)
        "teres_major": belly(
            (inf_angle[0] + 2, inf_angle[1] - 12),
            (188, 494),
            [(0.03, 8), (0.3, 11, 13), (0.6, 8, 12), (0.97, 5, 6)],
        ),
        # subscapular fossa (behind the blade) -> lesser tubercle
        "subscapularis": outline(
            pts("86,440 150,426 196,436 196,456 150,520 110,600 92,580 84,500"),
            origin=(94, 520),
            insertion=(194, 448),
        ),
        "middle_deltoid": _deltoid_middle(lm),
        # spine of the scapula -> deltoid tuberosity
        "posterior_deltoid": belly(
            (150, 410),
            (ins[0] - 2, ins[1] - 4),
            [(0.0, 14), (0.25, 19), (0.5, 17), (0.8, 9), (1.0, 4)],
        ),
        # thoracolumbar fascia, iliac crest, lower ribs -> floor of the bicipital groove
        "latissimus_dorsi": outline(
            pts(
                "6,588 50,600 104,618 150,560 174,512 190,498 194,510 176,526 160,552 154,604 "
                "142,664 126,730 124,790 132,844 118,856 84,810 40,750 18,690 8,630"
            ),
            origin=(44, 744),
            insertion=(186, 500),
        ),
        # spines C7-T3 -> ribs 2-5 beside their angles (under the rhomboids)
        "serratus_posterior_superior": belly(
            (4, 388), (84, 452), [(0.0, 14), (0.5, 13), (0.97, 10)]
        ),
        # spines T11-L2 -> ribs 9-12, fibres up and out
        "serratus_posterior_inferior": belly(
            (4, 742), (104, 690), [(0.0, 18), (0.5, 17), (0.97, 13)]
        ),
        # lower rib angles -> upper rib angles, the lateral column
        "iliocostalis_thoracis": spindle((70, 700), (60, 446), 10),
        # iliac crest and sacrum -> angles of ribs 5-12
        "iliocostalis_lumborum": spindle((58, 874), (72, 652), 12),
        # sacrum and lumbar transverse processes -> thoracic transverse processes and ribs
        "longissimus_thoracis": belly(
            (30, 872), (32, 470), [(0.03, 7), (0.2, 13), (0.5, 12), (0.8, 9), (0.97, 6)]
        ),
        # laminae from the sacrum upward, hugging the spinous processes
        "multifidi": belly(
            (11, 950), (10, 420), [(0.03, 6), (0.15, 8), (0.5, 6), (0.85, 5), (0.97, 4)]
        ),
        # iliac crest -> 12th rib and L1-L4 transverse processes
        "quadratus_lumborum": outline(
            [(34, 724), (84, 714), (104, 770), (112, 852), (64, 866), (40, 830)],
            origin=(82, 858),
            insertion=(62, 722),
        ),
        # posterior ilium, sacrum, coccyx -> gluteal tuberosity and iliotibial band
        "gluteus_maximus": outline(
            pts(
                "46,880 90,884 136,916 166,960 170,1000 160,1040 140,1060 110,1062 74,1052 "
                "40,1036 16,1012 8,986 12,946 28,906"
            ),
            origin=(24, 952),
            insertion=(160, 1040),
        ),
        # outer ilium under the iliac crest -> lateral greater trochanter (fan)
        "gluteus_medius": outline(
            pts("52,878 90,860 128,852 146,862 158,906 167,952 160,968 130,950 92,932 60,912"),
            origin=(96, 882),
            insertion=(164, 960),
        ),
        # ilium between the anterior and inferior gluteal lines -> anterior trochanter
        "gluteus_minimus": outline(
            [(80, 902), (128, 880), (156, 900), (170, 956), (160, 968), (120, 946), (88, 930)],
            origin=(110, 904),
            insertion=(166, 960),
        ),
        # anterior sacrum -> top of the greater trochanter (pear shaped)
        "piriformis": belly(
            (20, 930),
            (166, 952),
            [(0.0, 22), (0.2, 19), (0.5, 12), (0.8, 7), (1.0, 5)],
        ),
        # obturator membrane (inside the pelvis) -> medial face of the greater trochanter
        "obturator_internus": belly(
            (44, 1000), (160, 968), [(0.0, 12), (0.3, 10), (0.6, 6), (1.0, 4)]
        ),
        # ischial spine -> side of the lower sacrum and coccyx
        "coccygeus": belly((40, 962), (6, 990), [(0.0, 4), (0.5, 9), (1.0, 10)]),
        # pubis and obturator fascia -> anococcygeal body (pelvic floor, seen from behind)
        "levator_ani": outline(
            [(4, 986), (30, 978), (50, 990), (44, 1006), (20, 1010), (4, 1008)],
            origin=(46, 996),
            insertion=(6, 1002),
        ),
    }
