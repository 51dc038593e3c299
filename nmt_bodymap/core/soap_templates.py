"""A clinic's SOAP templates: ``soap_templates.yaml`` in the data folder (Qt-free).

    templates:
      - name: Neck and shoulder follow-up
        subjective: "Pain since last visit (0-10): \nSleep: \nWork: "
        plan: "Review in one week."

Every template has a ``name`` and any of ``subjective``, ``objective``, ``assessment``,
``plan``. A missing file means no templates; a file that does not parse or does not fit
raises ``TemplateError`` with one plain line (the file's name and the first problem).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nmt_bodymap.core import data_cache

FILE_NAME = "soap_templates.yaml"
SECTIONS = ("subjective", "objective", "assessment", "plan")


class TemplateError(ValueError):
    """The templates file cannot be used (one line, no traceback)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SoapTemplate:
    """One template (validated by ``data_models.SoapTemplate``)."""

    name: str
    subjective: str = ""
    objective: str = ""
    assessment: str = ""
    plan: str = ""

    def sections(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SECTIONS}


def load_templates(path: Path) -> tuple[SoapTemplate, ...]:
    """The templates of ``path`` (none when the file does not exist); validated once per
    version of the file, then read from the pre-validated cache (no pydantic, no YAML)."""
    if not path.exists():
        return ()
    return data_cache.load(
        "soap_templates",
        [path],
        ("soap_templates.py",),
        lambda: _validated(path),
        lambda data: tuple(SoapTemplate(**item) for item in data),
    )


def _validated(path: Path) -> list[dict[str, Any]]:
    import yaml
    from pydantic import ValidationError

    from nmt_bodymap.core.data_models import SoapTemplatesFile
    from nmt_bodymap.core.datafiles import read_yaml

    try:
        parsed = SoapTemplatesFile.model_validate(read_yaml(path) or {})
    except OSError as exc:
        raise TemplateError(f"{path.name} cannot be read ({exc.strerror}).") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise TemplateError(f"{path.name} is not valid YAML{where}.") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(p) for p in first["loc"]) or "the top level"
        raise TemplateError(f"{path.name}: {place}: {first['msg']}.") from None
    names = [t.name for t in parsed.templates]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise TemplateError(f"{path.name}: the template {twice[0]!r} is listed twice.")
    return [template.model_dump() for template in parsed.templates]


def fill_empty(current: dict[str, str], template: SoapTemplate) -> dict[str, str]:
    """The sections after using ``template``: it fills only the empty ones (text the
    therapist wrote is never replaced)."""
    return {
        name: text if text.strip() else template.sections().get(name, "")
        for name, text in current.items()
    }
