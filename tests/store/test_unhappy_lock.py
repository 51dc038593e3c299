"""One app per chart: a second app and ``restore`` are refused while the chart is open."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.store import ChartStore, ChartStoreError
from nmt_bodymap.store.backups import restore_backup
from nmt_bodymap.store.chart_lock import lock_path
from nmt_bodymap.store.errors import ChartInUse
from tests.store.conftest import POSTGRES_URL, _fresh_postgres_url

HOLD_OPEN = (
    "import sys\n"
    "from nmt_bodymap.store import ChartStore\n"
    "store = ChartStore.open(sys.argv[1], backup_on_close=False)\n"
    "store.create_client(name='Held Open')\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
    "store.create_client(name='Saved After Restore')\n"
    "store.close()\n"
)


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
        store.backup()
    return path


@pytest.fixture
def held_elsewhere(chart: Path) -> Iterator[subprocess.Popen[str]]:
    """Another app (a real second process) with the chart open until the test ends."""
    app = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(chart)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "ready"
        yield app
    finally:
        if app.poll() is None:
            app.kill()
        app.communicate(timeout=60)


def test_a_second_app_on_the_same_chart_is_refused(
    chart: Path, held_elsewhere: subprocess.Popen[str]
) -> None:
    with pytest.raises(ChartInUse, match="open elsewhere") as caught:
        ChartStore.open(chart, backup_on_close=False)
    assert f"{held_elsewhere.pid}@" in str(caught.value)
    held_elsewhere.kill()
    held_elsewhere.wait(timeout=60)
    ChartStore.open(chart, backup_on_close=False).close()  # free again once it has gone


def test_windows_of_one_app_share_the_chart_but_restore_is_refused(chart: Path) -> None:
    with (
        ChartStore.open(chart, backup_on_close=False) as first,
        ChartStore.open(chart, backup_on_close=False) as second,
    ):
        second.create_client(name="Second Window")
        assert {c.name for c in first.recent_clients(5)} >= {"Ana Ruiz", "Second Window"}
        with pytest.raises(ChartInUse):
            restore_backup(chart, sorted((chart.parent / "backups").iterdir())[0])
    with (
        ChartStore.open(chart, backup_on_close=False),
        pytest.raises(ChartInUse),  # the app's own process cannot restore under itself
    ):
        restore_backup(chart, sorted((chart.parent / "backups").iterdir())[0])


def test_lock_file_is_owner_only_and_a_stale_one_is_taken_over(chart: Path) -> None:
    lock_path(chart).write_text("999999@a-machine-that-crashed\n")
    os.chmod(lock_path(chart), 0o644)
    with ChartStore.open(chart, backup_on_close=False) as store:
        assert store.search_clients("ana")[0].name == "Ana Ruiz"
        assert lock_path(chart).stat().st_mode & 0o777 == 0o600
        assert lock_path(chart).read_text().startswith(f"{os.getpid()}@")


def test_restore_while_another_process_has_the_chart_open_is_refused(
    chart: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(chart)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "ready"
        before = chart.read_bytes()
        assert main(["restore", "--db", str(chart), "--latest"]) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "open elsewhere" in err
        assert "Traceback" not in err
        with pytest.raises(ChartInUse):
            restore_backup(chart, sorted((chart.parent / "backups").iterdir())[0])
        assert chart.read_bytes() == before
        app.communicate("go\n", timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0
    with ChartStore.open(chart, backup_on_close=False) as store:
        names = {c.name for c in store.recent_clients(10)}
    assert {"Ana Ruiz", "Held Open", "Saved After Restore"} <= names


def test_restore_works_once_the_app_has_closed(chart: Path) -> None:
    ChartStore.open(chart, backup_on_close=False).close()
    assert main(["restore", "--db", str(chart), "--latest"]) == 0


def test_in_use_is_a_store_error_with_a_plain_message(
    chart: Path, held_elsewhere: subprocess.Popen[str]
) -> None:
    with pytest.raises(ChartStoreError) as caught:
        ChartStore.open(chart)
    assert "Traceback" not in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason="NMT_TEST_POSTGRES_URL is not set")
def test_restore_on_a_clinic_server_is_refused_while_other_stations_are_connected(
    worker_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _fresh_postgres_url(worker_id)
    station = ChartStore.open(url, backup_on_close=False)  # another station, still working
    try:
        station.create_client(name="Ana Ruiz")
        code = main(["restore", "--db", url, "--from", str(tmp_path / "x.dump")])
        err = capsys.readouterr().err.strip()
        assert code == 1 and len(err.splitlines()) == 1
        assert "other station(s) are connected" in err
    finally:
        station.close()
    assert main(["restore", "--db", url, "--from", str(tmp_path / "x.dump")]) == 1
    assert "pg_restore" in capsys.readouterr().err  # alone: the pg_restore instructions
