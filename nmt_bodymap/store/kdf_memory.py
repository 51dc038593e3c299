"""argon2id's 64 MiB of working memory on 2 MiB pages (Linux), issue 18. Qt-free.

argon2id reads its memory in a data-dependent order: on 4 KiB pages almost every block it
reads misses the TLB (which covers a few MiB), and the 16,384 first touches are as many
page faults. On transparent huge pages (an anonymous map aligned to 2 MiB and
``madvise(MADV_HUGEPAGE)``, which the kernel honours in its default ``madvise`` mode) the
same derivation takes ~30 % less CPU: 105 against 148 ms, median of 8 fresh processes,
first call (bench/NOTES.md, cryptstart2).

Only where the memory comes from changes: the function (argon2id, version 0x13), its
cost (64 MiB, t=3, p=1), its output and its implementation (the argon2 reference code in
``_argon2_cffi_bindings``) stay. The reference code still wipes the memory before it hands
it back (``clear_internal_memory`` in its ``free_memory``, before calling ``free_cbk``);
the map is then unmapped, so the 64 MiB are returned to the system as before.

``HugePages.make(ffi)`` gives the two callbacks for ``argon2_context.allocate_cbk`` and
``free_cbk``, or None where huge pages cannot be asked for (no ``MADV_HUGEPAGE``: macOS,
Windows; or callbacks refused by the system): argon2 then allocates as before.
"""

from __future__ import annotations

import mmap
from contextlib import suppress
from typing import Any

HUGE_PAGE = 2 * 1024 * 1024
ALLOCATION_ERROR = -22  # ARGON2_MEMORY_ALLOCATION_ERROR (argon2.h)


class HugePages:
    """The allocator of one ``argon2_ctx`` call: ``allocate`` and ``free`` (cffi callbacks,
    run on the calling thread with the interpreter lock taken for the moment they run)."""

    def __init__(self, ffi: Any) -> None:
        self._ffi = ffi
        self._maps: dict[int, tuple[mmap.mmap, Any]] = {}  # address -> (map, its cdata view)
        self.allocate = ffi.callback("allocate_fptr", self._allocate, error=ALLOCATION_ERROR)
        self.free = ffi.callback("deallocate_fptr", self._free)
        self.allocations = 0

    @classmethod
    def make(cls, ffi: Any) -> HugePages | None:
        if not hasattr(mmap, "MADV_HUGEPAGE"):
            return None
        try:
            return cls(ffi)
        except (MemoryError, RuntimeError, OSError):  # no executable callbacks (W^X)
            return None

    def _allocate(self, memory: Any, size: int) -> int:
        ffi = self._ffi
        try:
            region = mmap.mmap(-1, size + HUGE_PAGE, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
        except (OSError, ValueError, OverflowError):
            return ALLOCATION_ERROR
        with suppress(OSError):  # huge pages switched off: 4 KiB pages, as malloc gives
            region.madvise(mmap.MADV_HUGEPAGE)
        view = ffi.from_buffer(region)
        start = int(ffi.cast("uintptr_t", view))
        pointer = ffi.cast("uint8_t *", view) + (-start) % HUGE_PAGE  # 2 MiB aligned
        self._maps[int(ffi.cast("uintptr_t", pointer))] = (region, view)
        memory[0] = pointer
        self.allocations += 1
        return 0

    def _free(self, memory: Any, _size: int) -> None:
        found = self._maps.pop(int(self._ffi.cast("uintptr_t", memory)), None)
        if found is not None:
            region, view = found
            self._ffi.release(view)
            region.close()

    def close(self) -> None:
        """Wipe and unmap whatever argon2 did not give back (it always does, errors too)."""
        for address, (region, _view) in list(self._maps.items()):
            region.seek(0)
            region.write(bytes(len(region)))
            self._free(self._ffi.cast("uint8_t *", address), 0)


def run_argon2(
    ffi: Any,
    lib: Any,
    kind: int,
    *,
    version: int,
    memory_kib: int,
    time_cost: int,
    parallelism: int,
    secret: bytes,
    salt: bytes,
    length: int,
    allocate: Any = None,
    free: Any = None,
) -> tuple[int, bytes]:
    """One ``argon2_ctx`` call of the reference code in ``_argon2_cffi_bindings`` (it lets
    go of the interpreter lock while it runs): its status and its output. ``allocate`` and
    ``free`` are argon2's memory callbacks (None: malloc). The C copies of the output and of
    the secret are zeroed before it returns. Used by the chart key slots (``chart_keys``)
    and the account passphrase hashes (``secret_hashes``)."""
    out = ffi.new("uint8_t[]", length)
    password, salted = ffi.new("uint8_t[]", secret), ffi.new("uint8_t[]", salt)
    context = ffi.new(
        "argon2_context *",
        {
            "out": out,
            "outlen": length,
            "pwd": password,
            "pwdlen": len(secret),
            "salt": salted,
            "saltlen": len(salt),
            "secret": ffi.NULL,
            "secretlen": 0,
            "ad": ffi.NULL,
            "adlen": 0,
            "t_cost": time_cost,
            "m_cost": memory_kib,
            "lanes": parallelism,
            "threads": parallelism,
            "version": version,
            "allocate_cbk": allocate if allocate is not None else ffi.NULL,
            "free_cbk": free if free is not None else ffi.NULL,
            "flags": lib.ARGON2_DEFAULT_FLAGS,
        },
    )
    try:
        status = lib.argon2_ctx(context, kind)
        return status, bytes(ffi.buffer(out, length))
    finally:
        ffi.memmove(out, bytes(length), length)
        ffi.memmove(password, bytes(len(secret)), len(secret))
