"""``nmt-bodymap history --client ID [--json]``: the JSON of docs/cli.md, a readable table,
and one-line errors without client data (exit 2 bad usage, 1 when the chart refuses)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.store import ChartStore
from tests.conftest import body_point

TEMPLE = body_point("anterior", "temple", "right")
KEYS = ["at", "who", "kind", "row", "op", "before", "after"]


@pytest.fixture
def charted(db_target: str) -> tuple[str, int, str]:
    """A chart with one client: created, a visit, a mark added, changed and removed."""
    with ChartStore.open(db_target, backup_on_close=False, who="Sam") as store:
        client = store.create_client(name="Zelda Privateperson")
        visit = store.create_visit(client.id)
        mark = store.add_pain_mark(
            visit.id, view="anterior", x=TEMPLE[0], y=TEMPLE[1], region="temple", side="right",
            intensity=6, quality="ache", note="private note",
        )  # fmt: skip
        store.update_pain_mark(mark.id, intensity=3)
        store.who = "Lee"
        store.delete_pain_mark(mark.id)
        store.create_client(name="Other Client")
    return db_target, client.id, client.uid


def test_json_lists_every_change_in_time_order(charted, capsys) -> None:
    target, client_id, client_uid = charted
    assert main(["history", "--db", target, "--client", str(client_id), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [list(e) for e in entries] == [KEYS] * 5
    assert [(e["kind"], e["op"], e["who"]) for e in entries] == [
        ("client", "add", "Sam"),
        ("visit", "add", "Sam"),
        ("pain_mark", "add", "Sam"),
        ("pain_mark", "change", "Sam"),
        ("pain_mark", "delete", "Lee"),
    ]
    change = entries[3]
    assert (change["before"], change["after"]) == ({"intensity": 6}, {"intensity": 3})
    assert entries[4]["after"] is None and entries[4]["before"]["note"] == "private note"
    assert entries[2]["row"] == entries[3]["row"] == entries[4]["row"]
    assert [e["at"] for e in entries] == sorted(e["at"] for e in entries)
    assert main(["history", "--db", target, "--client", client_uid, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == entries


def test_table_is_readable(charted, capsys) -> None:
    target, client_id, _ = charted
    assert main(["history", "--db", target, "--client", str(client_id)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["when", "(UTC)", "who", "what", "row", "change", "before", "after"]
    assert len(lines) == 6
    assert "pain mark" in lines[4] and "change" in lines[4]
    assert "intensity=6" in lines[4] and "intensity=3" in lines[4]
    assert "Lee" in lines[5] and "delete" in lines[5]


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        ([], 2, "needs --client"),
        (["--client", "abc"], 2, "must be a client id"),
        (["--client", "-3"], 2, "must be a client id"),
        (["--client", "999"], 1, "no client with id 999"),
        (["--client", "00000000-0000-4000-8000-000000000000"], 1, "no client with id"),
    ],
)
def test_bad_client_id_is_one_line_without_client_data(
    charted, capsys, args: list[str], status: int, words: str
) -> None:
    target = charted[0]
    assert main(["history", "--db", target, *args]) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].startswith("nmt-bodymap: error:")
    assert "Zelda" not in captured.err and "private" not in captured.err


def test_missing_chart_is_refused_and_not_created(tmp_path: Path, capsys) -> None:
    path = tmp_path / "none.sqlite3"
    assert main(["history", "--db", str(path), "--client", "1", "--json"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "no chart database" in err[0]
    assert not path.exists()


def test_command_line_exit_status_and_stderr(charted, tmp_path: Path) -> None:
    target, client_id, _ = charted
    run = subprocess.run(
        [sys.executable, "-m", "nmt_bodymap", "history", "--db", target, "--client", "x1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1
    assert "Traceback" not in run.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "nmt_bodymap", "history", "--db", target,
         "--client", str(client_id), "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert ok.returncode == 0 and len(json.loads(ok.stdout)) == 5
