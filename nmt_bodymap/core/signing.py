"""Signed visits: what a signed visit allows, the sign and amend operations, and the
signature hashes. Qt-free; the store (``store/signing.py``, ``store/apply.py``) and the
window use the same rule.

- A visit is signed once (``SignVisit``): the therapist's name, the time, and a SHA-256
  ``signature`` over the visit's content at that moment (the visit's fields and every row
  still charted in it, ``content_hash``). Signing is not undone by Ctrl+Z: once stored it
  stays (a wrong signature is corrected by an amendment, as on paper).
- A signed visit refuses every ordinary operation on itself and its rows (``allows``),
  with ``SIGNED_REFUSAL``.
- A later correction is an ``Amend``: one field of the visit or of one of its rows, the new
  value and a mandatory reason. The signed row keeps its original value; the amendment is
  stored beside it with the value before and after, who, when, and its own signature, so
  both versions are always shown (``effective`` gives the value the amendments lead to).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nmt_bodymap.core import operations
from nmt_bodymap.core.operations import (
    ROW_FIELDS,
    VISIT_ROW_KINDS,
    OperationError,
    RowKind,
    new_row_id,
)

SIGNED_REFUSAL = "This visit is signed; record an amendment with a reason."
# The kinds a signature locks: the visit itself and every row charted in it.
LOCKED_KINDS: frozenset[RowKind] = frozenset({RowKind.VISIT, *VISIT_ROW_KINDS})
# The visit's own text fields a therapist amends most (the Amend form lists these first):
# its notes, not the therapist's name.
VISIT_TEXT_FIELDS: tuple[str, ...] = tuple(
    name for name in operations.VISIT_TEXT_FIELDS if name != "therapist"
)
MAX_REASON = 2000
MAX_NAME = 200


def allows(kind: RowKind | str, signed: bool) -> bool:
    """May an ordinary operation (add, change, move, delete, restore) touch a row of
    ``kind`` in a visit that is ``signed``? Only rows outside the visit (client, intake)."""
    return not signed or RowKind(kind) not in LOCKED_KINDS


def _text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OperationError(f"{what} is required.")
    if len(value) > limit:
        raise OperationError(f"{what} is longer than {limit} characters.")
    return value.strip()


@dataclass(frozen=True)
class SignVisit:
    """Sign the visit ``visit`` (uid) as ``signed_by``; ``base_version`` is the visit's
    version the screen read (a visit changed since is a conflict, not signed unseen)."""

    visit: str
    signed_by: str
    base_version: int
    # An import carries the original time and signature: the store checks the signature
    # against what the visit charts and refuses a mismatch.
    signed_at: str = ""
    signature: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.visit, str) or not self.visit:
            raise OperationError("Signing must name the visit.")
        object.__setattr__(self, "signed_by", _text(self.signed_by, "The signing name", MAX_NAME))
        if not isinstance(self.base_version, int) or self.base_version < 1:
            raise OperationError("Signing must name the version of the visit it read.")


@dataclass(frozen=True)
class Amend:
    """Amend ``field`` of the row ``target`` (of ``kind``) in the signed visit ``visit`` to
    ``after``, for ``reason``. ``row`` is the amendment's own id (a retried amend is stored
    once)."""

    visit: str
    kind: RowKind
    target: str
    field: str
    after: Any
    reason: str
    row: str = ""
    # An import carries who amended, when, and the signature (checked by the store).
    amended_by: str = ""
    amended_at: str = ""
    signature: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RowKind(self.kind))
        if not self.row:
            object.__setattr__(self, "row", new_row_id())
        if self.kind not in LOCKED_KINDS:
            raise OperationError(f"A {self.kind.value} is not part of a signed visit.")
        if self.field not in ROW_FIELDS[self.kind]:
            raise OperationError(f"{self.field!r} is not a field of a {self.kind.value}.")
        if not self.visit or not self.target:
            raise OperationError("An amendment must name the visit and the row it corrects.")
        object.__setattr__(
            self, "reason", _text(self.reason, "The reason for the amendment", MAX_REASON)
        )


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str).encode()


def content_hash(shown: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of what the visit charts, from ``VisitDocument.shown()``: the visit's
    fields and the values of its live rows per kind. Row ids are left out (sorted values
    instead), so a visit moved to another chart by export and import hashes the same."""
    content = {
        kind: (
            dict(values)
            if kind == "visit"
            else sorted(_canonical(row).decode() for row in values.values())
        )
        for kind, values in shown.items()
    }
    return hashlib.sha256(_canonical(content)).hexdigest()


def signature_of(content: str, signed_by: str, signed_at: str) -> str:
    """The visit's signature: the content hash bound to who signed it and when."""
    return hashlib.sha256(_canonical([content, signed_by, signed_at])).hexdigest()


def amendment_signature(visit_signature: str, values: Mapping[str, Any]) -> str:
    """An amendment's own signature, chained to the visit's signature (``values``: kind,
    field, before, after, reason, amended_by, amended_at; no row ids, see above)."""
    return hashlib.sha256(_canonical([visit_signature, dict(values)])).hexdigest()


def effective(original: Any, amendments: Iterable[Any], target: str, field: str) -> Any:
    """The value of ``field`` of row ``target`` after the amendments (oldest first) that
    name it; ``original`` when none does. Amendments need ``row``/``target`` and ``field``
    and ``after`` attributes."""
    value = original
    for amendment in amendments:
        if amendment.target == target and amendment.field == field:
            value = amendment.after
    return value
