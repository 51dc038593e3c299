"""An encrypted chart whose own key file is gone (deleted, not copied with the chart) is
not a damaged chart: it is said so, with where the kept copy is (``backups/``), and
nothing is offered or changed. It was reported as 'cannot be read (it is not a SQLite
database)' with the offer to restore the latest backup, which cannot help (the restored
file has no key file beside it either) and puts an older chart in place (probe30)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.store import encryption
from nmt_bodymap.store.errors import ChartDatabaseCorrupt, ChartStoreError
from nmt_bodymap.store.service import ChartStore

SECRET = "correct horse battery"


def _chart_without_its_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "charts.sqlite3"
    encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
        store.backup()  # keeps a copy of the key file in backups/
    encryption.forget_all()
    encryption.key_file_path(path).unlink()
    return path


@pytest.mark.parametrize("secret", [None, SECRET])
def test_a_missing_key_file_is_said_and_no_restore_is_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: str | None
) -> None:
    path = _chart_without_its_key_file(tmp_path)
    if secret is not None:
        monkeypatch.setenv(encryption.SECRET_ENV, secret)
    before = path.read_bytes()
    with pytest.raises(ChartStoreError) as raised:
        ChartStore.open(path, backup_on_close=False)
    assert not isinstance(raised.value, ChartDatabaseCorrupt)  # no restore offered
    assert not isinstance(raised.value, encryption.ChartLocked)  # no passphrase could help
    message = str(raised.value)
    assert "charts.sqlite3.keys" in message and "missing" in message
    assert str(tmp_path / "backups") in message
    assert "restore" not in message
    assert path.read_bytes() == before


def test_the_command_line_says_it_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _chart_without_its_key_file(tmp_path)
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    assert main(["--db", str(path), "history", "--client", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "missing" in err and "restore" not in err


def test_copying_the_kept_key_file_back_opens_the_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _chart_without_its_key_file(tmp_path)
    kept = tmp_path / "backups" / encryption.key_file_path(path).name
    encryption.key_file_path(path).write_bytes(kept.read_bytes())
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    with ChartStore.open(path, backup_on_close=False) as store:
        assert [c.name for c in store.search_clients("")] == ["Ana Ruiz"]
