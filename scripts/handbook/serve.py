"""Serve the built site on 127.0.0.1 and rebuild it when a watched file changes."""
import sys
import time
from pathlib import Path

from .build import BuildFailed, build_site
from .static_server import serve_folder

WATCHED = ("policy_data", "docs", "scripts/handbook", "calculators", "mkdocs.yml")


# Fingerprint of every watched file: paths with modification times and sizes.
def snapshot(data: str) -> tuple:
    roots = [Path(data)] + [Path(path) for path in WATCHED]
    return tuple(sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size)
                        for root in roots if root.exists()
                        for path in ([root] if root.is_file() else root.rglob("*"))
                        if path.is_file() and "__pycache__" not in path.parts))


# Build once, then serve and poll for changes until interrupted. builder builds data into out (build_site, or
# library.build_library for a library folder).
def serve(data: str, out: str, port: int, builder=build_site) -> int:
    seen = snapshot(data)
    rebuild(data, out, port, builder)
    server, _ = serve_folder(Path(out), port)
    print(f"serving http://127.0.0.1:{port}/ (Chinese) and http://127.0.0.1:{port}/en/ (English); Ctrl+C stops",
          flush=True)
    try:
        while True:
            time.sleep(0.2)
            current = snapshot(data)
            if current != seen:
                seen = current
                rebuild(data, out, port, builder)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


# Rebuild for http://127.0.0.1:port/ and report; a failed build keeps the last good site online.
def rebuild(data: str, out: str, port: int, builder=build_site) -> None:
    started = time.perf_counter()
    try:
        builder(data, out, compress=False, site_url=f"http://127.0.0.1:{port}/")
        print(f"built in {time.perf_counter() - started:.2f}s", flush=True)
    except BuildFailed as failed:
        print(f"build failed; still serving the last good site:\n{failed}", file=sys.stderr, flush=True)
