"""Account passphrase hashes: argon2id at OWASP's cost, its memory mapped and given back.

Qt-free; imports only ``store/errors`` and the standard library until a hash is made or
checked, then argon2's
binding (``_argon2_cffi_bindings``, as ``store/chart_keys``; not the ``argon2`` package).
The hashes are argon2's usual encoded strings (``$argon2id$v=19$m=...,t=...,p=...$salt$hash``),
read and written by ``argon2.PasswordHasher`` alike.

**The cost** (issue 18). It was ``argon2.PasswordHasher()``'s default, RFC 9106's second
recommended option (m=64 MiB, t=3, p=4). The app checks the passphrase once the chart is
open and on every unlock of the lock screen, when the process already holds the charting
window (~127-137 MiB): those 64 MiB came on top, so a session's peak was 3.07 (sign-in) and
3.22 (unlock) times the bare window's (target 2.5; ``bench/bench_sign_in_memory.py``,
``bench/NOTES.md``). The first sign-in after this change still checks the old 64 MiB hash
once (its cost is in it), then stores a new one.
It is now m=12 MiB, t=3, p=1: a row of the OWASP Password Storage Cheat Sheet's argon2id
table (m=19 MiB t=2, m=12 MiB t=3, m=9 MiB t=4, m=7 MiB t=5, p=1: "an equal level of
defense"). RFC 9106 section 4 allows this: its procedure starts from the memory each call
can afford (here the headroom under the 2.5 times target), then picks the passes for the
time; OWASP's passes for that memory are kept (an unlock should answer at once) rather than
spending the old ~140 ms on more of them.
Why this hash can be cheaper than the chart key's slots (``chart_keys``, 64 MiB, kept):
the slots sit beside the chart in its key file and are what an attacker with the files
tries; these hashes are inside the chart, so in an encrypted chart they are read only with
its key already in hand, and in a plain one the file itself is open to whoever has it.
Of the table's rows, 12 MiB keeps the unlock's peak under 2.5 times the bare window with a
margin (measured: 2.37 times; 19 MiB t=2 gave 2.49, 7 MiB t=5 2.29) while it still costs a
guesser more memory than the 9 and 7 MiB rows. A check takes ~20 ms (it was ~140 ms).
A hash made with other parameters (every account made before this change) still verifies
with its own, and ``needs_rehash`` tells the sign-in to store a new one.

**The memory.** argon2 asks for its m KiB with ``malloc``; glibc maps a block that large
on its own and unmaps it when freed, but that raises its mapping threshold to the block's
size, so the next hash of the same size (the dummy check, the rehash, the next unlock)
came from the store worker's arena and stayed resident (19 MiB for m=19 MiB; measured).
So the block is an anonymous ``mmap`` of its own here (argon2's allocation callbacks) and
is unmapped when the hash ends, on every platform; where a mapping or a callback cannot be
made, argon2 falls back to ``malloc``.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from nmt_bodymap.store.errors import ChartStoreError

TIME_COST = 3
MEMORY_KIB = 12 * 1024
PARALLELISM = 1
HASH_LEN = 32
SALT_LEN = 16
VERSION = 0x13
MAX_MEMORY_KIB = 2 * 1024 * 1024  # RFC 9106's first recommended option; beyond: damage

_ENCODED = re.compile(  # argon2's own format; version 0x10 hashes carry no "v="
    r"\$argon2(id|i|d)(?:\$v=(\d{1,10}))?\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})"
    r"\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)"
)
_UINT32 = 0xFFFFFFFF


class Parameters(NamedTuple):
    kind: str  # "id", "i" or "d"
    version: int
    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes
    digest: bytes


CURRENT = ("id", VERSION, MEMORY_KIB, TIME_COST, PARALLELISM, SALT_LEN, HASH_LEN)


def hash_secret(secret: str) -> str:
    """A new encoded argon2id hash of ``secret`` at the current cost, with a random salt."""
    import os

    salt = os.urandom(SALT_LEN)
    digest = _raw("id", VERSION, MEMORY_KIB, TIME_COST, PARALLELISM, secret, salt, HASH_LEN)
    params = f"m={MEMORY_KIB},t={TIME_COST},p={PARALLELISM}"
    return f"$argon2id$v={VERSION}${params}${_b64(salt)}${_b64(digest)}"


def verify_secret(encoded: str, secret: str) -> bool:
    """True when ``secret`` makes ``encoded`` (with the parameters written in it)."""
    import hmac

    params = parse(encoded)
    if params is None:
        return False
    try:
        digest = _raw(
            params.kind,
            params.version,
            params.memory_kib,
            params.time_cost,
            params.parallelism,
            secret,
            params.salt,
            len(params.digest),
        )
    except HashFailed as failed:
        if failed.out_of_memory:  # the machine's trouble, not a wrong passphrase
            raise
        return False  # parameters argon2 refuses: not a hash this passphrase fits
    return hmac.compare_digest(digest, params.digest)


def needs_rehash(encoded: str) -> bool:
    """True when ``encoded`` was not made at the current cost (argon2-cffi's
    ``check_needs_rehash``: the type, version, memory, passes, lanes, salt and hash sizes)."""
    params = parse(encoded)
    if params is None:
        return True
    seen = (*params[:5], len(params.salt), len(params.digest))
    return seen != CURRENT


def damaged(encoded: str) -> bool:
    """True when ``encoded`` cannot be any passphrase's hash: not argon2's format, or
    parameters argon2 refuses (under 8 KiB a lane, no pass, a short salt or digest), or
    more memory than RFC 9106's largest option (2 GiB: a damaged digit, not a cost any
    version of this app or argon2-cffi made; it would be asked of the machine's memory)."""
    params = parse(encoded)
    return (
        params is None
        or not 1 <= params.parallelism <= 0xFFFFFF
        or not 8 * params.parallelism <= params.memory_kib <= MAX_MEMORY_KIB
        or params.time_cost < 1
        or len(params.salt) < 8
        or len(params.digest) < 4
    )


