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

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nmt_bodymap.core.datafiles import read_yaml

FILE_NAME = "soap_templates.yaml"
SECTIONS = ("subjective", "objective", "assessment", "plan")


class TemplateError(ValueError):
    """The templates file cannot be used (one line, no traceback)."""


class SoapTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=80)
    subjective: str = Field("", max_length=5000)
    objective: str = Field("", max_length=5000)
    assessment: str = Field("", max_length=5000)
    plan: str = Field("", max_length=5000)

    def sections(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SECTIONS}


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    templates: tuple[SoapTemplate, ...] = ()


def load_templates(path: Path) -> tuple[SoapTemplate, ...]:
    """The templates of ``path`` (none when the file does not exist)."""
    if not path.exists():
        return ()
    try:
        parsed = _File.model_validate(read_yaml(path) or {})
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
    return parsed.templates


def fill_empty(current: dict[str, str], template: SoapTemplate) -> dict[str, str]:
    """The sections after using ``template``: it fills only the empty ones (text the
    therapist wrote is never replaced)."""
    return {
        name: text if text.strip() else template.sections().get(name, "")
        for name, text in current.items()
    }
