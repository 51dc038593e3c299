"""The chart as an HL7 FHIR R4 ``Bundle`` (type ``collection``), validated before writing.

Resources: one ``Patient``; one ``Encounter`` per visit; per pain mark an ``Observation``
(LOINC 72514-3, pain severity 0-10) with ``bodySite`` (the region in words) and the side as
a SNOMED CT laterality qualifier (7771000 left, 24028007 right, 51440002 both) in the
``observation-structureLaterality`` extension; per trigger-point finding an ``Observation``
(the muscle as body site, active/latent and the signs as components); per assessment
observation an ``Observation``; per treatment a ``Procedure``. Removed rows are left out.

Validated with ``fhir.resources``: its 8.x releases model FHIR R5 at the top level and
R4B (4.3.0) in ``fhir.resources.R4B``; no release on pydantic 2 ships plain R4 (4.0.1).
R4B changed none of the elements used here from R4, so the bundle is valid R4 as well.
Resource ids are UUIDs derived from the chart's ids (stable across exports of one chart).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nmt_bodymap.core.limits import every_hold, holds_words
from nmt_bodymap.store.exports.chart import write_private
from nmt_bodymap.store.exports.schema import (
    ChartExport,
    FindingData,
    PainMarkData,
    TreatmentData,
    VisitData,
)

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
LATERALITY_URL = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality"
LATERALITY = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "both": ("51440002", "Right and left"),
    "bilateral": ("51440002", "Right and left"),
}
APP_SYSTEM = "urn:nmt-bodymap"
_NAMESPACE = uuid.UUID("6f1c5c2e-3a4e-4b8e-9a57-1d2b8b6f0c11")


class FhirExportError(ValueError):
    """The bundle did not validate (a defect of the exporter, never of the chart)."""


def _with_side(element: dict[str, Any], side: str) -> dict[str, Any]:
    """``element`` with the side as the laterality extension (none for a midline side)."""
    extension = _laterality(side)
    if extension:
        element["extension"] = extension
    return element


def _id(client_key: str, kind: str, row_id: int | str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{client_key}/{kind}/{row_id}"))


def _concept(text: str, system: str | None = None, code: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {"text": text}
    if system and code:
        concept["coding"] = [{"system": system, "code": code, "display": text}]
    return concept


def _laterality(side: str) -> list[dict[str, Any]]:
    if side not in LATERALITY:
        return []
    code, display = LATERALITY[side]
    return [
        {
            "url": LATERALITY_URL,
            "valueCodeableConcept": {
                "coding": [{"system": SNOMED, "code": code, "display": display}],
                "text": display,
            },
        }
    ]


def _label(region: str, side: str) -> str:
    try:
        from nmt_bodymap.core.vocabulary import region_label

        return region_label(region, side)  # type: ignore[arg-type]
    except (KeyError, ValueError):
        return f"{side} {region.replace('_', ' ')}".strip()


def _muscle(muscle_id: str) -> str:
    try:
        from nmt_bodymap.core.knowledge import load_knowledge

        knowledge = load_knowledge()
        return knowledge.muscle(muscle_id).name if muscle_id in knowledge else muscle_id
    except Exception:  # knowledge files unreadable: the id still names the muscle
        return muscle_id


class _Builder:
    def __init__(self, chart: ChartExport) -> None:
        self.chart = chart
        self.key = chart.client.uid or f"client-{chart.client.id}"
        self.patient_id = _id(self.key, "patient", chart.client.id)
        self.entries: list[dict[str, Any]] = []

    def add(self, resource: dict[str, Any]) -> None:
        self.entries.append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource})

    def patient(self) -> None:
        client = self.chart.client
        resource: dict[str, Any] = {
            "resourceType": "Patient",
            "id": self.patient_id,
            "identifier": [{"system": f"{APP_SYSTEM}:client", "value": self.key}],
            "name": [{"text": client.name}],
        }
        if client.date_of_birth:
            resource["birthDate"] = client.date_of_birth.isoformat()
        telecom = [
            {"system": system, "value": value}
            for system, value in (("phone", client.phone), ("email", client.email))
            if value
        ]
        if telecom:
            resource["telecom"] = telecom
        if client.address:
            resource["address"] = [{"text": client.address}]
        self.add(resource)

    def encounter(self, visit: VisitData) -> str:
        encounter_id = _id(self.key, "visit", visit.uid or visit.id)
        resource: dict[str, Any] = {
            "resourceType": "Encounter",
            "id": encounter_id,
            "status": "finished",
            "class": {
                "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "code": "AMB",
                "display": "ambulatory",
            },
            "subject": {"reference": f"urn:uuid:{self.patient_id}"},
            "period": {"start": visit.started_at.isoformat()},
        }
        if visit.therapist:
            resource["participant"] = [{"individual": {"display": visit.therapist}}]
        if visit.chief_complaint:
            resource["reasonCode"] = [{"text": visit.chief_complaint}]
        self.add(resource)
        return encounter_id

    def _observation(self, visit: VisitData, encounter: str, kind: str, row: Any) -> dict[str, Any]:
        return {
            "resourceType": "Observation",
            "id": _id(self.key, kind, row.uid or row.id),
            "status": "final",
            "subject": {"reference": f"urn:uuid:{self.patient_id}"},
            "encounter": {"reference": f"urn:uuid:{encounter}"},
            "effectiveDateTime": visit.started_at.isoformat(),
        }

    def pain_mark(self, visit: VisitData, encounter: str, mark: PainMarkData) -> None:
        resource = self._observation(visit, encounter, "pain_mark", mark)
        resource.update(
            category=[_exam_category()],
            code=_concept("Pain severity 0-10 (reported)", LOINC, "72514-3"),
            valueInteger=mark.intensity,
            bodySite=_concept(_label(mark.region, mark.side)),
            note=[{"text": f"Quality: {mark.quality}"}]
            + ([{"text": mark.note}] if mark.note else []),
        )
        self.add(_with_side(resource, mark.side))

    def finding(self, visit: VisitData, encounter: str, finding: FindingData) -> None:
        resource = self._observation(visit, encounter, "finding", finding)
        signs = [
            ("Jump sign", finding.jump_sign),
            ("Local twitch response", finding.local_twitch),
            ("Referral reproduced", finding.referral_reproduced),
            ("Ischemia", finding.ischemia),
            ("Entrapment", finding.entrapment),
        ]
        components: list[dict[str, Any]] = [
            {"code": _concept(name), "valueBoolean": present} for name, present in signs
        ]
        if finding.tenderness is not None:
            components.append(
                {"code": _concept("Tenderness 0-10"), "valueInteger": finding.tenderness}
            )
        tp = f" ({finding.trigger_point_id})" if finding.trigger_point_id else ""
        resource.update(
            category=[_exam_category()],
            code=_concept("Myofascial trigger point"),
            valueString=f"{finding.activity} trigger point{tp}",
            bodySite=_concept(_muscle(finding.muscle_id)),
            component=components,
        )
        if finding.note:
            resource["note"] = [{"text": finding.note}]
        self.add(_with_side(resource, finding.side))

    def assessment(self, visit: VisitData, encounter: str, row: Any) -> None:
        resource = self._observation(visit, encounter, "observation", row)
        resource.update(
            category=[_exam_category()],
            code=_concept(f"{row.kind}: {row.item.replace('_', ' ')}"),
            valueString=row.severity or "present",
        )
        if row.region:
            resource["bodySite"] = _concept(_label(row.region, row.side))
        if row.note:
            resource["note"] = [{"text": row.note}]
        self.add(_with_side(resource, row.side))

    @staticmethod
    def _site(text: str, side: str) -> dict[str, Any]:
        """A body site in words, with the side as a SNOMED CT laterality qualifier."""
        return _with_side(_concept(text), side)

    def procedure(self, visit: VisitData, encounter: str, row: TreatmentData) -> None:
        holds = every_hold(vars(row))  # each hold's length, or those an older row implies
        details = []
        if holds:  # "2 holds: 20 s, 10 s"; one: "hold 20 s"
            details.append(holds_words(holds) if len(holds) > 1 else f"hold {holds_words(holds)}")
        elif row.repetitions is not None:
            details.append(f"{row.repetitions} repetitions")
        if row.pressure_tolerance is not None:
            details.append(f"pressure tolerance {row.pressure_tolerance}/10")
        resource: dict[str, Any] = {
            "resourceType": "Procedure",
            "id": _id(self.key, "treatment", row.uid or row.id),
            "status": "completed",
            "code": _concept(row.technique),
            "subject": {"reference": f"urn:uuid:{self.patient_id}"},
            "encounter": {"reference": f"urn:uuid:{encounter}"},
            "performedDateTime": visit.started_at.isoformat(),
            "bodySite": [self._site(_muscle(row.muscle_id), row.side)],
        }
        if row.response:
            resource["outcome"] = {"text": row.response}
        if details:
            resource["note"] = [{"text": ", ".join(details)}]
        self.add(resource)


def _exam_category() -> dict[str, Any]:
    return {
        "coding": [
            {
                "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                "code": "exam",
                "display": "Exam",
            }
        ]
    }


def fhir_bundle(chart: ChartExport) -> dict[str, Any]:
    """The chart as a FHIR Bundle (a JSON-ready dict), validated with ``fhir.resources``."""
    builder = _Builder(chart)
    builder.patient()
    for visit in chart.visits:
        encounter = builder.encounter(visit)
        kinds: list[tuple[list[Any], Callable[[VisitData, str, Any], None]]] = [
            (visit.pain_marks, builder.pain_mark),
            (visit.findings, builder.finding),
            (visit.observations, builder.assessment),
            (visit.treatments, builder.procedure),
        ]
        for rows, add in kinds:
            for row in rows:
                if row.deleted_at is None:  # removed rows are left out
                    add(visit, encounter, row)
    bundle = {
        "resourceType": "Bundle",
        "id": _id(builder.key, "bundle", chart.exported_at.isoformat()),
        "type": "collection",
        "timestamp": chart.exported_at.isoformat(),
        "entry": builder.entries,
    }
    validate_bundle(bundle)
    return bundle


# The required code bindings this exporter uses: ``fhir.resources`` checks structure,
# cardinality and data types, not value sets, so these few are checked here.
_REQUIRED_CODES: dict[tuple[str, str], frozenset[str]] = {
    ("Bundle", "type"): frozenset(
        [
            "document",
            "message",
            "transaction",
            "transaction-response",
            "batch",
            "batch-response",
            "history",
            "searchset",
            "collection",
        ]
    ),
    ("Observation", "status"): frozenset(
        [
            "registered",
            "preliminary",
            "final",
            "amended",
            "corrected",
            "cancelled",
            "entered-in-error",
            "unknown",
        ]
    ),
    ("Encounter", "status"): frozenset(
        [
            "planned",
            "arrived",
            "triaged",
            "in-progress",
            "onleave",
            "finished",
            "cancelled",
            "entered-in-error",
            "unknown",
        ]
    ),
    ("Procedure", "status"): frozenset(
        [
            "preparation",
            "in-progress",
            "not-done",
            "on-hold",
            "stopped",
            "completed",
            "entered-in-error",
            "unknown",
        ]
    ),
}


def _check_codes(resource: dict[str, Any], where: str) -> None:
    kind = resource.get("resourceType", "")
    for (resource_type, element), allowed in _REQUIRED_CODES.items():
        if kind == resource_type and element in resource and resource[element] not in allowed:
            raise FhirExportError(f"FHIR bundle invalid at {where}{element}: not a {kind} code")


def validate_bundle(bundle: dict[str, Any]) -> None:
    """Raise ``FhirExportError`` unless ``bundle`` is a valid FHIR R4(B) Bundle."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate(bundle)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise FhirExportError(f"FHIR bundle invalid at {where}: {first['msg']}") from None
    _check_codes(bundle, "")
    for index, entry in enumerate(bundle.get("entry", [])):
        _check_codes(entry.get("resource", {}), f"entry.{index}.resource.")


def write_fhir(chart: ChartExport, path: Path) -> Path:
    text = json.dumps(fhir_bundle(chart), indent=2, ensure_ascii=False) + "\n"
    return write_private(path, text.encode("utf-8"))
