"""An encrypted chart's key with the secret in the environment (issue 18): unwrapped on a
thread from the launch on, before the window's imports (argon2id's 64 MiB while the
process holds least), derived once per chart and process, every byte of it given back,
and with the same argon2id function and cost as every key file made before."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.store import chart_keys, encryption, key_soon
from tests.fresh_process import app_env, run_child

SECRET = "correct horse battery"

# A key file made by the code before this change (argon2.low_level.hash_secret_raw):
# it must keep opening with the passphrase and with the recovery key.
OLD_KEY = bytes.fromhex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
OLD_KEY_FILE = {
    "version": 1,
    "check": "fef87f94d2d950beb3aba883915e78b9",
    "slots": [
        {
            "label": "account:Ana",
            "salt": "be1160199d24f4625a031f2b4bc8bb9b",
            "wrapped": "1098a385cad3295e57e345c64323e77b37ddab6f7fcca7e8985aa64aa3dbf402",
        },
        {
            "label": "recovery",
            "salt": "94ba7484be8e81f1a2ccd27b987491e1",
            "wrapped": "3258ab714a246664871991ba2c0730a8b06fbe36ddb6c8ad9fcd73d05f8e0971",
        },
    ],
}


def test_the_pad_is_argon2id_at_rfc_9106_cost_as_the_argon2_package_makes_it() -> None:
    from argon2.low_level import Type, hash_secret_raw

    assert (chart_keys.TIME_COST, chart_keys.MEMORY_KIB, chart_keys.PARALLELISM) == (3, 65536, 1)
    for secret, salt in (("correct horse", bytes(range(16))), ("Grüße, 1234", b"\xff" * 16)):
        expected = hash_secret_raw(
            secret.encode("utf-8"),
            salt,
            time_cost=3,
            memory_cost=64 * 1024,
            parallelism=1,
            hash_len=32,
            type=Type.ID,
        )
        assert chart_keys._slot_pad(secret, salt) == expected


def test_a_key_file_made_before_opens_with_passphrase_and_recovery_key(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3.keys"
    path.write_text(json.dumps(OLD_KEY_FILE), encoding="utf-8")
    old = chart_keys.read_key_file(path)
    assert chart_keys.unwrap(old, SECRET, "account:Ana") == OLD_KEY
    assert chart_keys.unwrap(old, "abcde fghij klmno pqrst uvwxy") == OLD_KEY
    assert chart_keys.unwrap(old, "not the passphrase") is None


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    """An encrypted chart with Ana's slot and the recovery slot; no key remembered."""
    pytest.importorskip("sqlcipher3")
    from nmt_bodymap.store.service import ChartStore

    path = tmp_path / "charts.sqlite3"
    encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
    encryption.forget_all()
    return path


def _count_pads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    pad = chart_keys._slot_pad

    def counted(secret: str, salt: bytes) -> bytes:
        made.append(salt.hex())
        return pad(secret, salt)

    monkeypatch.setattr(chart_keys, "_slot_pad", counted)
    return made


