"""Collect every ``tr("...")`` literal in nmt_bodymap/ and update the Linguist catalogues.

    python tools/i18n_extract.py            # update nmt_bodymap/i18n/nmt_bodymap_*.ts
    python tools/i18n_extract.py --check    # exit 1 listing missing/unfinished entries
    python tools/i18n_extract.py --todo de  # print the unfinished sources as JSON
    python tools/i18n_extract.py --fill de translations.json   # {source: translation}
        (a disambiguated string is keyed "source|disambiguation")

Existing translations are kept; a new string becomes an unfinished entry; a string no
code uses any more is marked obsolete (kept, so a string that comes back keeps its
translation). Messages are sorted by source text, without line numbers, so two
branches adding strings merge cleanly. Only literal first arguments count:
``tr(variable)`` is invisible to the extractor (keep the literals at the call).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nmt_bodymap"
CATALOGUES = PACKAGE / "i18n"
CONTEXT = "nmt_bodymap"
Key = tuple[str, str]  # (source, disambiguation)


@dataclass
class Entry:
    source: str
    comment: str = ""
    translation: str = ""
    state: str = "unfinished"  # "" (finished), "unfinished", "obsolete"
    files: set[str] = field(default_factory=set)


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def strings_in(path: Path) -> Iterable[tuple[Key, int]]:
    """((source, disambiguation), line) of every tr("literal"[, "literal"]) call
    (and tr_noop("literal"), the marker for tables translated where shown)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in ("tr", "tr_noop"):
            continue
        source = _literal(node.args[0])
        if source is None:
            continue
        comment = _literal(node.args[1]) if len(node.args) > 1 else None
        for keyword in node.keywords:
            if keyword.arg == "disambiguation":
                comment = _literal(keyword.value)
        yield (source, comment or ""), node.lineno


def collect(package: Path = PACKAGE) -> dict[Key, set[str]]:
    found: dict[Key, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        for key, _line in strings_in(path):
            found.setdefault(key, set()).add(str(path.relative_to(package.parent)))
    return found


def read_catalogue(path: Path) -> tuple[str, dict[Key, Entry]]:
    """(language, entries) of a Linguist file (every state, obsolete included)."""
    root = ET.parse(path).getroot()
    entries: dict[Key, Entry] = {}
    for context in root.iter("context"):
        if (context.findtext("name") or "") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            node = message.find("translation")
            state = "unfinished"
            text = ""
            if node is not None:
                text = node.text or ""
                state = node.get("type") or ""
                if state == "vanished":
                    state = "obsolete"
            entries[(source, comment)] = Entry(source, comment, text, state)
    return root.get("language") or "", entries


def write_catalogue(path: Path, language: str, entries: dict[Key, Entry]) -> None:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="en_US">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for key in sorted(entries, key=lambda k: (k[0].casefold(), k)):
        entry = entries[key]
        lines.append("    <message>")
        for filename in sorted(entry.files):
            lines.append(f'        <location filename="../../{escape(filename)}"/>')
        lines.append(f"        <source>{escape(entry.source)}</source>")
        if entry.comment:
            lines.append(f"        <comment>{escape(entry.comment)}</comment>")
        state = f' type="{entry.state}"' if entry.state else ""
        lines.append(f"        <translation{state}>{escape(entry.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def merged(found: dict[Key, set[str]], entries: dict[Key, Entry]) -> dict[Key, Entry]:
    result: dict[Key, Entry] = {}
    for key, files in found.items():
        old = entries.get(key)
        if old is None:
            result[key] = Entry(key[0], key[1], "", "unfinished", set(files))
            continue
        state = old.state
        if state == "obsolete":
            state = "" if old.translation else "unfinished"
        if state == "" and not old.translation:
            state = "unfinished"
        result[key] = Entry(key[0], key[1], old.translation, state, set(files))
    for key, old in entries.items():
        if key not in found:
            result[key] = Entry(key[0], key[1], old.translation, "obsolete")
    return result


def problems(found: dict[Key, set[str]], entries: dict[Key, Entry]) -> list[str]:
    """One line per string of the code the catalogue does not translate (finished)."""
    lines = []
    for key in sorted(found):
        entry = entries.get(key)
        where = ", ".join(sorted(found[key]))
        if entry is None:
            lines.append(f"missing: {key[0]!r} ({where})")
        elif entry.state or not entry.translation:
            lines.append(f"unfinished: {key[0]!r} ({where})")
    return lines


def catalogues(directory: Path = CATALOGUES) -> list[Path]:
    return sorted(directory.glob(f"{CONTEXT}_*.ts"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("--todo", metavar="LANG", help="print unfinished sources as JSON")
    parser.add_argument("--fill", nargs=2, metavar=("LANG", "JSON"), help="apply translations")
    args = parser.parse_args(argv)
    found = collect()
    status = 0
    for path in catalogues():
        language, entries = read_catalogue(path)
        code = path.stem.removeprefix(f"{CONTEXT}_")
        if args.check:
            for line in problems(found, entries):
                print(f"{path.name}: {line}")
                status = 1
            continue
        if args.todo and code == args.todo:
            todo = [e.source for e in merged(found, entries).values() if e.state == "unfinished"]
            json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
            print()
            continue
        result = merged(found, entries)
        if args.fill and code == args.fill[0]:
            table = json.loads(Path(args.fill[1]).read_text(encoding="utf-8"))
            for entry in result.values():
                key = f"{entry.source}|{entry.comment}" if entry.comment else entry.source
                text = table.get(key)
                if text and entry.state != "obsolete":
                    entry.translation, entry.state = text, ""
        write_catalogue(path, language, result)
        left = sum(1 for e in result.values() if e.state == "unfinished")
        print(f"{path.name}: {len(found)} strings, {left} unfinished")
    if args.check and status == 0:
        print(f"{len(found)} strings, every catalogue complete")
    return status


if __name__ == "__main__":
    sys.exit(main())
