"""docs/architecture.md names only what exists: every module path, dotted module name and
function it points a newcomer to is checked against the code (issue 20: the page drifted).

Paths like ``ui/map/body_view.py`` are read from the package folder (``core/``, ``store/``,
``ui/``, ``commands/``) or from the repository (``tools/``, ``tests/``, ``resources/``...);
``core/places.py: expand_side`` and ``ui/app.run_app`` must name a class, function or
constant (``Class.method`` too) that the module defines; ``nmt_bodymap.store.demo.seed_demo_client``
and ``core.clinical.load_red_flags`` likewise, and ``OpenVisit.apply`` must be a member of the
package's class (or of a base class of the package). Nothing is imported: the modules are parsed.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
PACKAGE_ROOTS = ("core", "store", "ui", "commands")
REPO_ROOTS = ("tools", "tests", "resources", "assets", "bench", "docs", "nmt_bodymap")
FILE_SUFFIXES = (".py", ".sh", ".yaml", ".yml", ".md", ".png", ".svg", ".json", ".ts", ".toml")

_PATH = re.compile(
    r"(?<![\w/])((?:nmt_bodymap/)?(?:" + "|".join(PACKAGE_ROOTS + REPO_ROOTS) + r")/[\w/.*<>\-]*)"
)
_PATH_THEN_NAME = re.compile(r"`((?:nmt_bodymap/)?(?:core|store|ui|commands)/[\w/]+\.py): ([\w.]+)")
# ``store.apply`` is a call on a store object; a module path has two dots or more.
_DOTTED = re.compile(r"`((?:nmt_bodymap\.)?(?:core|store|ui|commands)(?:\.\w+){2,})")
_DOTTED_FULL = re.compile(r"\bnmt_bodymap(?:\.\w+)+")
# ``OpenVisit.apply``, ``BodyMapPanel._push``: a class of the package and one of its members.
_CLASS_MEMBER = re.compile(r"`(?:[\w/]+\.py: )?([A-Z]\w*)\.(\w+)")


def _base(path: str) -> Path:
    first = path.split("/", 1)[0]
    return ROOT / "nmt_bodymap" if first in PACKAGE_ROOTS else ROOT


def _assigned(targets: list[ast.expr]) -> set[str]:
    """``name = ...`` in a class body and ``self.name = ...`` in its methods."""
    names = {t.id for t in targets if isinstance(t, ast.Name)}
    return names | {
        t.attr
        for t in targets
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
    }


@cache
def _defined(module: Path) -> dict[str, set[str]]:
    """Top-level names of ``module`` -> the names defined inside each (a class's methods
    and attributes; empty for functions and constants)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names[node.name] = set()
        elif isinstance(node, ast.ClassDef):
            inner: set[str] = set()
            for item in ast.walk(node):
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    inner.add(item.name)
                elif isinstance(item, ast.AnnAssign):
                    inner |= _assigned([item.target])
                elif isinstance(item, ast.Assign):
                    inner |= _assigned(item.targets)
            names[node.name] = inner
        elif isinstance(node, ast.Assign):
            names.update({t.id: set() for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = set()
        elif isinstance(node, ast.ImportFrom):  # re-exported names count as defined
            names.update({a.asname or a.name: set() for a in node.names})
    return names


@cache
def _classes() -> dict[str, list[tuple[set[str], list[str]]]]:
    """Every class of the package: name -> (its members, its base classes' names) per
    module that defines one by that name."""
    index: dict[str, list[tuple[set[str], list[str]]]] = {}
    for module in sorted((ROOT / "nmt_bodymap").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
                index.setdefault(node.name, []).append((_defined(module)[node.name], bases))
    return index


def _has_member(cls: str, member: str, seen: frozenset[str] = frozenset()) -> bool:
    for members, bases in _classes().get(cls, []):
        if member in members:
            return True
        if any(_has_member(b, member, seen | {cls}) for b in bases if b not in seen):
            return True
    return False


def _member_problem(cls: str, member: str) -> str | None:
    """None unless ``cls`` is a class of the package that has no ``member`` (Qt's and other
    libraries' classes are not checked; a member inherited from Qt counts as missing)."""
    if cls not in _classes() or _has_member(cls, member):
        return None
    return f"{cls} has no {member}"


def _name_problem(module: Path, qualified: str) -> str | None:
    """None when ``module`` defines ``qualified`` ("name" or "Class.member"), else why not."""
    head, _, member = qualified.partition(".")
    names = _defined(module)
    if head not in names:
        return f"{module.relative_to(ROOT)} defines no {head}"
    member = member.split(".", 1)[0]
    if member and member not in names[head]:
        return f"{module.relative_to(ROOT)}: {head} has no {member}"
    return None


def _path_problem(path: str) -> str | None:
    path = path.rstrip(".,;:)")
    base = _base(path)
    if any(mark in path for mark in "*<"):  # a pattern: some file must match it
        pattern = re.sub(r"<[^>]*>", "*", path)
        return None if any(base.glob(pattern)) else f"nothing matches {path}"
    if path.endswith("/") or path.endswith(FILE_SUFFIXES):
        return None if (base / path).exists() else f"no such path: {path}"
    folder, _, last = path.rpartition("/")
    stem, dot, attribute = last.partition(".")
    module = base / folder / f"{stem}.py"
    if (base / path).is_dir() or (not dot and module.exists()):
        return None
    if not module.exists():
        return f"no such module: {path}"
    return _name_problem(module, attribute) if dot else None


def _dotted_problem(dotted: str) -> str | None:
    parts = dotted.removeprefix("nmt_bodymap.").split(".")
    base = ROOT / "nmt_bodymap"
    for split in range(len(parts), 0, -1):  # the longest prefix that is a module or package
        module = base.joinpath(*parts[:split])
        if module.with_suffix(".py").exists():
            rest = ".".join(parts[split:])
            return _name_problem(module.with_suffix(".py"), rest) if rest else None
        if module.is_dir():
            rest = ".".join(parts[split:])
            init = module / "__init__.py"
            return _name_problem(init, rest) if rest else None
    return f"no such module: {dotted}"


def problems(text: str) -> list[str]:
    """Every path, module or name in ``text`` that the code does not have."""
    found: list[str] = []
    for path in sorted(set(_PATH.findall(text))):
        if (problem := _path_problem(path)) is not None:
            found.append(problem)
    for path, name in sorted(set(_PATH_THEN_NAME.findall(text))):
        module = _base(path) / path.removeprefix("nmt_bodymap/")
        if module.exists() and (problem := _name_problem(module, name)) is not None:
            found.append(problem)
    for dotted in sorted(set(_DOTTED.findall(text)) | set(_DOTTED_FULL.findall(text))):
        if (problem := _dotted_problem(dotted)) is not None:
            found.append(problem)
    for cls, member in sorted(set(_CLASS_MEMBER.findall(text))):
        if (problem := _member_problem(cls, member)) is not None:
            found.append(problem)
    return found


def test_every_path_module_and_name_in_the_architecture_page_exists() -> None:
    assert problems(DOC.read_text(encoding="utf-8")) == []


def test_the_check_finds_what_does_not_exist() -> None:
    text = """
    `ui/map/body_view.py: BodyView.mousePressEvent` is real; `ui/map/gone.py` is not,
    nor `core/places.py: no_such_rule`, `ui/app.run_nothing`, `store/history.py: History.x`,
    `core.clinical.load_nothing`, nmt_bodymap.store.nowhere.f or `tools/missing_tool.py`;
    `OpenVisit.apply` and `MainWindow.record_finding` (a mixin's) are real,
    `VisitMarks.add_mark` and `QUndoStack.whatever` (Qt's, not checked) are not.
    """
    assert problems(text) == [
        "no such path: tools/missing_tool.py",
        "nmt_bodymap/ui/app.py defines no run_nothing",
        "no such path: ui/map/gone.py",
        "nmt_bodymap/core/places.py defines no no_such_rule",
        "nmt_bodymap/store/history.py defines no History",
        "nmt_bodymap/core/clinical.py defines no load_nothing",
        "nmt_bodymap/store/__init__.py defines no nowhere",
        "VisitMarks has no add_mark",
    ]


def test_the_page_walks_a_click_from_the_map_to_the_store_and_back() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## The path of a click", 1)[1].split("\n## ", 1)[0]
    steps = [
        "BodyView.mousePressEvent",  # the click
        "Atlas.region_at",  # the hit-test
        "VisitMarks.add_op",  # the operation
        "push_operations",  # one undo step
        "OpenVisit.apply",  # on screen at once
        "store_calls.py: apply_operation",  # on the worker
        "ChartStore.apply",  # one transaction
        "store/apply.py: apply_operation",
        "mark_added",  # back to the screen
        "OpenVisit._done",
    ]
    places = [section.find(step) for step in steps]
    assert -1 not in places, [s for s, p in zip(steps, places, strict=True) if p == -1]
    assert places == sorted(places), "the steps are told out of order"
    named = _PATH_THEN_NAME.findall(section)
    assert len(named) >= 6, named  # each step names its module and function
