"""A `gluteguide serve` started for a test or a benchmark, and stopped however it ends."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 2) -> str:
    """The page's text, or '' while it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            text: str = response.read().decode()
            return text
    except OSError:
        return ""


@contextlib.contextmanager
def serving(
    gluteguide: Sequence[str], root: Path, log: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The preview of root on a free loopback port, its output in log: (host:port, process)."""
    address = f"127.0.0.1:{free_port()}"
    with log.open("w") as output:
        server = subprocess.Popen(
            [*gluteguide, "--root", str(root), "serve", "--dev-addr", address],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield address, server
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
