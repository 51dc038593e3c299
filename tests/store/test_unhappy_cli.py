"""The command line on the unhappy path: one line, never a traceback; ``init``; no demo
client in a chart named with --db."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.store import ChartStore


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err and err.startswith("nmt-bodymap: error:")
    return err


def test_init_creates_a_chart_at_the_newest_schema_without_the_demo_client(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chart = tmp_path / "new.sqlite3"
    assert main(["init", "--db", str(chart), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["created"] is True and result["demo_client"] is None
    with ChartStore.open(chart, backup_on_close=False) as store:
        assert store.recent_clients() == [] and store.demo_client() is None


def test_init_demo_adds_the_demo_client_and_an_existing_chart_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chart = tmp_path / "new.sqlite3"
    assert main(["init", "--db", str(chart), "--demo"]) == 0
    assert "demo client" in capsys.readouterr().out
    before = chart.read_bytes()
    assert main(["init", "--db", str(chart), "--demo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] is False
    assert chart.read_bytes() == before
    with ChartStore.open(chart, backup_on_close=False) as store:
        assert store.demo_client() is not None


def test_init_with_a_typo_in_the_folder_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--db", str(tmp_path / "Documnets" / "charts.sqlite3")]) == 2
    assert "Documnets" in _one_line(capsys)
    assert not (tmp_path / "Documnets").exists()


def test_a_data_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "data-file"
    blocker.write_text("not a folder")
    result = subprocess.run(
        [sys.executable, "-m", "nmt_bodymap", "backup"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "NMT_BODYMAP_DATA_DIR": str(blocker)},
        timeout=120,
    )
    assert result.returncode in (1, 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is a file" in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "db", ["sqlite://", "sqlite:///:memory:"], ids=["memory", "memory-explicit"]
)
def test_gui_refuses_an_in_memory_database(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db]) == 2
    assert "in-memory" in _one_line(capsys)


def test_gui_refuses_a_db_path_in_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "tpyo" / "charts.sqlite3")]) == 2
    assert "tpyo" in _one_line(capsys)
    assert not (tmp_path / "tpyo").exists()


def test_restore_with_a_typo_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["restore", "--db", str(tmp_path / "tpyo" / "c.sqlite3"), "--latest"]) == 2
    _one_line(capsys)
    assert not (tmp_path / "tpyo").exists()


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], False),
        (["--db", "lookup"], False),  # a chart file named like a command is not one
        (["--db=charts.sqlite3"], False),
        (["--version"], False),
        (["lookup", "--view", "anterior"], True),
        (["--db", "c.sqlite3", "backup"], True),
        (["-h"], True),
        (["--help"], True),
        (["--", "x"], True),
    ],
)
def test_only_a_named_command_or_help_loads_the_commands(argv: list[str], named: bool) -> None:
    """The window's start parses without importing the sub-commands (issue 18)."""
    from nmt_bodymap.cli import names_a_command

    assert names_a_command(argv) is named


def test_a_typo_in_a_command_name_still_lists_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["bakup"])
    assert exit_info.value.code == 2
    assert "backup" in capsys.readouterr().err  # argparse's "invalid choice" names them


@pytest.mark.parametrize(
    "argv",
    [[], ["--db", "c.sqlite3"], ["--db=c.sqlite3"], ["--db", "sqlite://"], ["--db="], ["--db"]],
)
def test_the_window_start_read_without_the_parser_is_what_the_parser_reads(
    argv: list[str],
) -> None:
    """The launcher's start skips argparse (issue 18): same database, or the parser's turn."""
    from nmt_bodymap.cli import build_parser, window_only

    quick = window_only(argv)
    if argv in (["--db="], ["--db"]):
        assert quick is None  # an empty or missing value: argparse reads (and refuses) it
        return
    assert quick is not None
    args = build_parser().parse_args(argv)
    assert quick == (args.db,) and args.command is None
