"""apply_theme at start-up: Fusion on Linux, made once (issue 18: re-making the style the
platform already chose cost ~9 ms before the first paint)."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from nmt_bodymap.ui.theme import apply_theme


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Fusion is picked on Linux")
def test_linux_gets_fusion_and_an_existing_fusion_style_is_kept(qapp: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyle("Windows")
    apply_theme(app)
    assert app.style().name().casefold() == "fusion"  # picked where the platform did not
    fusion = app.style()
    apply_theme(app)
    assert app.style() is fusion  # already Fusion: not replaced
    assert app.font().pointSizeF() >= 10
