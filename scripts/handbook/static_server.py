"""The static HTTP server for a built site, used by `handbook serve` and by the tests: explicit types for
module scripts, WebAssembly, JSON, the calculators' wheel and the iCalendar files, whatever the system's mimetypes say."""
import functools
import http.server
import threading
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler with the types a browser needs for modules and WebAssembly."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".whl": "application/zip",
                      ".ics": "text/calendar; charset=utf-8"}

    # Keep the console for build messages: no line per request.
    def log_message(self, *args):
        pass


# Serve a folder on 127.0.0.1 in a background thread (on a free port unless one is given); return the server and
# its base URL, http://127.0.0.1:PORT/. Raises OSError when the port is taken.
def serve_folder(folder: Path, port: int = 0):
    handler = functools.partial(SiteHandler, directory=str(Path(folder).resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
