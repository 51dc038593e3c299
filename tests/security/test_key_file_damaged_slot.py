"""One damaged slot in a chart's key file (its salt cut short) does not stop the others:
the station's secret, another therapist's passphrase and the recovery key still open
the chart. The damaged slot's derivation raised 'The chart key could not be derived (Salt
is too short)' before the other slots were tried, so the chart could not be opened at
all (probe30)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmt_bodymap.store import encryption
from nmt_bodymap.store.service import ChartStore

ANA, BEN, STATION = "ana's passphrase", "ben's passphrase", "the station's secret"


@pytest.fixture
def chart(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "charts.sqlite3"
    slots = {"account:Ana": ANA, "account:Ben": BEN, "account:admin": STATION}
    _, recovery = encryption.set_up_key(path, slots)
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
    encryption.forget_all()
    key_file = encryption.key_file_path(path)
    data = json.loads(key_file.read_text())
    assert data["slots"][0]["label"] == "account:Ana"
    data["slots"][0]["salt"] = "00"  # Ana's slot damaged
    key_file.write_text(json.dumps(data))
    return path, recovery


def test_the_other_slots_still_open_the_chart(chart: tuple[Path, str]) -> None:
    path, recovery = chart
    assert not encryption.unlock(path, ANA, label="account:Ana")
    assert encryption.unlock(path, BEN, label="account:Ben")
    encryption.forget_all()
    assert encryption.unlock(path, recovery, label="account:Ana")


def test_the_station_secret_still_opens_it(
    chart: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = chart
    monkeypatch.setenv(encryption.SECRET_ENV, STATION)
    with ChartStore.open(path, backup_on_close=False) as store:
        assert [c.name for c in store.search_clients("")] == ["Ana Ruiz"]
