"""Progress over visits: a timeline, charts of the figures that matter, and two visits compared.

For each visit: peak and mean pain intensity of its marks, pain extent (percentage of the
figure marked, ``core.pain_extent``) and the number of active trigger points found. The
charts are drawn with QPainter in :class:`TrendChart` (PySide6-Essentials has no QtCharts)
so the app needs no extra dependency. Below, two visits side by side: places that are new
at the later visit in red, places that resolved in green (hatched), unchanged in orange.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nmt_bodymap.core.after_care import judge_soreness
from nmt_bodymap.core.atlas import Atlas, load_atlas
from nmt_bodymap.core.pain_extent import compare_regions
from nmt_bodymap.core.progress_history import VisitHistory, load_history
from nmt_bodymap.ui.chart.thumbnail_painter import paint_thumbnail, paint_thumbnails
from nmt_bodymap.ui.chart.visit_panel import PIXEL_RATIO, thumbnail_icon
from nmt_bodymap.ui.clinic.red_flag_banner import StoreCall
from nmt_bodymap.ui.documents.after_care_words import follow_up_summary_words
from nmt_bodymap.ui.i18n import tr
from nmt_bodymap.ui.progress.marks_comparison import MarksComparison
from nmt_bodymap.ui.progress.timeline import Timeline, TimelineRow
from nmt_bodymap.ui.progress.trend_chart import Series, TrendChart
from nmt_bodymap.ui.window_state import fit_to_screen

THUMB_HEIGHT = 72
# Thumbnails are drawn for the rows on screen only (issue 18: 2,000 visits made 2,000 PNGs on
# the GUI thread); the worker draws the first FIRST_SCREEN, the rest as they scroll into view
# (``ui/chart/thumbnail_painter``: the visit list's drawer, Qt, no Pillow).
FIRST_SCREEN = 16
RELOAD_MS = 300  # a chart changed: read again this long after the last change


_MONTHS: dict[int, str] = {}  # month -> its abbreviation (``%b``), looked up once each


def _when(visit: Any) -> str:
    """The visit's date as ``%d %b %Y`` (strftime per visit was a third of the view's
    GUI time over 2,000 visits; the month's name is the only part that needs it)."""
    day = visit.started_at.astimezone()
    month = _MONTHS.get(day.month)
    if month is None:
        month = _MONTHS[day.month] = day.strftime("%b")
    return f"{day.day:02d} {month} {day.year}"


def _row_text(entry: VisitHistory, label: str) -> str:
    """A visit's row in the timeline: date, complaint, figures, how the client fared after."""
    m = entry.measures
    after = entry.follow_up
    return tr(
        "{label}  {complaint}\n   peak {peak} · extent {extent}% · "
        "{active} active TrP\n   after: {after}"
    ).format(
        label=label,
        complaint=entry.visit.chief_complaint or tr("visit"),
        peak="–" if m.peak_intensity is None else str(m.peak_intensity),
        extent=f"{m.extent_percent:.1f}",
        active=m.active_trigger_points,
        after=follow_up_summary_words(
            after.soreness_hours if after else None, after.relief_days if after else None
        ),
    )


