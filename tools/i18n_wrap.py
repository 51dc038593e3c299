"""Wrap user-visible string literals of nmt_bodymap/ui/** in ``tr()`` (idempotent codemod).

    python tools/i18n_wrap.py            # rewrite the files, list what changed
    python tools/i18n_wrap.py --check    # exit 1 when something is left to wrap
    python tools/i18n_wrap.py FILE...    # only these files

A literal is wrapped when it is the text argument of a known Qt call (setText,
setWindowTitle, setToolTip, showMessage, addTab, addRow, QLabel(...), QMessageBox.warning
(...), ActionSpec(...), ...; see ``METHODS``/``CONSTRUCTORS``) and holds a letter.
An f-string becomes ``tr("... {name} ...").format(name=...)`` (one placeholder per
expression, named after it). Literals already inside ``tr()`` are left alone, so running
the tool twice changes nothing; ``from nmt_bodymap.ui.i18n import tr`` is added where
needed. The rest (module-level tables, strings built elsewhere) is wrapped by hand.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "nmt_bodymap" / "ui"
IMPORT = "from nmt_bodymap.ui.i18n import tr"
SKIP = {"i18n.py"}

# method name -> positions of its text arguments (keyword names too)
METHODS: dict[str, tuple[int | str, ...]] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setTitle": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "showMessage": (0,),
    "show_status": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "addMenu": (0,),
    "addRow": (0,),
    "addItem": (0,),
    "addButton": (0,),
    "addAction": (0,),
    "setHeaderLabels": ("list",),
    "setHorizontalHeaderLabels": ("list",),
    "setVerticalHeaderLabels": ("list",),
    "addItems": ("list",),
    "createUndoAction": (1,),
    "createRedoAction": (1,),
    "add_menu": (1,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getInt": (1, 2),
    "getItem": (1, 2),
    "getMultiLineText": (1, 2),
    "getOpenFileName": (1, 3, "caption", "filter"),
    "getSaveFileName": (1, 3, "caption", "filter"),
    "getExistingDirectory": (1, "caption"),
    "setHtml": (0,),
    "drawText": (2,),
    "beginMacro": (0,),
    # this codebase's own helpers that put their text argument on screen
    "emit": (0,),
    "status": (0,),
    "show_error": (0,),
    "refuse": (0,),
    "_busy": (0,),
    "_say": (0,),
    "_tell": (0,),
    "_text_box": (0,),
    "_number": (1,),
    "_list": (0, 1, 2),
    "_push": (1, 2),
    "_record": (2,),
    "_section": (0,),
    "_print": (0,),
    "_export_pdf": (0,),
    "header_html": (1,),
    "push_operations": (3, 4),
    "ask_save_path": (0, 2),
    "ask_open_path": (0, 2),
    "FormError": (0,),
    "Series": (0,),
    "TrendChart": (0,),
    "RowCommand": (3,),
    "AddObservation": (2,),
    "RemoveObservation": (2,),
}
# generic names (a signal's emit, a status callback): only sentences, never an id
SENTENCE_ONLY = {"emit", "status", "_say", "_tell"}
CONSTRUCTORS: dict[str, tuple[int | str, ...]] = {
    "QLabel": (0,),
    "QPushButton": (0,),
    "QToolButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QMenu": (0,),
    "QMessageBox": (1, 2),
    "QTreeWidgetItem": ("list",),
    "QListWidgetItem": (0,),
    "QStandardItem": (0,),
    "QTableWidgetItem": (0,),
    "ActionSpec": (1, 4, "text", "tip"),
}
# static methods that only count on this class (log.warning(...) is not a dialog)
OWNERS = {
    "information": "QMessageBox",
    "warning": "QMessageBox",
    "critical": "QMessageBox",
    "question": "QMessageBox",
    "about": "QMessageBox",
    "getText": "QInputDialog",
    "getInt": "QInputDialog",
    "getItem": "QInputDialog",
    "getMultiLineText": "QInputDialog",
    "getOpenFileName": "QFileDialog",
    "getSaveFileName": "QFileDialog",
    "getExistingDirectory": "QFileDialog",
}
LETTER = re.compile(r"[^\W\d_]")
MARKUP = re.compile(r"<[^>]*>|&\w+;")


def _is_tr(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"


def _visible(node: ast.AST) -> bool:
    """A str literal, or f-string, with at least one letter outside its placeholders."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(LETTER.search(MARKUP.sub("", node.value)))
    if isinstance(node, ast.JoinedStr):
        text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        return bool(LETTER.search(MARKUP.sub("", text)))
    return False


def _targets(call: ast.Call) -> list[ast.AST]:
    func = call.func
    if isinstance(func, ast.Attribute):
        name = func.attr
        owner = OWNERS.get(name)
        if owner and not (isinstance(func.value, ast.Name) and func.value.id == owner):
            return []
        spec = METHODS.get(name) or CONSTRUCTORS.get(name)
    elif isinstance(func, ast.Name):
        spec = CONSTRUCTORS.get(func.id) or METHODS.get(func.id)
    else:
        return []
    if not spec:
        return []
    found: list[ast.AST] = []
    for where in spec:
        if where == "list":
            for arg in call.args[:1]:
                if isinstance(arg, (ast.List, ast.Tuple)):
                    found.extend(arg.elts)
        elif isinstance(where, int):
            if where < len(call.args):
                found.append(call.args[where])
        else:
            found.extend(k.value for k in call.keywords if k.arg == where)
    # a conditional text: both branches (``"Visits — {n}" if client else "Visits"``)
    while any(isinstance(n, ast.IfExp) for n in found):
        found = [
            part
            for n in found
            for part in ((n.body, n.orelse) if isinstance(n, ast.IfExp) else (n,))
        ]
    visible = [n for n in found if _visible(n)]
    called = func.attr if isinstance(func, ast.Attribute) else func.id
    if called in SENTENCE_ONLY:
        return [n for n in visible if " " in _text_of(n).strip()]
    return visible


