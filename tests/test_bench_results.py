"""bench/run.py rewrites RESULTS.md without losing the records no benchmark writes (issue 18:
the fault-injection and installer sections come from tools outside bench/)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture
def run_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run_under_test", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("## ")]


def test_rewriting_results_keeps_fault_injection_and_installer_sections(
    run_module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NMT_BENCH_ENCRYPTED", raising=False)
    shutil.copy(BENCH / "NOTES.md", tmp_path / "NOTES.md")
    shutil.copy(BENCH / "RESULTS.md", tmp_path / "RESULTS.md")
    old = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    fault = run_module.sections(old)[
        "Fault injection: kills during save, backup, migration and restore (issue 13)"
    ]
    assert "lost 0" in fault
    rounds = {"click": [{"click.p95_ms": 7.5, "click.p99_ms": 12.0}]}

    for _ in range(2):  # a second run must not add the kept sections again
        path = run_module.write_results(rounds, 1, here=tmp_path)
        text = path.read_text(encoding="utf-8")
        headings = _headings(text)
        assert len(headings) == len(set(headings)), "a section is written twice"
        assert fault in text
        assert any(h.startswith("## Installer bundle size") for h in headings)
        assert "| `click.p95_ms` | 7.500 |" in text  # the new figures replace the old table
        notes = (tmp_path / "NOTES.md").read_text(encoding="utf-8")
        for heading in _headings(notes):
            assert heading in headings


def test_a_section_only_in_results_is_kept_and_the_generated_ones_are_not(
    run_module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NMT_BENCH_ENCRYPTED", raising=False)
    (tmp_path / "NOTES.md").write_text("## Notes on clicks\n\nmeasured twice\n", encoding="utf-8")
    (tmp_path / "RESULTS.md").write_text(
        "# Benchmark results\n\n| old | table |\n\n## Targets\n\n- old target\n\n"
        "## Encrypted charts (SQLCipher) against plain, same run\n\nold ratios\n\n"
        "## Notes on clicks\n\nmeasured once (old)\n\n"
        "## Fault injection\n\nacknowledged 240, lost 0\n",
        encoding="utf-8",
    )
    text = run_module.write_results({}, 1, here=tmp_path).read_text(encoding="utf-8")
    assert "acknowledged 240, lost 0" in text
    assert "measured twice" in text and "measured once (old)" not in text
    assert "old target" not in text and "old ratios" not in text and "| old |" not in text


def test_the_keychain_pass_gets_its_own_table_beside_the_secret_one(
    run_module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NMT_BENCH_ENCRYPTED", raising=False)
    (tmp_path / "NOTES.md").write_text("## Notes\n\nnone\n", encoding="utf-8")
    plain = {"startup": [{"startup.startup_cli_ms": 100.0}]}
    secret = {"startup": [{"startup.startup_cli_ms": 130.0}]}
    keychain = {"startup": [{"startup.startup_cli_ms": 105.0}]}
    for _ in range(2):  # a re-run replaces both tables, never adds them again
        path = run_module.write_results(plain, 1, secret, here=tmp_path, keychain_rounds=keychain)
        text = path.read_text(encoding="utf-8")
        headings = _headings(text)
        assert len(headings) == len(set(headings))
        assert f"## {run_module.ENCRYPTED_TITLE}" in headings
        assert f"## {run_module.KEYCHAIN_TITLE}" in headings
        secret_part, keychain_part = text.split(run_module.KEYCHAIN_TITLE)
        assert "| `startup.startup_cli_ms` | 100.000 | 130.000 | 1.300 | MISSED" in secret_part
        assert "| `startup.startup_cli_ms` | 100.000 | 105.000 | 1.050 | met" in keychain_part
    text = run_module.write_results(plain, 1, here=tmp_path).read_text(encoding="utf-8")
    assert run_module.KEYCHAIN_TITLE not in text  # a plain-only run drops the old tables


def test_the_bench_keychain_is_an_owner_only_file_gone_after_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    from nmt_bodymap.store import encryption

    monkeypatch.syspath_prepend(str(BENCH))
    import bench_keyring

    chart = tmp_path / "chart.sqlite3"
    key, _ = encryption.set_up_key(chart, {"account:bench": "bench secret"})
    encryption.forget_all()
    with bench_keyring.keychain_holding([chart], "bench secret") as env:
        keychain = Path(env[bench_keyring.FILE_ENV])
        assert env["PYTHON_KEYRING_BACKEND"] == bench_keyring.BACKEND
        assert keychain.stat().st_mode & 0o777 == 0o600
        assert keychain.parent.stat().st_mode & 0o777 == 0o700
        monkeypatch.setenv(bench_keyring.FILE_ENV, str(keychain))
        ring = bench_keyring.FileKeyring()
        assert ring.get_password(encryption.KEYRING_SERVICE, encryption.check_of(key)) == key.hex()
    assert not keychain.parent.exists()
    with pytest.raises(ValueError), bench_keyring.keychain_holding([chart], "not it"):
        pass
