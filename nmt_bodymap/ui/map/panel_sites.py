"""The parts of the body-map panel a click's answer does not need (issue 18): the strip of
sites inside the body, the captions on the views and the views' region items (hidden until
a referral zone lights them; ``BodyScene.region_items``).

They are built after the first click is answered on a deferred start (a room of
``ui/window_panels`` calls :meth:`PanelSites.finish_building`), or at once when something
asks for the strip first (a visit with marks inside, the "Inside the body" button, a
test). The strip is folded away until asked for, so building it moves nothing on screen;
once built it shows what the panel shows: the visit's marks inside, the selection and the
lit zones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QScrollArea

if TYPE_CHECKING:
    from nmt_bodymap.ui.chart.visit_marks import VisitMarks
    from nmt_bodymap.ui.map.body_scene import BodyScene
    from nmt_bodymap.ui.map.highlight import Highlight
    from nmt_bodymap.ui.map.internal_sites import InternalSitesPanel
    from nmt_bodymap.ui.map.palette import MapColors
    from nmt_bodymap.ui.map.selection import MarkSelection


class PanelSites:
    """Mixed into ``BodyMapPanel``: its strip of internal sites and captions, built late."""

    # The panel's, set in its __init__:
    colors: MapColors
    marks: VisitMarks
    selection: MarkSelection
    scenes: dict[str, BodyScene]
    _sites: tuple[InternalSitesPanel, QScrollArea] | None  # None until built
    _captions: bool  # the captions are on the views
    _beside_row: QBoxLayout  # the strip goes at its end, beside the views

    if TYPE_CHECKING:

        @property
        def highlight(self) -> Highlight | None: ...

        def _on_site_clicked(self, region: str, side: str, additive: bool) -> None: ...

        def _set_inside_button(self, shown: bool) -> None: ...

    @property
    def internal_sites(self) -> InternalSitesPanel:
        """The strip of sites inside the body (built on first use, folded away)."""
        if self._sites is None:
            from nmt_bodymap.ui.map.internal_sites import InternalSitesPanel
            from nmt_bodymap.ui.map.panel_parts import sites_strip

            sites = InternalSitesPanel(self.colors)
            sites.site_clicked.connect(self._on_site_clicked)
            strip = sites_strip(sites)  # hidden: takes no room in the row
            self._beside_row.addWidget(strip)
            self._sites = (sites, strip)
            sites.set_marks(self.marks.marks())
            sites.show_selection(self.selection.selected_keys())
            highlight = self.highlight
            sites.show_zones(highlight.zones if highlight is not None else {})
        return self._sites[0]

    def built_sites(self) -> InternalSitesPanel | None:
        """The strip if it is built, else None (it shows the panel's state once built)."""
        return self._sites[0] if self._sites is not None else None

    def finish_building(self) -> None:
        """Add what the first click's answer did not need; nothing moves on screen."""
        for scene in self.scenes.values():
            scene.region_items  # noqa: B018  (made, hidden: the first candidate lit needs them)
        if not self._captions:
            self._captions = True
            add_captions(self.scenes)
        self.internal_sites  # noqa: B018  (built, folded away)

    def show_internal_sites(self, shown: bool) -> None:
        """Unfold (or fold away) the strip of sites inside the body beside the views."""
        if shown or self._sites is not None:
            self.internal_sites  # noqa: B018  (built first)
            assert self._sites is not None
            self._sites[1].setVisible(shown)
        self._set_inside_button(shown)


def add_captions(scenes: Mapping[str, BodyScene]) -> None:
    """ "Client's right"... on each view, in the therapist's language (scene items)."""
    from nmt_bodymap.ui.map.captions import caption_items

    for view_name, scene in scenes.items():
        for caption in caption_items(view_name):
            scene.addItem(caption)
