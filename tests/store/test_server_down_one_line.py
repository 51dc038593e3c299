"""A clinic server that is down gets one clear line, in the window's dialog and on the
command line alike (the standard: bad input or a fault gets one line, never more).

psycopg words a refused connection over two lines ("... Connection refused" and a tab-indented
"Is the server running on that host ..."); the store and the server's first look passed it on
whole, and the command line also printed the engine's log record ("database error: ...",
the driver's text) on stderr through Python's last-resort handler, before its own line.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.errors import ChartStoreError
from nmt_bodymap.store.first_look_server import ServerFirstLook


@pytest.fixture
def down_server() -> str:
    """The address of a local port nothing listens on (a clinic server that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://nmt@127.0.0.1:{port}/charts"


def test_the_store_says_a_down_server_in_one_line(down_server: str) -> None:
    with pytest.raises(ChartStoreError) as caught:
        ChartStore.open(down_server)
    message = str(caught.value)
    assert message.startswith("Cannot open the chart database")
    assert "refused" in message.lower()
    assert "\n" not in message and "\t" not in message


def test_the_first_look_says_it_in_the_stores_line(down_server: str) -> None:
    with pytest.raises(ChartStoreError) as looked:
        ServerFirstLook.open_server(down_server)
    with pytest.raises(ChartStoreError) as opened:
        ChartStore.open(down_server)
    assert str(looked.value) == str(opened.value)
    assert "\n" not in str(looked.value)


def test_the_command_line_prints_exactly_one_line(down_server: str, tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nmt_bodymap", "history", "--db", down_server, "--client", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("nmt-bodymap: error: Cannot open the chart database")
    assert result.stdout == ""
