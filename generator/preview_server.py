"""MkDocs' development server as the live preview (`gluteguide serve`) runs it, with three changes.

- Its live-reload script is served as a file of its own (/livereload/EPOCH/ID.js) instead of
  inline: the site's Content-Security-Policy (`script-src 'self'`, no inline script) would block
  MkDocs' inline script, so the browser never reloaded by itself. The policy stays the site's own,
  byte for byte, in the preview as in the published site.
- It answers only to a loopback Host header (127.0.0.1, localhost or [::1] with its port, or the
  address it was told to listen on when that is an IP address). Any other gets 403, so a web page
  whose domain is made to resolve to 127.0.0.1 (DNS rebinding) cannot read drafts.
- A path that no file can have (one holding NUL, which MkDocs passes to open()) is 404, not 500.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs import livereload

RELOAD_SCRIPT = re.compile(r"/livereload/([0-9]{1,20})/([0-9]{1,20})\.js")
"""Where the live-reload script of a page is served: its epoch and request id, as MkDocs' own
long poll (/livereload/EPOCH/ID) names them."""
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")

StartResponse = Callable[..., Any]


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers the preview answers: a loopback name with the port (bare too on port 80),
    and the address it listens on where that is an IP address (a domain that rebinds to it is
    never one)."""
    names = set(LOOPBACK)
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        names.add(f"[{address}]" if address.version == 6 else str(address))
    hosts = {f"{name}:{port}" for name in names}
    return frozenset(hosts | names if port == 80 else hosts)


class PreviewServer(livereload.LiveReloadServer):
    """LiveReloadServer with its script as a file, loopback Host headers only, and bad paths 404."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.hosts = allowed_hosts(options["host"], options["port"])

    def serve_request(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        if environ.get("HTTP_HOST", "").lower() not in self.hosts:
            body = b"403 Forbidden: the preview answers only to 127.0.0.1, localhost or [::1]\n"
            start_response("403 Forbidden", _plain(body, "text/plain; charset=utf-8"))
            return [body]
        script = RELOAD_SCRIPT.fullmatch(environ.get("PATH_INFO", ""))
        if script:
            epoch, request_id = script.groups()
            text = livereload._SCRIPT_TEMPLATE.substitute(epoch=epoch, request_id=request_id)
            body = text.encode()
            start_response("200 OK", _plain(body, "application/javascript"))
            return [body]
        result: Iterable[bytes] = super().serve_request(environ, start_response)
        return result

    def _serve_request(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes] | None:
        if "\x00" in environ.get("PATH_INFO", ""):
            return None  # no file has such a name: MkDocs' serve_request answers 404
        result: Iterable[bytes] | None = super()._serve_request(environ, start_response)
        return result

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """The page with MkDocs' script tag before </body>, the script itself a file."""
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        tag = f'<script src="/livereload/{epoch}/{livereload._timestamp()}.js"></script>'
        return content[:body_end] + tag.encode() + content[body_end:]


def _plain(body: bytes, kind: str) -> list[tuple[str, str]]:
    length = str(len(body))
    return [("Content-Type", kind), ("Content-Length", length), ("Cache-Control", "no-store")]
