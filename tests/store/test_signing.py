"""Signed visits (issue 16): a signed visit refuses every edit of itself and its rows, and
accepts an amendment that keeps both versions; signing and amending are in the history.
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from nmt_bodymap.core.operations import OperationError, RowKind
from nmt_bodymap.core.signing import SIGNED_REFUSAL, Amend, SignVisit, effective
from nmt_bodymap.core.visit_document import VisitDocument
from nmt_bodymap.store import ChartConflict, ChartNotFound, ChartStore, ChartValidationError
from tests.conftest import body_point

LEFT_TEMPLE = body_point("anterior", "temple", "left")

MARK = {
    "view": "anterior",
    "x": body_point("anterior", "temple", "right")[0],
    "y": body_point("anterior", "temple", "right")[1],
    "region": "temple",
    "side": "right",
    "intensity": 6,
    "quality": "throbbing",
}
FINDING = {"muscle_id": "upper_trapezius", "side": "right", "activity": "active"}


def _charted(store: ChartStore, visit_id: int) -> tuple[VisitDocument, dict[str, str]]:
    """A visit with one row of every kind, and the subjective note; returns the document."""
    store.update_visit(visit_id, subjective="Headache since Monday")
    mark = store.add_pain_mark(visit_id, **MARK)
    finding = store.add_finding(visit_id, **FINDING)
    treatment = store.add_treatment(
        visit_id, muscle_id="upper_trapezius", side="right", technique="ischemic compression"
    )
    follow_up = store.add_follow_up(visit_id, soreness_hours=24, note="sore a day")
    uids = {"mark": mark.uid, "finding": finding.uid, "treatment": treatment.uid}
    uids["follow_up"] = follow_up.uid
    return store.load_visit_document(visit_id), uids


def test_a_signed_visit_refuses_every_edit_and_nothing_changes(
    store: ChartStore, visit_id: int
) -> None:
    doc, uids = _charted(store, visit_id)
    signed = store.sign_visit(visit_id, "Sam Lee")
    assert signed.signed and signed.signed_by == "Sam Lee" and len(signed.signature) == 64
    assert store.signature_intact(visit_id)
    before = store.load_visit_document(visit_id).shown()
    refused = [
        doc.add_op(RowKind.PAIN_MARK, MARK),
        doc.add_op(RowKind.FINDING, FINDING),
        doc.add_op(RowKind.OBSERVATION, {"kind": "posture", "item": "forward_head"}),
        doc.change_op(RowKind.PAIN_MARK, uids["mark"], intensity=2),
        doc.move_op(uids["mark"], x=LEFT_TEMPLE[0], y=LEFT_TEMPLE[1]),
        doc.change_op(RowKind.FINDING, uids["finding"], note="changed later"),
        doc.delete_op(RowKind.TREATMENT, uids["treatment"]),
        doc.change_op(RowKind.FOLLOW_UP, uids["follow_up"], note="x"),
        doc.change_op(RowKind.VISIT, doc.visit, plan="a new plan"),
        doc.delete_op(RowKind.VISIT, doc.visit),
    ]
    history_before = len(store.history(signed.client_id))
    for op in refused:
        with pytest.raises(ChartValidationError) as error:
            store.apply(op)
        assert str(error.value) == SIGNED_REFUSAL, op
    with pytest.raises(ChartValidationError, match="signed"):
        store.update_visit(visit_id, plan="through the id-based call")
    with pytest.raises(ChartValidationError, match="signed"):
        store.add_pain_mark(visit_id, **MARK)
    assert store.load_visit_document(visit_id).shown() == before
    assert len(store.history(signed.client_id)) == history_before
    assert store.signature_intact(visit_id)


def test_an_amendment_keeps_the_original_and_shows_both_versions(
    store: ChartStore, visit_id: int
) -> None:
    _doc, uids = _charted(store, visit_id)
    visit = store.sign_visit(visit_id, "Sam Lee")
    first = store.amend(
        visit_id, "visit", visit.uid, "subjective", "Headache since Sunday", "Client corrected"
    )
    second = store.amend(
        visit_id, "visit", visit.uid, "subjective", "Headache since Saturday", "Diary checked"
    )
    note = store.amend(visit_id, "finding", uids["finding"], "note", "TrP 1 only", "Omitted")
    assert (first.before, first.after) == ("Headache since Monday", "Headache since Sunday")
    assert (second.before, second.after) == ("Headache since Sunday", "Headache since Saturday")
    assert (note.before, note.after, note.reason) == ("", "TrP 1 only", "Omitted")
    assert first.amended_by == store.who and len(first.signature) == 64
    # The signed visit itself still holds what was signed; the amendments hold the rest.
    assert store.get_visit(visit_id).subjective == "Headache since Monday"
    assert store.signature_intact(visit_id)
    listed = store.list_amendments(visit_id)
    assert [a.uid for a in listed] == [first.uid, second.uid, note.uid]
    assert effective("Headache since Monday", listed, visit.uid, "subjective") == (
        "Headache since Saturday"
    )
    ops = [(e.kind, e.op) for e in store.history(visit.client_id)[-4:]]
    assert ops == [("visit", "sign"), ("visit", "amend"), ("visit", "amend"), ("finding", "amend")]
    amend_entry = store.history(visit.client_id)[-3]
    assert amend_entry.before == {"subjective": "Headache since Monday"}
    assert amend_entry.after == {
        "subjective": "Headache since Sunday",
        "reason": "Client corrected",
    }


def test_an_amendment_needs_a_reason_and_a_signed_visit(store: ChartStore, visit_id: int) -> None:
    visit = store.get_visit(visit_id)
    with pytest.raises(OperationError, match="reason"):
        Amend(visit.uid, RowKind.VISIT, visit.uid, "plan", "new", "   ")
    with pytest.raises(OperationError, match="not a field"):
        Amend(visit.uid, RowKind.VISIT, visit.uid, "colour", "new", "why")
    with pytest.raises(ChartValidationError, match="not signed"):
        store.amend(visit_id, "visit", visit.uid, "plan", "new", "why")
    mark = store.add_pain_mark(visit_id, **MARK)
    store.sign_visit(visit_id, "Sam Lee")
    with pytest.raises(ChartValidationError, match="does not change"):
        store.amend(visit_id, "visit", visit.uid, "plan", "", "why")
    with pytest.raises(ChartValidationError, match="ntensity"):
        store.amend(visit_id, "pain_mark", mark.uid, "intensity", 99, "out of range")
    with pytest.raises(ChartNotFound):
        store.amend(visit_id, "pain_mark", visit.uid, "intensity", 5, "names the visit")
    assert store.list_amendments(visit_id) == []


def test_signing_twice_or_from_a_stale_screen_is_refused(store: ChartStore, visit_id: int) -> None:
    visit = store.get_visit(visit_id)
    store.update_visit(visit_id, plan="changed after the screen read it")
    with pytest.raises(ChartConflict):
        store.apply(SignVisit(visit.uid, "Sam Lee", visit.version))
    assert not store.get_visit(visit_id).signed
    store.sign_visit(visit_id, "Sam Lee")
    with pytest.raises(ChartValidationError, match="already signed by Sam Lee"):
        store.sign_visit(visit_id, "Another")
    assert store.get_visit(visit_id).signed_by == "Sam Lee"


def test_a_retried_amendment_is_stored_once(store: ChartStore, visit_id: int) -> None:
    visit = store.sign_visit(visit_id, "Sam Lee")
    op = Amend(visit.uid, RowKind.VISIT, visit.uid, "plan", "Stretch daily", "Plan left out")
    store.apply(op)
    again = store.apply(op)
    assert again.replayed and len(store.list_amendments(visit_id)) == 1


def test_other_visits_and_the_client_stay_editable(store: ChartStore, visit_id: int) -> None:
    visit = store.sign_visit(visit_id, "Sam Lee")
    store.update_client(visit.client_id, phone="555-0100")
    other = store.create_visit(visit.client_id, chief_complaint="Neck")
    store.add_pain_mark(other.id, **MARK)
    assert store.get_client(visit.client_id).phone == "555-0100"
    assert len(store.list_pain_marks(other.id)) == 1


def test_consent_is_recorded_checked_and_kept(store: ChartStore, visit_id: int) -> None:
    from datetime import date, timedelta

    from nmt_bodymap.core.consent import load_consent

    client_id = store.get_visit(visit_id).client_id
    version = load_consent().current
    assert store.latest_consent(client_id) is None
    refusals = [
        ((version, date.today(), "", ""), "typed name or drawn signature"),
        (("no-such-text", date.today(), "Ana Ruiz", ""), "text version"),
        ((version, date.today() + timedelta(days=1), "Ana Ruiz", ""), "future"),
        ((version, "31/12/2025", "Ana Ruiz", ""), "YYYY-MM-DD"),
        ((version, date.today(), "", "<script>"), "not a drawing"),
    ]
    for args, words in refusals:
        with pytest.raises(ChartValidationError, match=words):
            store.record_consent(client_id, *args)
    assert store.latest_consent(client_id) is None
    first = store.record_consent(client_id, version, date.today(), "Ana Ruiz")
    drawn = store.record_consent(client_id, version, date.today(), "", "M 10 20 L 30.5 40 L 50 60")
    latest = store.latest_consent(client_id)
    assert latest == drawn and latest.drawing == "M 10 20 L 30.5 40 L 50 60"
    assert first.typed_name == "Ana Ruiz" and first.text_version == version
    ops = [(e.kind, e.op) for e in store.history(client_id)[-2:]]
    assert ops == [("intake", "consent"), ("intake", "consent")]
