"""The live preview's server (generator/preview_server.py) as a browser, or a hostile page in one,
meets it: its live-reload script is a file the site's own policy allows, it answers only to a
loopback Host header, a path no file can have is 404, and a link added under content/ while it
runs is reported as `check` reports it. tests/e2e/test_preview.py watches a page reload itself."""

from __future__ import annotations

import http.client
import re
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

from generator.pipeline import content_security_policy, mkdocs_config
from generator.preview_server import allowed_hosts
from tests.commands import GLUTEGUIDE, run
from tests.factory import small_content, write_project
from tests.serving import fetch, serving

# One preview for the tests that only ask it things: its first build takes a few seconds.
# The live preview runs in the browser tier (slow): each test starts and builds it.
pytestmark = [pytest.mark.xdist_group("preview-server"), pytest.mark.slow]
PAGE = "/glute-guide/exercises/bridge/"


def wait_for(url: str, wanted: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while wanted not in fetch(url):
        assert time.monotonic() < deadline, f"{url} never showed {wanted!r}"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """host:port of a running preview of the small fixture content."""
    root = write_project(tmp_path_factory.mktemp("preview"), small_content())
    with serving(GLUTEGUIDE, root, root / "serve.log") as (address, _):
        wait_for(f"http://{address}{PAGE}", "Bridge eases a tight buttock.")
        yield address


def ask(address: str, path: str, host: str | None = None) -> tuple[int, str]:
    """(status, body) of a GET sent with exactly this Host header (None: the address itself)."""
    name, port = address.rsplit(":", 1)
    connection = http.client.HTTPConnection(name, int(port), timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host if host is not None else address)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


def test_the_live_reload_script_is_a_file_the_sites_own_policy_allows(preview: str) -> None:
    status, html = ask(preview, PAGE)
    assert status == 200
    # The page carries the published site's policy, unchanged: no inline script allowed.
    policy = content_security_policy(mkdocs_config(Path(__file__).parent.parent))
    shown = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert [unescape(value) for value in shown] == [policy]
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", html)
    assert inline == [], inline
    tags = re.findall(r'<script src="/livereload/(\d+)/(\d+)\.js"></script></body>', html)
    assert len(tags) == 1, html[-300:]
    epoch, request_id = tags[0]
    status, script = ask(preview, f"/livereload/{epoch}/{request_id}.js")
    assert status == 200
    assert "location.reload()" in script
    assert script.rstrip().endswith(f"livereload({epoch}, {request_id});")


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "drafts.evil.example:{port}",  # DNS rebinding: the attacker's name, our address and port
        "127.0.0.1.nip.io:{port}",
        "localhost:1",
        "127.0.0.1",  # without the port, as a page on port 80 would send it
        "localhost.:{port}",
        "127.0.0.2:{port}",
        "",
    ],
)
def test_the_preview_answers_only_to_a_loopback_host(preview: str, host: str) -> None:
    port = preview.rsplit(":", 1)[1]
    for path in (PAGE, "/livereload/1/2", "/livereload/1/2.js"):
        status, body = ask(preview, path, host.format(port=port))
        assert status == 403, (host, path)
        assert "Bridge" not in body and "livereload" not in body


def test_the_loopback_names_are_answered(preview: str) -> None:
    port = preview.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}", f"[::1]:{port}"):
        assert ask(preview, PAGE, host)[0] == 200, host


def test_the_hosts_allowed_are_loopback_and_the_address_it_listens_on() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}
    assert "192.168.1.5:8000" in allowed_hosts("192.168.1.5", 8000)
    assert "[fe80::1]:8000" in allowed_hosts("fe80::1", 8000)
    assert "localhost" in allowed_hosts("127.0.0.1", 80)
    assert not any("example" in host for host in allowed_hosts("drafts.example", 8000))


@pytest.mark.parametrize(
    "path",
    [
        "/glute-guide/%00",
        "/glute-guide/a%00b/",
        "/glute-guide/exercises/bridge%00.html",
        "/glute-guide/%00/index.html",
        "/livereload/1/2%00",
        "/glute-guide/..%2f..%2f..%2fetc%2fpasswd",
        "/glute-guide/" + "a" * 4000,
    ],
)
def test_a_path_no_file_can_have_is_not_found(preview: str, path: str) -> None:
    status, _ = ask(preview, path)
    assert status == 404, (path, status)
    assert ask(preview, PAGE)[0] == 200  # and the preview still serves


def test_a_link_added_under_content_is_reported_as_check_reports_it(project: Path) -> None:
    """A link under content/, to a file outside the project, is refused by `check`; the preview
    used to follow it, find it outside the project and say nothing."""
    outside = project.parent / f"{project.name}-elsewhere.yml"
    outside.write_text("title: not ours\n", encoding="utf-8")
    log = project / "serve.log"
    with serving(GLUTEGUIDE, project, log) as (address, server):
        wait_for(f"http://{address}{PAGE}", "Bridge eases a tight buttock.")
        (project / "content/exercises/x\x1b[2K.yml").symlink_to(outside)
        expected = run(project, "check").stderr.splitlines()
        assert expected[0] == ("content/exercises/x\\x1b[2K.yml:1:1: error: not a plain file"), (
            expected
        )
        deadline = time.monotonic() + 60
        while "not updated until these are fixed" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.1)
        printed = log.read_text(encoding="utf-8").splitlines()
        at = printed.index(expected[0])
        assert printed[at : at + len(expected)] == expected
        assert "\x1b" not in log.read_text(encoding="utf-8")
        assert server.poll() is None
        assert "Bridge eases a tight buttock." in fetch(f"http://{address}{PAGE}")
    outside.unlink()
