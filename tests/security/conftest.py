"""Security tests: no secret, no remembered key and no OS keychain leak between tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nmt_bodymap.store import encryption, keychain


@pytest.fixture(autouse=True)
def _no_leaked_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(encryption.SECRET_ENV, raising=False)
    monkeypatch.delenv(encryption.USER_ENV, raising=False)
    monkeypatch.setattr(keychain, "_keyring", lambda: None)
    encryption.forget_all()
    yield
    encryption.forget_all()
