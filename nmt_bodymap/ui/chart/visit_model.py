"""What the open-visit models share: how a failure is named in words.

The models themselves are views of :class:`~nmt_bodymap.ui.chart.open_visit.OpenVisit`
(marks, findings and treatments, observations) and of one document per visit shown
(follow-ups).
"""

from __future__ import annotations


def error_text(exc: BaseException) -> str:
    """What went wrong, in words (an exception without a message gives its kind)."""
    return str(exc) or exc.__class__.__name__
