"""``nmt-bodymap encrypt`` and ``nmt-bodymap decrypt --out PATH``.

``encrypt`` turns a plain SQLite chart into a SQLCipher one: a verified plain copy is
kept until the encrypted chart has been checked (same rows in every table, integrity
ok), then the chart is replaced, its existing backups are encrypted too, and the plain
copy is deleted. The secret comes from ``NMT_BODYMAP_SECRET`` (a script) or is asked
for on the terminal, never from an argument; the recovery key is printed once.
``decrypt`` writes a plain copy of an encrypted chart (for a migration elsewhere).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nmt_bodymap import paths
from nmt_bodymap.store import encryption
from nmt_bodymap.store.accounts import check_secret
from nmt_bodymap.store.errors import ChartStoreError, ChartValidationError


def add_parser(subparsers: Any) -> None:
    enc = subparsers.add_parser(
        "encrypt",
        help="encrypt a plain chart (secret from NMT_BODYMAP_SECRET or asked for)",
    )
    enc.add_argument("--json", action="store_true", help="print the outcome as JSON")
    enc.set_defaults(func=run_encrypt)
    dec = subparsers.add_parser("decrypt", help="write a plain copy of an encrypted chart")
    dec.add_argument("--out", required=True, metavar="PATH", help="the plain copy to write")
    dec.add_argument("--json", action="store_true", help="print the outcome as JSON")
    dec.set_defaults(func=run_decrypt)


def _chart_path(args: argparse.Namespace) -> Path:
    db = getattr(args, "db", None)
    if db and "://" in db:
        raise ChartStoreError("Only a SQLite chart file is encrypted here; a server uses TLS.")
    return Path(db).expanduser().absolute() if db else paths.default_database_path()


def _secret(confirm: bool) -> str:
    secret = os.environ.get(encryption.SECRET_ENV)
    if secret:
        return secret
    if not sys.stdin.isatty():
        raise ChartStoreError(f"No secret: set {encryption.SECRET_ENV} or run this in a terminal.")
    secret = getpass.getpass("Passphrase for the chart: ")
    if confirm and getpass.getpass("Once more: ") != secret:
        raise ChartStoreError("The two passphrases differ; nothing was changed.")
    return secret


def _fail(exc: Exception) -> int:
    print(f"nmt-bodymap: error: {exc}", file=sys.stderr)
    return 1


def _counts_plain(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return encryption.table_counts(conn)


def encrypt_chart(chart: Path, secret: str, user: str) -> str:
    """Encrypt ``chart`` in place; returns the recovery code (shown once)."""
    if not chart.is_file() or chart.stat().st_size == 0:
        raise ChartStoreError(f"There is no chart at {chart} to encrypt.")
    if not encryption.is_plain_sqlite(chart):
        raise ChartStoreError(f"{chart} is already encrypted (or is not a chart).")
    check_secret(secret, single_user=True)
    with closing(sqlite3.connect(chart)) as conn:  # fold the WAL into the file first
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = chart.with_name(f".{chart.name}.plain-{stamp}")  # the verified copy
    staging = chart.with_name(f".{chart.name}.encrypting")
    staging.unlink(missing_ok=True)
    encryption.export_copy(chart, kept, None, None)
    before = _counts_plain(kept)
    if _counts_plain(chart) != before:
        raise ChartStoreError("The copy of the chart does not match it; nothing was changed.")
    key_path = encryption.key_file_path(chart)
    if key_path.exists():
        raise ChartStoreError(f"{key_path} exists already; move it away first.")
    try:
        key, recovery = encryption.set_up_key(chart, {f"account:{user}": secret})
        encryption.export_copy(kept, staging, None, key)
        with encryption.opened(staging, key) as conn:
            after = encryption.table_counts(conn)
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if after != before or ok != "ok":
            raise ChartStoreError(
                "The encrypted copy did not match the chart; nothing was changed."
            )
        for suffix in ("-wal", "-shm"):
            Path(f"{chart}{suffix}").unlink(missing_ok=True)
        os.replace(staging, chart)
    except BaseException:
        staging.unlink(missing_ok=True)
        if encryption.is_plain_sqlite(chart):
            key_path.unlink(missing_ok=True)
        raise
    _encrypt_backups(chart, key)
    kept.unlink()
    return recovery


def _encrypt_backups(chart: Path, key: bytes) -> None:
    folder = chart.parent / "backups"
    if not folder.is_dir():
        return
    for backup in sorted(folder.glob(f"{chart.stem}-*.sqlite3")):
        if not encryption.is_plain_sqlite(backup):
            continue
        staging = backup.with_name(f".{backup.name}.encrypting")
        staging.unlink(missing_ok=True)
        encryption.export_copy(backup, staging, None, key)
        os.replace(staging, backup)
    encryption.keep_key_file_beside(chart, folder)


def run_encrypt(args: argparse.Namespace) -> int:
    try:
        chart = _chart_path(args)
        recovery = encrypt_chart(
            chart, _secret(confirm=True), os.environ.get(encryption.USER_ENV) or "admin"
        )
    except (ChartStoreError, ChartValidationError, OSError, sqlite3.Error) as exc:
        return _fail(exc)
    if args.json:
        print(json.dumps({"chart": str(chart), "encrypted": True, "recovery_key": recovery}))
    else:
        print(f"The chart {chart} is now encrypted.")
        print("Recovery key (shown only this once; write it down and keep it locked away):")
        print(f"    {recovery}")
    return 0


def decrypt_chart(chart: Path, out: Path) -> None:
    if out.exists():
        raise ChartStoreError(f"{out} exists already; choose another name.")
    if not encryption.is_encrypted_chart(chart):
        raise ChartStoreError(f"{chart} is not an encrypted chart.")
    key = encryption.resolve_key(chart)
    encryption.export_copy(chart, out, key, None)


def run_decrypt(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser().absolute()
    try:
        chart = _chart_path(args)
        if not os.environ.get(encryption.SECRET_ENV) and sys.stdin.isatty():
            encryption.unlock(chart, _secret(confirm=False))
        decrypt_chart(chart, out)
    except (ChartStoreError, OSError) as exc:
        return _fail(exc)
    except Exception as exc:  # sqlcipher3 errors: one line, no traceback
        return _fail(ChartStoreError(f"The plain copy failed: {exc}"))
    if args.json:
        print(json.dumps({"chart": str(chart), "out": str(out)}))
    else:
        print(f"A plain (unencrypted) copy was written to {out}. Protect or delete it.")
    return 0