def _text_of(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    assert isinstance(node, ast.JoinedStr)
    return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))


WRAPPERS = {"len", "str", "escape", "int", "round", "abs", "repr", "float"}


def _placeholder(expr: ast.expr, index: int) -> str:
    """A readable placeholder name for an f-string expression."""
    if isinstance(expr, ast.Name):
        return expr.id.strip("_").lower() or f"value{index}"
    if isinstance(expr, ast.Attribute):
        return expr.attr.strip("_") or f"value{index}"
    if isinstance(expr, ast.Call):
        func = expr.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called in WRAPPERS and expr.args:
            return _placeholder(expr.args[0], index)
        if isinstance(func, ast.Attribute) and not expr.args and called in ("name", "text"):
            return _placeholder(func.value, index)
        return called.strip("_") or f"value{index}"
    if isinstance(expr, ast.Subscript):
        key = expr.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
        return _placeholder(expr.value, index)
    if isinstance(expr, ast.IfExp):
        return _placeholder(expr.body, index)
    if isinstance(expr, ast.BinOp):
        return _placeholder(expr.left, index)
    return f"value{index}"


def _fstring(node: ast.JoinedStr) -> str:
    """``tr("... {name} ...").format(name=expr, ...)`` for an f-string."""
    template: list[str] = []
    names: dict[str, str] = {}  # placeholder -> expression source
    for index, value in enumerate(node.values):
        if isinstance(value, ast.Constant):
            template.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            continue
        assert isinstance(value, ast.FormattedValue)
        source = ast.unparse(value.value)
        name = _placeholder(value.value, index)
        if not name.isidentifier() or name in ("tr", "format"):
            name = f"value{index}"
        base, n = name, 2
        while name in names and names[name] != source:
            name, n = f"{base}{n}", n + 1
        names[name] = source
        conversion = {115: "!s", 114: "!r", 97: "!a"}.get(value.conversion, "")
        spec = ""
        if value.format_spec is not None:
            spec = ":" + "".join(
                str(v.value) if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"
                for v in value.format_spec.values  # type: ignore[attr-defined]
            )
        template.append("{" + name + conversion + spec + "}")
    arguments = ", ".join(f"{k}={v}" for k, v in names.items())
    return f"tr({_pieces(''.join(template))}).format({arguments})"


def _pieces(text: str, width: int = 72) -> str:
    """``text`` as one literal, or as implicitly joined literals on lines of ``width``."""
    if len(repr(text)) <= width:
        return repr(text)
    pieces, current = [], ""
    for word in re.split(r"(?<= )", text):
        if current and len(repr(current + word)) > width:
            pieces.append(current)
            current = ""
        current += word
    pieces.append(current)
    return "\n" + "\n".join(repr(p) for p in pieces) + "\n"


def _offsets(source: str) -> list[int]:
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def wrap_source(source: str) -> tuple[str, int]:
    """(new source, number of literals wrapped)."""
    tree = ast.parse(source)
    inside_tr: set[int] = set()
    for node in ast.walk(tree):
        if _is_tr(node):
            for child in ast.walk(node):
                inside_tr.add(id(child))
    edits: dict[tuple[int, int], str] = {}
    starts = _offsets(source)
    raw = source.encode("utf-8")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in inside_tr:
            continue
        for target in _targets(node):
            if id(target) in inside_tr or target.end_lineno is None:
                continue
            # ast offsets are in UTF-8 bytes per line
            line_start = len(source[: starts[target.lineno - 1]].encode("utf-8"))
            line_end = len(source[: starts[target.end_lineno - 1]].encode("utf-8"))
            begin = line_start + target.col_offset
            end = line_end + (target.end_col_offset or 0)
            text = raw[begin:end].decode("utf-8")
            replacement = _fstring(target) if isinstance(target, ast.JoinedStr) else f"tr({text})"
            edits[(begin, end)] = replacement
    if not edits:
        return source, 0
    out = raw
    for (begin, end), replacement in sorted(edits.items(), reverse=True):
        out = out[:begin] + replacement.encode("utf-8") + out[end:]
    return _with_import(out.decode("utf-8")), len(edits)


def _with_import(source: str) -> str:
    if re.search(r"^from nmt_bodymap\.ui\.i18n import .*\btr\b", source, re.M):
        return source
    tree = ast.parse(source)
    last_import = None
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            last_import = node
        elif last_import is not None and not isinstance(node, ast.Expr):
            break
    lines = source.splitlines(keepends=True)
    at = last_import.end_lineno if last_import and last_import.end_lineno else 0
    lines.insert(at, IMPORT + "\n")
    return "".join(lines)


def files(arguments: list[str]) -> list[Path]:
    if arguments:
        return [Path(a).resolve() for a in arguments]
    return [p for p in sorted(UI.rglob("*.py")) if p.name not in SKIP]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    total = 0
    for path in files(args.paths):
        source = path.read_text(encoding="utf-8")
        new, count = wrap_source(source)
        if count:
            total += count
            print(f"{path.relative_to(ROOT)}: {count}")
            if not args.check:
                path.write_text(new, encoding="utf-8")
    verb = "to wrap" if args.check else "wrapped"
    print(f"{total} literals {verb}")
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
