"""The contracts that run in tools/test.sh stay as strict as they are today.

mypy is strict for the core, the store and the UI; the modules it relaxes (core, store) or
skips (UI) are listed in pyproject.toml and those lists may only shrink: a module on them
that is not on the committed lists below fails here. Take a module off both once it passes
``mypy --strict``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

# The committed allow-list: modules (or packages, with .*) checked with relaxed options.
RELAXED_ALLOWED = {
    "nmt_bodymap.core.ranking_geometry",
    "nmt_bodymap.store.import_chart",
    "nmt_bodymap.store.migrations.*",
}
# What a core/store override may relax: only these three strict checks, nothing more.
RELAXABLE = {"warn_return_any", "disallow_any_generics", "warn_unused_ignores"}
# The committed allow-list of UI modules mypy skips (ignore_errors); the rest of the UI is
# checked strictly.
UI_UNCHECKED_ALLOWED: set[str] = set()  # empty: every UI module is checked


def _mypy() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["mypy"]


def test_mypy_is_strict_over_the_core_and_the_store() -> None:
    mypy = _mypy()
    assert mypy["strict"] is True
    assert {"nmt_bodymap.core", "nmt_bodymap.store", "nmt_bodymap.ui"} <= set(mypy["packages"])


def _modules(override: dict) -> set[str]:
    modules = override["module"]
    return {modules} if isinstance(modules, str) else set(modules)


def test_the_relaxed_modules_only_shrink() -> None:
    relaxed: set[str] = set()
    unchecked: set[str] = set()
    for override in _mypy().get("overrides", []):
        options = set(override) - {"module"}
        if override.get("ignore_errors"):
            assert options == {"ignore_errors"}
            unchecked |= _modules(override)
            continue
        assert options <= RELAXABLE, f"an override relaxes more: {sorted(options - RELAXABLE)}"
        relaxed |= _modules(override)
    assert relaxed <= RELAXED_ALLOWED, f"newly relaxed: {sorted(relaxed - RELAXED_ALLOWED)}"
    assert unchecked <= UI_UNCHECKED_ALLOWED, (
        f"newly unchecked: {sorted(unchecked - UI_UNCHECKED_ALLOWED)}"
    )
    assert all(m.startswith("nmt_bodymap.ui.") for m in unchecked)  # core/store: never skipped


def test_tools_test_sh_runs_the_contracts() -> None:
    script = (PYPROJECT.parent / "tools" / "test.sh").read_text(encoding="utf-8")
    for step in ("ruff check", "ruff format --check", "lint-imports", "-m mypy"):
        assert step in script, step


MAX_MODULE_LINES = 400
# Modules allowed over the limit: none (issue 20). Add nothing here; split the module instead.
LONG_MODULES_ALLOWED: set[str] = set()


def _long_modules(root: Path) -> dict[str, int]:
    """Every Python module under nmt_bodymap/ and tools/ longer than the limit: path -> lines."""
    long: dict[str, int] = {}
    for folder in ("nmt_bodymap", "tools"):
        for path in sorted((root / folder).rglob("*.py")):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES:
                long[path.relative_to(root).as_posix()] = lines
    return long


def test_no_module_is_over_400_lines() -> None:
    long = _long_modules(PYPROJECT.parent)
    offenders = {p: n for p, n in long.items() if p not in LONG_MODULES_ALLOWED}
    assert not offenders, f"modules over {MAX_MODULE_LINES} lines: {offenders}"


def test_the_line_count_finds_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "nmt_bodymap").mkdir()
    (tmp_path / "tools").mkdir()
    (tmp_path / "nmt_bodymap" / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES)
    (tmp_path / "tools" / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    assert _long_modules(tmp_path) == {"tools/long.py": MAX_MODULE_LINES + 1}
