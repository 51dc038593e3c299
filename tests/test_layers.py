"""The core and the store must run without Qt (architecture guide)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "nmt_bodymap"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_and_store_sources_never_import_qt() -> None:
    offenders = []
    for layer in ("core", "store"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            bad = {
                m
                for m in _imported_modules(path)
                if m.split(".")[0] in {"PySide6", "shiboken6"} or m.startswith("nmt_bodymap.ui")
            }
            if bad:
                offenders.append(f"{path.relative_to(PACKAGE.parent)}: {sorted(bad)}")
    assert offenders == []


def test_importing_core_and_store_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, nmt_bodymap.core, nmt_bodymap.store\n"
        "for pkg in (nmt_bodymap.core, nmt_bodymap.store):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in m.name:\n"
        "            importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    )
    assert result.stdout.strip() == "[]"