def test_one_open_derives_the_key_once(chart: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nmt_bodymap.store.service import ChartStore

    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    made = _count_pads(monkeypatch)
    assert key_soon.start(chart)  # as the launch does
    assert key_soon.start(chart)  # a second call (run_app after cli) starts nothing more
    with ChartStore.open(chart, backup_on_close=False) as store:
        assert [c.name for c in store.search_clients("")] == ["Ana Ruiz"]
    with ChartStore.open(chart, backup_on_close=False) as store:  # remembered for the session
        assert len(store.search_clients("")) == 1
    assert len(made) == 1


def test_a_wrong_secret_is_tried_once_per_slot_and_the_chart_stays_locked(
    chart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(encryption.SECRET_ENV, "not the passphrase")
    made = _count_pads(monkeypatch)
    assert key_soon.start(chart)
    with pytest.raises(encryption.ChartLocked):
        encryption.resolve_key(chart)
    assert len(made) == 2  # Ana's slot and the recovery slot; not derived again after
    assert encryption.unlock(chart, SECRET, label="account:Ana")  # the sign-in still opens it


def test_nothing_is_started_without_a_secret_or_for_a_plain_chart(
    chart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not key_soon.start(chart)  # no secret in the environment
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(b"SQLite format 3\x00" + bytes(100))
    encryption.key_file_path(plain).write_text("{}", encoding="utf-8")  # a stray key file
    assert not key_soon.start(plain)
    assert not key_soon.start(tmp_path / "missing.sqlite3")
    assert not key_soon.start("postgresql://host/charts")
    assert not key_soon.started(chart)


MEMORY_CHILD = textwrap.dedent(
    """
    import json, os, sys
    import hashlib, hmac, _argon2_cffi_bindings  # imported first: their pages are not counted
    from nmt_bodymap.store import chart_keys, key_soon

    def status(field):
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith(field + ":")) / 1024

    before = status("VmRSS")
    assert key_soon.start(sys.argv[1])
    taken = key_soon.take(chart_keys.key_file_path(__import__("pathlib").Path(sys.argv[1])))
    print(json.dumps({"key": bool(taken and taken[0]), "before": before,
                      "peak": status("VmHWM"), "after": status("VmRSS")}))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_the_derivation_costs_its_64_mib_and_gives_them_back(chart: Path, tmp_path: Path) -> None:
    env = app_env(tmp_path, NMT_BODYMAP_SECRET=SECRET)
    seen: dict[str, Any] = run_child(MEMORY_CHILD, str(chart), env=env)
    assert seen["key"] is True
    assert seen["peak"] - seen["before"] >= 56  # argon2id's cost is paid, not lowered
    assert seen["after"] - seen["before"] < 12  # and returned to the system when it ends


# ``nmt-bodymap --db chart`` with the secret in the environment, watched to the first paint.
CLI_CHILD = textwrap.dedent(
    """
    import json, sys
    from nmt_bodymap.store import chart_keys

    seen = {"pads": []}
    pad = chart_keys._slot_pad

    def watched_pad(secret, salt):
        seen["pads"].append({"qt_imported": "PySide6.QtWidgets" in sys.modules})
        return pad(secret, salt)

    chart_keys._slot_pad = watched_pad
    import nmt_bodymap.cli as cli

    def first_paint_watch(window):
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint and "painted" not in seen:
                    seen["painted"] = True
                    seen["pads_by_paint"] = len(seen["pads"])
                    names = set(sys.modules)
                    seen["argon2"] = "argon2" in names
                    seen["dialogs"] = "nmt_bodymap.ui.access.sign_in_dialog" in names
                    seen["encryption"] = "nmt_bodymap.store.encryption" in names
                    QTimer.singleShot(0, QApplication.instance().quit)
                return False

        window._test_watcher = FirstPaint()
        window.installEventFilter(window._test_watcher)
        QTimer.singleShot(60_000, QApplication.instance().quit)  # never hang

    class PatchAppOnImport:  # the window module is patched as it loads, not imported here
        def find_spec(self, name, path=None, target=None):
            if name != "nmt_bodymap.ui.app":
                return None
            from importlib.machinery import PathFinder

            spec = PathFinder.find_spec(name, path)
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                show = module.show_main_window

                def watched_show(*args, **kwargs):
                    window = show(*args, **kwargs)
                    first_paint_watch(window)
                    return window

                module.show_main_window = watched_show

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, PatchAppOnImport())
    status = cli.main(["--db", sys.argv[1]])
    print(json.dumps({**seen, "status": status}), flush=True)
    """
)


def test_the_launch_unwraps_before_the_window_imports_and_loads_no_dialogs(
    chart: Path, tmp_path: Path
) -> None:
    """Fails on the code before: the key was unwrapped after Qt's imports (RSS ~60 MiB and
    growing under argon2's 64 MiB), with the dialogs' module imported to start it."""
    env = app_env(tmp_path, NMT_BODYMAP_SECRET=SECRET)
    seen = run_child(CLI_CHILD, str(chart), env=env)
    assert seen.get("painted"), "the window never painted"
    assert len(seen["pads"]) == 1  # one derivation (the right slot is the first)
    assert seen["pads"][0]["qt_imported"] is False
    assert seen["dialogs"] is False and seen["encryption"] is False
    assert seen["argon2"] is False  # argon2's binding only, not the package (~10 ms)
