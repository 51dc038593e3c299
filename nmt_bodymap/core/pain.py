"""How a therapist describes a pain mark: its intensity scale and its quality.

Shared by the store (validation) and the UI (pickers, legend), so neither has to
import the other to agree on the words.
"""

from __future__ import annotations

PAIN_QUALITIES: tuple[str, ...] = ("ache", "sharp", "burning", "throbbing", "tingling", "numbness")
INTENSITY_MIN, INTENSITY_MAX = 0, 10
# A trigger point's tenderness and the pressure tolerated in treatment: scored 0 to 10.
SCORE_MIN, SCORE_MAX = 0, 10
# The client's stress on the intake form: 0 (none) to 10 (worst).
STRESS_MIN, STRESS_MAX = 0, 10
