"""Import a client exported by this app (``nmt-bodymap export --format json``) into a chart.

Moving a client between machines: the file is checked completely before anything is
written, in three steps, and refused with one plain reason (``ImportRefused``) at the first
problem, never with client data in the message:

1. it is JSON, of this app's format (``format``), of a schema version this app reads;
2. it matches the schema (:class:`~nmt_bodymap.store.exports.schema.ChartExport`);
3. a trial import into a throw-away chart in a temporary folder passes every check the
   real chart makes (regions, muscles, sides, ranges), through the same ``ChartStore`` calls.

Only then is the client added to the chart, as a new client with new ids. Rows that were
removed in the source chart are added and removed again, so the history of what was
charted travels with the client (their removal time becomes the time of the import).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from nmt_bodymap.core.operations import ROW_FIELDS, RowKind
from nmt_bodymap.core.signing import Amend, SignVisit
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.exports.schema import FORMAT, SCHEMA_VERSION, ChartExport
from nmt_bodymap.store.records import ClientRecord

MAX_BYTES = 200 * 1024 * 1024


class ImportRefused(ValueError):
    """The file cannot be imported; the message says why in one line (no client data)."""


def read_export(path: Path) -> ChartExport:
    """The validated document of an export file, or ``ImportRefused``."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportRefused(f"{path.name} is too large to be a chart export.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a folder, not an export file.") from None
    except OSError as exc:
        raise ImportRefused(f"{path.name} cannot be read ({exc.strerror}).") from None
    return parse_export(raw, path.name)


def parse_export(raw: bytes, name: str = "The file") -> ChartExport:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportRefused(f"{name} is not a text file: not a chart export.") from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            f"{name} is damaged or not JSON (line {exc.lineno}, column {exc.colno})."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(f"{name} is not an NMT Body Map chart export.")
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRefused(f"{name} has no valid schema_version.")
    if version > SCHEMA_VERSION:
        raise ImportRefused(
            f"{name} was written by a newer NMT Body Map (schema version {version}; this "
            f"version reads up to {SCHEMA_VERSION}): update the app to import it."
        )
    try:
        return ChartExport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top level"
        more = len(exc.errors()) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ImportRefused(
            f"{name} does not match the export schema at {where}: {first['msg']}{tail}."
        ) from None


# The fields of each kind of row are the operations' own table (core/operations.py), sorted
# so an import is written in the same order every time.
def _fields(kind: RowKind, leave_out: frozenset[str] = frozenset()) -> tuple[str, ...]:
    return tuple(sorted(ROW_FIELDS[kind] - leave_out))


_VISIT_FIELDS = _fields(RowKind.VISIT)
_INTAKE_FIELDS = _fields(RowKind.INTAKE, frozenset({"complaints"}))  # complaints: own rows
_CLIENT_FIELDS = _fields(RowKind.CLIENT)
_ROWS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # json list -> (add method, delete method, fields)
    "pain_marks": ("add_pain_mark", "delete_pain_mark", _fields(RowKind.PAIN_MARK)),
    "findings": ("add_finding", "delete_finding", _fields(RowKind.FINDING)),
    "treatments": ("add_treatment", "delete_treatment", _fields(RowKind.TREATMENT)),
    "observations": ("add_observation", "delete_observation", _fields(RowKind.OBSERVATION)),
    "follow_ups": ("add_follow_up", "delete_follow_up", _fields(RowKind.FOLLOW_UP)),
}


def _pick(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def _write(store: Any, chart: ChartExport) -> ClientRecord:
    client = store.create_client(**_pick(chart.client, _CLIENT_FIELDS))
    if chart.intake is not None:
        intake = chart.intake
        fields = intake.model_dump(include=set(_INTAKE_FIELDS))
        complaints = [
            _pick(c, ("description", "onset_date", "duration_weeks")) for c in intake.complaints
        ]
        store.save_intake(client.id, complaints=complaints, **fields)
    for visit in chart.visits:
        created = store.create_visit(client.id, **_pick(visit, _VISIT_FIELDS))
        uids = {visit.uid: created.uid}  # the file's row ids -> the new ones
        for name, (add, delete, names) in _ROWS.items():
            for row in getattr(visit, name):
                added = getattr(store, add)(created.id, **_pick(row, names))
                uids[row.uid] = added.uid
                if row.deleted_at is not None:
                    getattr(store, delete)(added.id)
        _write_signature(store, visit, created, uids)
    for c in chart.consents:
        store.record_consent(
            client.id,
            c.text_version,
            c.consented_on,
            c.typed_name,
            c.drawing,
            recorded_by=c.recorded_by,
            recorded_at=c.recorded_at,
        )
    return store.get_client(client.id)


def _write_signature(store: Any, visit: Any, created: Any, uids: dict[Any, str]) -> None:
    """Sign the imported visit as the file says, then its amendments, each checked against
    its signature (a file edited after signing is refused)."""
    if visit.signed_at is None:
        if visit.amendments:
            raise ChartValidationError("An unsigned visit cannot carry amendments.")
        return
    stored = store.get_visit(created.id)
    store.apply(
        SignVisit(
            created.uid,
            visit.signed_by,
            stored.version,
            signed_at=visit.signed_at.isoformat(),
            signature=visit.signature,
        )
    )
    for a in visit.amendments:
        if a.target not in uids:
            raise ChartValidationError("An amendment names a row the file does not hold.")
        store.apply(
            Amend(
                created.uid,
                RowKind(a.kind),
                uids[a.target],
                a.field,
                a.after,
                a.reason,
                amended_by=a.amended_by,
                amended_at=a.amended_at.isoformat(),
                signature=a.signature,
            )
        )


def trial_import(chart: ChartExport) -> None:
    """Import into a throw-away chart first: every row must pass the store's own checks."""
    from nmt_bodymap.store.service import ChartStore

    with tempfile.TemporaryDirectory(prefix="nmt-import-check-") as folder:
        trial = ChartStore.open(Path(folder) / "trial.sqlite3", backup_on_close=False)
        try:
            _write(trial, chart)
        except ValueError as exc:  # ChartValidationError, OperationError, a foreign kind
            raise ImportRefused(f"The file holds a row this app refuses: {exc}") from None
        finally:
            trial.close()


def import_chart(store: Any, path: Path) -> ClientRecord:
    """Add the client of the export file at ``path`` to ``store``; ``ImportRefused`` (and
    nothing written) when the file does not validate."""
    chart = read_export(path)
    trial_import(chart)
    try:
        return _write(store, chart)
    except ChartValidationError as exc:  # the trial passed, so this is not expected
        raise ImportRefused(f"The chart refused a row: {exc}") from None