def parse(encoded: str) -> Parameters | None:
    """The parts of an encoded argon2 hash; None when it is not one."""
    import base64
    import binascii

    found = _ENCODED.fullmatch(encoded)
    if found is None:
        return None
    kind, version, memory, passes, lanes, salt, digest = found.groups()
    numbers = (int(version or 0x10), int(memory), int(passes), int(lanes))
    if max(numbers) > _UINT32:  # argon2's fields are 32 bits: not one of its hashes
        return None
    try:
        salt_bytes, digest_bytes = (
            base64.b64decode(part + "=" * (-len(part) % 4), validate=True)
            for part in (salt, digest)
        )
    except (binascii.Error, ValueError):
        return None
    return Parameters(kind, *numbers, salt_bytes, digest_bytes)


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii").rstrip("=")


def _raw(
    kind: str,
    version: int,
    memory_kib: int,
    time_cost: int,
    parallelism: int,
    secret: str,
    salt: bytes,
    length: int,
) -> bytes:
    """argon2(secret, salt) through ``argon2_ctx``, its memory mapped by ``_MappedMemory``.
    The binding lets go of the interpreter lock while it runs (the GUI thread paints on)."""
    from _argon2_cffi_bindings import ffi, lib

    from nmt_bodymap.store.kdf_memory import run_argon2

    memory = _MappedMemory(ffi, lib)
    kinds = {"id": lib.Argon2_id, "i": lib.Argon2_i, "d": lib.Argon2_d}

    def run(allocate: Any, free: Any) -> tuple[int, bytes]:
        return run_argon2(
            ffi, lib, kinds[kind], version=version, memory_kib=memory_kib,
            time_cost=time_cost, parallelism=parallelism, secret=secret.encode("utf-8"),
            salt=salt, length=length, allocate=allocate, free=free,
        )  # fmt: skip

    status, out = run(memory.allocate, memory.free)
    if status == lib.ARGON2_MEMORY_ALLOCATION_ERROR and memory.allocate is not None:
        status, out = run(None, None)  # no mapping: malloc, as before
    if status != lib.ARGON2_OK:
        message = ffi.string(lib.argon2_error_message(status)).decode("ascii", "replace")
        raise HashFailed(message, status == lib.ARGON2_MEMORY_ALLOCATION_ERROR)
    return out


class HashFailed(ChartStoreError):
    """argon2 could not run (no memory for it, or parameters it refuses)."""

    def __init__(self, reason: str, out_of_memory: bool) -> None:
        super().__init__(f"The passphrase could not be checked ({reason}).")
        self.out_of_memory = out_of_memory


class _MappedMemory:
    """argon2's work memory as anonymous mappings of their own, unmapped when freed (so the
    allocator's thresholds never keep it). ``allocate``/``free`` are None where the
    platform refuses callbacks (then argon2 uses ``malloc`` as before)."""

    def __init__(self, ffi: Any, lib: Any) -> None:
        self._ffi, self._ok = ffi, lib.ARGON2_OK
        self._held: dict[int, tuple[Any, Any]] = {}
        try:
            self.allocate: Any = ffi.callback(
                "int(uint8_t **, size_t)",
                self._allocate,
                error=lib.ARGON2_MEMORY_ALLOCATION_ERROR,
                onerror=_quiet,  # no mapping: argon2 reports it, nothing printed
            )
            self.free: Any = ffi.callback("void(uint8_t *, size_t)", self._free)
        except (MemoryError, RuntimeError):  # no executable memory for callbacks
            self.allocate = self.free = None

    def _allocate(self, memory: Any, size: int) -> int:
        import mmap

        if hasattr(mmap, "MAP_PRIVATE"):  # POSIX: private, not shared, anonymous memory
            anonymous = getattr(mmap, "MAP_ANONYMOUS", 0)  # (added for -1 by Python anyway)
            block = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | anonymous)
        else:  # Windows: backed by the paging file, released when closed
            block = mmap.mmap(-1, size)
        view = self._ffi.from_buffer("uint8_t[]", block)
        pointer = self._ffi.cast("uint8_t *", view)
        self._held[int(self._ffi.cast("uintptr_t", pointer))] = (block, view)
        memory[0] = pointer
        return int(self._ok)

    def _free(self, pointer: Any, size: int) -> None:
        held = self._held.pop(int(self._ffi.cast("uintptr_t", pointer)), None)
        if held is not None:
            block, view = held
            self._ffi.release(view)
            block.close()


def _quiet(*_exc: object) -> None:
    """A callback's failure is argon2's status (``ChartStoreError`` above), not a print."""
