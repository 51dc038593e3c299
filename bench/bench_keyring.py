"""A keyring backend for the benches: the "OS keychain" as an owner-only file (issue 18).

The security issue lets a single-user laptop keep the chart key in the OS keychain
(``store/encryption.keep_in_keychain``: the raw key, no KDF at launch). To measure that
start beside the secret's (argon2id, 64 MiB) without touching the user's real keychain,
the bench's children select this backend through keyring's own environment variable:

    PYTHON_KEYRING_BACKEND=bench_keyring.FileKeyring  (bench/ on the child's sys.path)
    NMT_BENCH_KEYRING_FILE=<the bench's temp folder>/keychain.json

``keychain_holding(charts, secret)`` makes such a file in a new temp folder with the keys of
``charts`` (unwrapped once, here, with the bench's secret) and deletes the folder after
the run. Never a real secret, never the user's keychain.

A laptop sets no ``PYTHON_KEYRING_BACKEND`` (nor a ``keyringrc.cfg``): keyring then finds
its backend by loading every ``keyring.backends`` entry point (its own: macOS, Windows,
SecretService with ``secretstorage``, ``jeepney`` and ``cryptography``, KWallet, libsecret)
and asking each whether it works, ~20 ms and ~8 MiB more here. ``discover=True`` measures
that: the file backend is offered as such an entry point (a ``.dist-info`` in the temp
folder, on the child's ``PYTHONPATH``) with a priority above the OS ones, so keyring's own
search picks it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "NMT_BENCH_KEYRING_FILE"
BACKEND = "bench_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    """service -> user -> password in the JSON file named by ``NMT_BENCH_KEYRING_FILE``."""

    # viable; above SecretService (5) and the chainer (10), so keyring's own search picks
    # it where it is offered (``discover=True``: only in the bench's children)
    priority = 20  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            found: dict[str, dict[str, str]] = json.loads(self._path().read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return found

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        path = self._path()
        staging = path.with_name(f".{path.name}.new")
        staging.unlink(missing_ok=True)
        fd = os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(staging, path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data.setdefault(service, {})[username] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if username not in data.get(service, {}):
            raise PasswordDeleteError(username)
        del data[service][username]
        self._write(data)


def environment(keychain: Path, discover: bool = False) -> dict[str, str]:
    """What a child needs to read the chart keys from ``keychain`` (the file): the backend
    named in keyring's variable, or (``discover``) offered as an entry point that keyring's
    own search finds (``PYTHONPATH``: to be put after the child's own, ``child_env``)."""
    if not discover:
        return {"PYTHON_KEYRING_BACKEND": BACKEND, FILE_ENV: str(keychain)}
    site = keychain.parent / "site"
    info = site / "nmt_bench_keyring-0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nmt-bench-keyring\nVersion: 0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[keyring.backends]\nnmt-bench = bench_keyring\n", encoding="utf-8"
    )
    return {"PYTHONPATH": str(site), FILE_ENV: str(keychain)}


def child_env(env: dict[str, str], keychain: dict[str, str]) -> dict[str, str]:
    """``env`` with ``keychain``'s variables, its ``PYTHONPATH`` after ``env``'s own."""
    merged = {**env, **keychain}
    if "PYTHONPATH" in keychain and env.get("PYTHONPATH"):
        merged["PYTHONPATH"] = os.pathsep.join((env["PYTHONPATH"], keychain["PYTHONPATH"]))
    return merged


def store_chart_keys(keychain: Path, charts: Iterable[Path], secret: str) -> None:
    """Unwrap each chart's key with ``secret`` and keep it in ``keychain`` as
    ``encryption.keep_in_keychain`` does (service, check value, hex key)."""
    from nmt_bodymap.store.chart_keys import check_of, find_key_file, read_key_file, unwrap
    from nmt_bodymap.store.encryption import KEYRING_SERVICE

    old = os.environ.get(FILE_ENV)
    os.environ[FILE_ENV] = str(keychain)
    try:
        ring = FileKeyring()
        for chart in charts:
            found = find_key_file(chart)
            if found is None:
                raise FileNotFoundError(f"{chart} has no key file")
            key = unwrap(read_key_file(found), secret)
            if key is None:
                raise ValueError(f"the bench's secret does not open {chart.name}")
            ring.set_password(KEYRING_SERVICE, check_of(key), key.hex())
    finally:
        if old is None:
            os.environ.pop(FILE_ENV, None)
        else:
            os.environ[FILE_ENV] = old


@contextmanager
def keychain_holding(
    charts: Iterable[Path], secret: str, discover: bool = False
) -> Iterator[dict[str, str]]:
    """A keychain file with the keys of ``charts`` in a new owner-only temp folder; yields
    the children's environment for it (``environment``); the folder is deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="nmt-bench-keychain-") as folder:
        os.chmod(folder, 0o700)
        keychain = Path(folder) / "keychain.json"
        store_chart_keys(keychain, charts, secret)
        yield environment(keychain, discover)
