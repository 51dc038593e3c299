"""``nmt-bodymap self-test``: prove an installation works, without a window.

Loads every packaged asset, runs a look-up, opens and closes a throw-away
database, renders both views off screen and reads the German catalogue and Qt's own
German (``qtbase_de.qm``). Used by the installer's smoke test,
so every step reports what it checked and a failure names the step.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path], str]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "self-test", help="check assets, look-up, database and rendering; exit 0 when all work"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run)


def _check_vocabulary(_: Path) -> str:
    from nmt_bodymap.core.vocabulary import validate_vocabulary  # the YAML, not the cache

    regions = validate_vocabulary().values()
    internal = sum(region.internal for region in regions)
    return f"{len(regions) - internal} regions, {internal} internal sites"


def _check_atlas(_: Path) -> str:
    from nmt_bodymap.core.atlas import load_atlas

    atlas = load_atlas()
    counts = {view: len(atlas.regions(view)) for view in atlas.views()}
    return f"region shapes per view {counts}, {len(atlas.muscle_ids())} muscles drawn"


def _check_knowledge(_: Path) -> str:
    from nmt_bodymap.core.knowledge import validate_knowledge  # the YAML, not the cache

    return f"{len(validate_knowledge().muscles)} muscles in the knowledge base"


def _check_clinical_data(_: Path) -> str:
    # the YAML files with their pydantic models, not the pre-validated cache
    from nmt_bodymap.core.assessment import validate_assessment
    from nmt_bodymap.core.clinical import validate_protocols, validate_red_flags
    from nmt_bodymap.core.consent import validate_consent
    from nmt_bodymap.core.pain_areas import validate_pain_areas

    questions = len(validate_red_flags().questions)
    assessment = validate_assessment()
    validate_consent()
    validate_pain_areas()
    return (
        f"{questions} red-flag questions, {len(validate_protocols())} regional guides, "
        f"{len(list(assessment.posture_observations()))} posture observations, "
        f"{len(assessment.sites)} entrapment sites"
    )


def _check_lookup(_: Path) -> str:
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.core.ranking import Spot, rank_candidates

    temple = load_atlas().region("anterior", "temple", "right")
    candidates = rank_candidates([Spot("anterior", "temple", "right", temple.point)])
    if not candidates:
        raise RuntimeError("a look-up for the right temple found no candidate muscle")
    return "right temple -> " + ", ".join(c.name for c in candidates[:3])


def _check_database(scratch: Path) -> str:
    from nmt_bodymap.store.demo import seed_demo_client
    from nmt_bodymap.store.service import ChartStore

    store = ChartStore.open(scratch / "self-test.sqlite3", backup_on_close=False)
    try:
        client = store.create_client(name="Self Test", date_of_birth="1980-01-31")
        found = store.search_clients("Self")
        if client.id not in {c.id for c in found}:
            raise RuntimeError("a client just saved was not found again")
        demo = seed_demo_client(store)
        visits = store.list_visits(demo.id)
        if not visits:
            raise RuntimeError("the demo client has no visits")
    finally:
        store.close()
    return f"migrated, saved, searched, seeded the demo client ({len(visits)} visits), closed"


def _check_rendering(scratch: Path) -> str:
    from nmt_bodymap.ui.map.render import render_view

    sizes = []
    for view in ("anterior", "posterior"):
        target = scratch / f"{view}.png"
        render_view(view, target)
        if target.stat().st_size < 1000:
            raise RuntimeError(f"the {view} rendering is empty")
        sizes.append(f"{view} {target.stat().st_size // 1024} KiB")
    return "rendered " + ", ".join(sizes)


def _check_language(_: Path) -> str:
    from PySide6.QtCore import QCoreApplication

    from nmt_bodymap.ui.i18n import self_check

    app = QCoreApplication.instance()
    if app is None:  # the rendering check made one; alone, make our own
        from nmt_bodymap.ui.map.render import _ensure_app

        _ensure_app()
        app = QCoreApplication.instance()
    assert app is not None
    return self_check(app, "de")


def _check_documents(scratch: Path) -> str:
    from nmt_bodymap.settings import Settings
    from nmt_bodymap.store.demo import seed_demo_client
    from nmt_bodymap.store.exports import export_chart
    from nmt_bodymap.store.service import ChartStore
    from nmt_bodymap.ui.documents.report import write_report_pdf
    from nmt_bodymap.ui.documents.visit_data import collect_visit

    with ChartStore.open(scratch / "documents.sqlite3", backup_on_close=False) as store:
        demo = seed_demo_client(store)
        export_chart(store, demo.id, "fhir", scratch / "demo.fhir.json")  # validates (R4B)
        data = collect_visit(store, store.list_visits(demo.id)[0].id)
    pages = write_report_pdf(data, scratch / "report.pdf", "a4", Settings())
    if pages < 1 or (scratch / "report.pdf").stat().st_size < 2000:
        raise RuntimeError("the visit report PDF is empty")
    return f"FHIR bundle validated, visit report {pages} pages"


def _check_encryption(scratch: Path) -> str:
    from nmt_bodymap.store import encryption
    from nmt_bodymap.store.service import ChartStore

    chart = scratch / "encrypted.sqlite3"
    saved = os.environ.get(encryption.SECRET_ENV)
    os.environ[encryption.SECRET_ENV] = "self-test secret"
    try:
        with ChartStore.open(chart, backup_on_close=False) as store:
            store.create_client(name="Encrypted Self Test")
        with ChartStore.open(chart, backup_on_close=False) as store:
            found = store.search_clients("Encrypted")
    finally:
        if saved is None:
            os.environ.pop(encryption.SECRET_ENV, None)
        else:
            os.environ[encryption.SECRET_ENV] = saved
        encryption.forget_all()
    if not encryption.is_encrypted_chart(chart) or b"Encrypted Self Test" in chart.read_bytes():
        raise RuntimeError("the chart was not encrypted at rest")
    if not found:
        raise RuntimeError("a client saved in an encrypted chart was not found again")
    return "SQLCipher chart written, reopened and unreadable without its key"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("vocabulary", _check_vocabulary),
    ("atlas", _check_atlas),
    ("knowledge", _check_knowledge),
    ("clinical", _check_clinical_data),
    ("lookup", _check_lookup),
    ("database", _check_database),
    ("rendering", _check_rendering),
    ("documents", _check_documents),
    ("language", _check_language),
    ("encryption", _check_encryption),
)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = []
    with tempfile.TemporaryDirectory(prefix="nmt-bodymap-selftest-") as tmp:
        for name, check in CHECKS:
            started = time.perf_counter()
            try:
                detail, ok = check(Path(tmp)), True
            except Exception as exc:  # every failure is reported, none hidden
                detail, ok = f"{type(exc).__name__}: {exc}", False
                if os.environ.get("NMT_BODYMAP_DEBUG"):
                    traceback.print_exc()
            elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
            results.append({"check": name, "ok": ok, "detail": detail, "ms": elapsed_ms})
    failed = [r for r in results if not r["ok"]]
    if args.json:
        print(json.dumps({"ok": not failed, "checks": results}, indent=2))
    else:
        for r in results:
            print(f"{'ok  ' if r['ok'] else 'FAIL'} {r['check']:<11} {r['detail']}  ({r['ms']} ms)")
        print("self-test passed" if not failed else f"self-test FAILED: {len(failed)} check(s)")
    return 0 if not failed else 1