class ProgressView(QWidget):
    """The progress of one client over their visits (a therapist's screen: it shows visit
    dates and complaints, so it is never used in education mode)."""

    def __init__(
        self,
        store_call: StoreCall,
        client_id: int,
        atlas: Atlas | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Progress"))
        self.store_call = store_call
        self.client_id = client_id
        self.atlas = atlas or load_atlas()
        self.history: list[VisitHistory] = []
        self.loaded = False

        self.timeline = Timeline(THUMB_HEIGHT)
        self.timeline.setObjectName("visit-timeline")
        self.timeline.setSpacing(4)
        self.timeline.setAccessibleName(tr("Visit timeline"))
        self.timeline.verticalScrollBar().valueChanged.connect(self._fill_thumbnails)
        self._thumbs_pending: set[int] = set()  # rows whose thumbnail is not drawn yet
        self._thumbs_coming: set[int] = set()  # rows whose thumbnail the worker is making
        self.thumbnails_shown = False  # the first screen's thumbnails are shown
        self.intensity_chart = TrendChart(tr("Pain intensity (0–10)"), y_max=10)
        self.extent_chart = TrendChart(tr("Pain extent (% of the body)"))
        self.trigger_chart = TrendChart(tr("Active trigger points"), counts=True)
        self.after_chart = TrendChart(tr("After the visit (follow-up)"))
        charts = QGridLayout()
        charts.addWidget(self.intensity_chart, 0, 0)
        charts.addWidget(self.after_chart, 0, 1)
        charts.addWidget(self.extent_chart, 1, 0)
        charts.addWidget(self.trigger_chart, 1, 1)
        charts_box = QWidget()
        charts_box.setLayout(charts)

        self.earlier_combo = QComboBox()
        self.later_combo = QComboBox()
        self.earlier_view = MarksComparison(self.atlas)
        self.later_view = MarksComparison(self.atlas)
        self.changes_label = QLabel("")
        self.changes_label.setWordWrap(True)
        self.earlier_combo.currentIndexChanged.connect(self._compare)
        self.later_combo.currentIndexChanged.connect(self._compare)
        compare = QGridLayout()
        compare.addWidget(QLabel(tr("Earlier visit")), 0, 0)
        compare.addWidget(self.earlier_combo, 0, 1)
        compare.addWidget(QLabel(tr("Later visit")), 0, 2)
        compare.addWidget(self.later_combo, 0, 3)
        compare.addWidget(self.earlier_view, 1, 0, 1, 2)
        compare.addWidget(self.later_view, 1, 2, 1, 2)
        legend = QLabel(
            tr(
                "<span style='color:#d62728'>■</span> new &nbsp; "
                "<span style='color:#2ca02c'>▨</span> resolved &nbsp; "
                "<span style='color:#ff7f0e'>■</span> unchanged"
            )
        )
        compare.addWidget(legend, 2, 0, 1, 2)
        compare.addWidget(self.changes_label, 2, 2, 1, 2)
        compare_box = QWidget()
        compare_box.setLayout(compare)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(charts_box)
        right.addWidget(compare_box)
        right.setSizes([420, 460])
        left = QVBoxLayout()
        heading = QLabel(tr("Visits"))
        heading.setStyleSheet("font-weight: 600; font-size: 15px;")
        left.addWidget(heading)
        left.addWidget(self.timeline, 1)
        layout = QHBoxLayout(self)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(260)
        layout.addWidget(left_box)
        scroll = QScrollArea()  # issue 15: on a short screen the charts scroll, never overflow
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        right.setMinimumHeight(640)
        layout.addWidget(scroll, 1)
        fit_to_screen(self, 1200, 900)
        self._generation = 0
        self._stale = False  # a change was reported while the view was hidden
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the client's visits again (on the worker) and show them; an answer to an
        earlier read that arrives after a later one was asked for is dropped."""
        self._generation += 1
        generation, client_id, atlas = self._generation, self.client_id, self.atlas

        def shown(history: list[VisitHistory]) -> None:
            if generation == self._generation:
                self.show_history(history)

        self.store_call(
            lambda store: load_history(store, client_id, atlas),
            shown,
            lambda exc: self.changes_label.setText(
                tr("Could not read the visits: {exc}").format(exc=exc)
            ),
        )

    def schedule_reload(self, *_args: object) -> None:
        """A chart changed (here or at another station): read again once the burst of
        changes is over (:data:`RELOAD_MS`), so the view shows what is stored. A hidden
        view reads nothing until it is shown again."""
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def show_history(self, history: list[VisitHistory]) -> None:
        chosen = self._chosen_visits()
        drawn = {  # read again: a visit whose marks are unchanged keeps its picture
            self.history[row].visit.id: (self.history[row].marks, icon)
            for row, icon in self.timeline.timeline_model.icons().items()
            if row < len(self.history)
        }
        self.history = list(history)
        icons = {}
        for row, entry in enumerate(self.history):
            kept = drawn.get(entry.visit.id)
            if kept is not None and kept[0] == entry.marks:
                icons[row] = kept[1]
        self._thumbs_pending = set(range(len(self.history))) - icons.keys()  # blank until drawn
        self._thumbs_coming.clear()
        self.thumbnails_shown = False
        labels = [_when(e.visit) for e in self.history]
        rows: list[TimelineRow] = []
        longer = tr("Soreness lasted longer than the expected 24 to 36 hours")
        for entry, label in zip(self.history, labels, strict=True):
            after = entry.follow_up
            warning = ""
            if after is not None and judge_soreness(after.soreness_hours) == "longer":
                warning = longer
            rows.append(TimelineRow(partial(_row_text, entry, label), warning))
        self.timeline.timeline_model.set_rows(rows, icons)
        ms = [e.measures for e in self.history]
        self.intensity_chart.set_data(
            labels,
            [
                Series(tr("Peak"), tuple(m.peak_intensity for m in ms), QColor("#b3261e")),
                Series(tr("Mean"), tuple(m.mean_intensity for m in ms), QColor("#1f77b4")),
            ],
        )
        self.extent_chart.set_data(
            labels, [Series(tr("Extent %"), tuple(m.extent_percent for m in ms), QColor("#9467bd"))]
        )
        self.trigger_chart.set_data(
            labels,
            [
                Series(
                    tr("Active trigger points"),
                    tuple(float(m.active_trigger_points) for m in ms),
                    QColor("#2ca02c"),
                )
            ],
        )
        follow_ups = [e.follow_up for e in self.history]
        self.after_chart.set_data(
            labels,
            [
                Series(
                    tr("Soreness (days)"),
                    tuple(
                        None if f is None or f.soreness_hours is None else f.soreness_hours / 24
                        for f in follow_ups
                    ),
                    QColor("#d62728"),
                ),
                Series(
                    tr("Relief (days)"),
                    tuple(None if f is None else f.relief_days for f in follow_ups),
                    QColor("#17becf"),
                ),
            ],
        )
        for combo in (self.earlier_combo, self.later_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(labels)
            combo.blockSignals(False)
        if self.history:
            self._choose_visits(*chosen)
        self._compare()
        self.loaded = True
        # The first screen's thumbnails on the worker, asked for once this event's paint is
        # queued (issue 18: the list and charts are shown without waiting for pictures).
        QTimer.singleShot(0, partial(self._first_thumbnails, self._generation))

    def _first_thumbnails(self, generation: int) -> None:
        """Ask the worker for the thumbnails of the first screenful (and the rows on screen)."""
        if generation != self._generation:
            return  # read again meanwhile: that read asks for its own
        top, bottom = self._rows_on_screen()
        rows = set(range(min(FIRST_SCREEN, len(self.history))))
        rows.update(range(top, bottom + 1) if top >= 0 else ())
        rows &= self._thumbs_pending
        if not rows:
            self.thumbnails_shown = True
            return
        self._thumbs_pending -= rows
        self._thumbs_coming = rows
        wanted = {row: self.history[row].marks for row in sorted(rows)}
        atlas = self.atlas

        def drawn(pictures: dict[int, QImage]) -> None:
            if generation != self._generation:
                return
            for row, picture in pictures.items():
                if row in self._thumbs_coming:
                    self._thumbs_coming.discard(row)
                    self.timeline.timeline_model.set_icon(row, thumbnail_icon(picture))
            self.thumbnails_shown = True

        def failed(_exc: BaseException) -> None:  # a picture is a nicety: draw them here
            if generation == self._generation:
                self._thumbs_pending |= self._thumbs_coming
                self._thumbs_coming.clear()
                self.thumbnails_shown = True
                self._fill_thumbnails()

        height = THUMB_HEIGHT * PIXEL_RATIO
        self.store_call(lambda _store: paint_thumbnails(wanted, height, atlas), drawn, failed)

    def _chosen_visits(self) -> tuple[int | None, int | None, int | None]:
        """The visit ids chosen now: compared earlier, compared later, selected in the list."""

        def visit_at(row: int) -> int | None:
            return self.history[row].visit.id if 0 <= row < len(self.history) else None

        return (
            visit_at(self.earlier_combo.currentIndex()),
            visit_at(self.later_combo.currentIndex()),
            visit_at(self.timeline.currentIndex().row()),
        )

    def _choose_visits(self, earlier: int | None, later: int | None, current: int | None) -> None:
        """After a read: the same visits chosen as before (first and last when new)."""
        rows = {entry.visit.id: row for row, entry in enumerate(self.history)}
        self.earlier_combo.setCurrentIndex(rows.get(earlier, 0))
        last = len(self.history) - 1
        self.later_combo.setCurrentIndex(rows.get(later, last))
        if current in rows:
            self.timeline.setCurrentIndex(self.timeline.timeline_model.index(rows[current]))

    def _fill_thumbnails(self, *_args: object) -> None:
        """Draw the thumbnails of the rows on screen that have none yet."""
        if not self._thumbs_pending:
            return
        top, bottom = self._rows_on_screen()
        if top < 0:
            return
        for row in range(top, bottom + 1):
            if row in self._thumbs_pending:
                self._thumbs_pending.discard(row)
                marks = self.history[row].marks
                picture = paint_thumbnail(marks, THUMB_HEIGHT * PIXEL_RATIO, self.atlas)
                self.timeline.timeline_model.set_icon(row, thumbnail_icon(picture))

    def _rows_on_screen(self) -> tuple[int, int]:
        """First and last row in the timeline's viewport (-1, -1 when none)."""
        rect = self.timeline.viewport().rect()
        x, gap = rect.center().x(), 2 * self.timeline.spacing() + 2

        def row_at(y: int) -> int:
            return self.timeline.indexAt(QPoint(x, y)).row()

        top = next((r for y in range(rect.top(), rect.top() + gap) if (r := row_at(y)) >= 0), -1)
        bottom = next(
            (r for y in range(rect.bottom(), rect.bottom() - gap, -1) if (r := row_at(y)) >= 0),
            self.timeline.count() - 1,
        )
        return top, bottom

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill_thumbnails()

    def _compare(self) -> None:
        if not self.history:
            return
        earlier = self.history[max(0, self.earlier_combo.currentIndex())]
        later = self.history[max(0, self.later_combo.currentIndex())]
        changes = compare_regions(earlier.marks, later.marks)
        before = {k: "unchanged" for k in changes.unchanged}
        before.update({k: "resolved" for k in changes.resolved})
        after = {k: "unchanged" for k in changes.unchanged}
        after.update({k: "new" for k in changes.new})
        self.earlier_view.show_places(before)
        self.later_view.show_places(after)
        self.changes_label.setText(
            tr("{new} new, {resolved} resolved, {unchanged} unchanged place(s)").format(
                new=len(changes.new),
                resolved=len(changes.resolved),
                unchanged=len(changes.unchanged),
            )
        )
