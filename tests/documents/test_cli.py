"""The chart sub-commands: report, handout, export, import (docs/cli.md): output, exit codes,
one-line messages without client data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.store import ChartStore

from .conftest import pdf_text


@pytest.fixture
def chart(demo_store: ChartStore, demo_visit: Any) -> dict[str, Any]:
    assert demo_store.path is not None
    return {"db": str(demo_store.path), "visit": demo_visit.id, "client": demo_visit.client_id}


def _run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_report_and_handout_write_pdfs(
    qapp: Any, capsys: Any, chart: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    status, stdout, err = _run(
        capsys, "report", "--db", chart["db"], "--visit", str(chart["visit"]),
        "--out", str(out), "--paper", "letter", "--json",
    )  # fmt: skip
    assert (status, err) == (0, "")
    result = json.loads(stdout)
    assert result == {"visit": chart["visit"], "out": str(out), "pages": result["pages"],
                      "paper": "letter"}  # fmt: skip
    assert "Demo Client (sample data)" in pdf_text(out)
    assert out.stat().st_mode & 0o077 == 0, "a report holds client data: owner only"
    handout = tmp_path / "handout.pdf"
    status, stdout, err = _run(
        capsys,
        "--db",
        chart["db"],
        "handout",
        "--visit",
        str(chart["visit"]),
        "--out",
        str(handout),
    )
    assert status == 0 and err == "" and "Wrote the handout" in stdout
    assert "Demo Client" not in stdout, "no client data in messages"
    assert "What you can do" in pdf_text(handout)


@pytest.mark.parametrize("fmt", ["json", "csv", "fhir"])
def test_export_each_format(capsys: Any, chart: dict[str, Any], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"chart.{fmt}"
    status, stdout, err = _run(
        capsys, "export", "--db", chart["db"], "--client", str(chart["client"]),
        "--format", fmt, "--out", str(out), "--json",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert json.loads(stdout)["bytes"] == out.stat().st_size > 0
    if fmt == "fhir":
        assert json.loads(out.read_text(encoding="utf-8"))["resourceType"] == "Bundle"


def test_import_adds_the_client_and_refuses_a_foreign_file(
    capsys: Any, chart: dict[str, Any], tmp_path: Path
) -> None:
    exported = tmp_path / "chart.json"
    assert main(["export", "--db", chart["db"], "--client", str(chart["client"]),
                 "--format", "json", "--out", str(exported)]) == 0  # fmt: skip
    capsys.readouterr()
    target = tmp_path / "other.sqlite3"
    status, stdout, err = _run(capsys, "import", "--db", str(target), str(exported), "--json")
    assert (status, err) == (0, "")
    assert json.loads(stdout)["visits"] == 3
    with ChartStore.open(target, backup_on_close=False) as store:
        (client,) = store.recent_clients()
        assert client.name == "Demo Client (sample data)"
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"resourceType": "Bundle"}', encoding="utf-8")
    status, stdout, err = _run(capsys, "import", "--db", str(target), str(foreign))
    assert status == 1 and stdout == ""
    assert err == "nmt-bodymap: error: foreign.json is not an NMT Body Map chart export.\n"
    with ChartStore.open(target, backup_on_close=False) as store:
        assert len(store.recent_clients()) == 1, "nothing written"


def test_refusals_and_bad_usage(capsys: Any, chart: dict[str, Any], tmp_path: Path) -> None:
    cases = [
        (["report", "--db", chart["db"], "--visit", "9999", "--out", str(tmp_path / "a.pdf")],
         1, "Visit 9999 does not exist."),
        (["export", "--db", chart["db"], "--client", "9999", "--format", "json",
          "--out", str(tmp_path / "a.json")], 1, "Client 9999 does not exist."),
        (["report", "--db", str(tmp_path / "none.sqlite3"), "--visit", "1",
          "--out", str(tmp_path / "a.pdf")], 2, "there is no chart database at"),
        (["handout", "--db", chart["db"], "--visit", str(chart["visit"]),
          "--out", str(tmp_path / "no" / "a.pdf")], 2, "does not exist"),
        (["import", "--db", chart["db"], str(tmp_path / "absent.json")], 2, "there is no file"),
    ]  # fmt: skip
    for argv, expected, message in cases:
        status, stdout, err = _run(capsys, *argv)
        assert stdout == ""
        assert status == expected, argv
        assert err.count("\n") == 1 and message in err and "Traceback" not in err
        assert "Demo Client" not in err
    with pytest.raises(SystemExit) as bad:
        main(["export", "--client", "1", "--format", "xml", "--out", "x"])
    assert bad.value.code == 2
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "a.json").exists()


def test_report_from_a_shell_without_a_display(chart: dict[str, Any], tmp_path: Path) -> None:
    """The command makes its own off-screen QGuiApplication (no display, no platform set)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                           "WAYLAND_DISPLAY")}  # fmt: skip
    out = tmp_path / "report.pdf"
    code = "import sys; from nmt_bodymap.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "report", "--db", chart["db"],
         "--visit", str(chart["visit"]), "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
