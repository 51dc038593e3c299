"""argon2id's working memory on 2 MiB pages (``store/kdf_memory``, issue 18): the same pad
as the argon2 package makes, the memory wiped before it is unmapped, and the allocation
as before where huge pages cannot be asked for."""

from __future__ import annotations

import mmap
from typing import Any

import numpy as np
import pytest
from argon2.low_level import Type, hash_secret_raw

from nmt_bodymap.store import chart_keys, kdf_memory

CASES = (("correct horse", bytes(range(16))), ("", b"\x00" * 16), ("Grüße, 1234", b"\xff" * 16))

linux_huge_pages = pytest.mark.skipif(
    not hasattr(mmap, "MADV_HUGEPAGE"), reason="no MADV_HUGEPAGE on this system"
)


def _reference(secret: str, salt: bytes) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=3,
        memory_cost=64 * 1024,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )


@linux_huge_pages
def test_the_pad_from_huge_pages_is_the_argon2_packages_and_they_are_used(monkeypatch) -> None:
    made: list[kdf_memory.HugePages] = []
    make = kdf_memory.HugePages.make

    def recorded(ffi: Any) -> kdf_memory.HugePages | None:
        pages = make(ffi)
        assert pages is not None
        made.append(pages)
        return pages

    monkeypatch.setattr(kdf_memory.HugePages, "make", staticmethod(recorded))
    for secret, salt in CASES:
        assert chart_keys._slot_pad(secret, salt) == _reference(secret, salt)
    assert [pages.allocations for pages in made] == [1, 1, 1]  # argon2 took the memory given
    assert all(not pages._maps for pages in made)  # and gave every map back (unmapped)


@linux_huge_pages
def test_the_memory_is_wiped_before_it_is_unmapped(monkeypatch) -> None:
    from _argon2_cffi_bindings import ffi

    freed: list[tuple[int, bool]] = []
    real_free = kdf_memory.HugePages._free

    def checked(self: kdf_memory.HugePages, memory: Any, size: int) -> None:
        words = np.frombuffer(ffi.buffer(memory, size), dtype=np.uint64)
        freed.append((size, bool(words.any())))
        real_free(self, memory, size)

    monkeypatch.setattr(kdf_memory.HugePages, "_free", checked)
    chart_keys._slot_pad("correct horse", bytes(range(16)))
    assert freed == [(64 * 1024 * 1024, False)]  # all 64 MiB, every byte zero


def test_without_huge_pages_argon2_allocates_as_before(monkeypatch) -> None:
    monkeypatch.setattr(kdf_memory.HugePages, "make", staticmethod(lambda ffi: None))
    for secret, salt in CASES[:2]:
        assert chart_keys._slot_pad(secret, salt) == _reference(secret, salt)


def test_huge_pages_are_not_asked_for_where_the_system_has_none(monkeypatch) -> None:
    from _argon2_cffi_bindings import ffi

    monkeypatch.delattr(mmap, "MADV_HUGEPAGE", raising=False)
    assert kdf_memory.HugePages.make(ffi) is None


@linux_huge_pages
def test_a_map_that_cannot_be_made_is_argon2s_allocation_error(monkeypatch) -> None:
    def refused(*_args: Any, **_kwargs: Any) -> mmap.mmap:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(kdf_memory.mmap, "mmap", refused)
    with pytest.raises(chart_keys.ChartStoreError, match="could not be derived"):
        chart_keys._slot_pad("correct horse", bytes(range(16)))


@linux_huge_pages
def test_a_map_argon2_did_not_give_back_is_wiped_and_unmapped(monkeypatch) -> None:
    from _argon2_cffi_bindings import ffi

    pages = kdf_memory.HugePages.make(ffi)
    assert pages is not None
    size = 4 * 1024 * 1024
    memory = ffi.new("uint8_t **")
    assert pages._allocate(memory, size) == 0
    ffi.memmove(memory[0], b"\xaa" * 4096, 4096)
    region, _view = next(iter(pages._maps.values()))
    wiped: list[bool] = []
    real_free = pages._free

    def checked(address: Any, size_: int) -> None:
        wiped.append(not np.frombuffer(ffi.buffer(address, size), dtype=np.uint64).any())
        real_free(address, size_)

    monkeypatch.setattr(pages, "_free", checked)
    pages.close()
    assert wiped == [True]
    assert region.closed and not pages._maps
