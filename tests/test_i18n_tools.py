"""The translation tools: the codemod wraps what it should, only once; the extractor
keeps translations, marks new strings unfinished and vanished ones obsolete; and the
German catalogue covers every tr() string of the code (the check the lead re-runs)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


wrap = _tool("i18n_wrap")
extract = _tool("i18n_extract")

SAMPLE = """from PySide6.QtWidgets import QLabel, QMessageBox

import logging

log = logging.getLogger(__name__)


def build(window, count, client):
    label = QLabel("Muscles to check")
    label.setObjectName("muscles-label")
    label.setToolTip(f"{count} muscle(s) for {client.name}")
    window.setWindowTitle("—")
    log.warning("not a dialog: %s", "kept")
    QMessageBox.warning(window, "Settings", "The folder does not exist.")
    return label
"""


def test_the_codemod_wraps_visible_text_once_and_adds_the_import() -> None:
    once, count = wrap.wrap_source(SAMPLE)
    assert count == 4
    assert 'QLabel(tr("Muscles to check"))' in once
    assert "tr('{count} muscle(s) for {name}').format(count=count, name=client.name)" in once
    assert 'QMessageBox.warning(window, tr("Settings"), tr("The folder does not exist."))' in once
    assert 'setObjectName("muscles-label")' in once  # an id, not text
    assert 'setWindowTitle("—")' in once  # no letter: nothing to translate
    assert 'log.warning("not a dialog: %s", "kept")' in once  # logs stay English
    assert once.count("from nmt_bodymap.ui.i18n import tr\n") == 1
    compile(once, "sample.py", "exec")
    twice, again = wrap.wrap_source(once)
    assert (twice, again) == (once, 0)


def test_the_wrapped_f_string_formats_as_before() -> None:
    wrapped, _ = wrap.wrap_source('w.setText(f"Saved {len(items)} of {total:>3} ({x!r})")\n')
    line = next(line for line in wrapped.splitlines() if "setText" in line)
    call = line.strip().removeprefix("w.setText(").removesuffix(")")
    items, total, x = [1, 2], 7, "a"
    expected = f"Saved {len(items)} of {total:>3} ({x!r})"
    assert eval(call, {"tr": lambda s: s, "items": items, "total": total, "x": x}) == expected


def test_the_extractor_keeps_marks_new_and_obsoletes(tmp_path: Path) -> None:
    path = tmp_path / "nmt_bodymap_de.ts"
    found = {("Close", ""): {"a.py"}, ("Open", ""): {"a.py"}}
    old = {
        ("Close", ""): extract.Entry("Close", "", "Schließen", ""),
        ("Gone", ""): extract.Entry("Gone", "", "Weg", ""),
    }
    extract.write_catalogue(path, "de_DE", extract.merged(found, old))
    _language, entries = extract.read_catalogue(path)
    assert entries[("Close", "")].translation == "Schließen"
    assert entries[("Close", "")].state == ""
    assert entries[("Open", "")].state == "unfinished"
    assert entries[("Gone", "")].state == "obsolete"
    assert entries[("Gone", "")].translation == "Weg"  # kept, should the string come back
    assert extract.problems(found, entries) == ["unfinished: 'Open' (a.py)"]


def test_the_german_catalogue_translates_every_string_of_the_code() -> None:
    found = extract.collect()
    assert len(found) > 300
    [german] = [p for p in extract.catalogues() if p.name.endswith("_de.ts")]
    _language, entries = extract.read_catalogue(german)
    assert extract.problems(found, entries) == []


def test_placeholders_survive_translation() -> None:
    """A translation keeps exactly the {names} of its source, or .format() would fail."""
    import string

    [german] = [p for p in extract.catalogues() if p.name.endswith("_de.ts")]
    _language, entries = extract.read_catalogue(german)
    fields = string.Formatter()
    for entry in entries.values():
        if entry.state:
            continue
        source = {f for _, f, _, _ in fields.parse(entry.source) if f is not None}
        target = {f for _, f, _, _ in fields.parse(entry.translation) if f is not None}
        assert source == target, entry.source


def test_nothing_is_left_to_wrap_in_the_ui() -> None:
    left = {
        str(path.relative_to(ROOT)): count
        for path in wrap.files([])
        if (count := wrap.wrap_source(path.read_text(encoding="utf-8"))[1])
    }
    assert left == {}
