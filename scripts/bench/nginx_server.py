"""The built site behind nginx with the project's own configuration (scripts/deploy/nginx.conf, Brotli), on a free
port of 127.0.0.1, counting the bytes each visit costs: what the benchmarks measure a first visit through."""
import getpass
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from nginx_site import render  # noqa: E402  (a script folder, not a package)
from tests.helpers import BROTLI_MODULE, NGINX_MAIN_CONFIG  # noqa: E402  (the tests' template, one for both)
from tests.helpers import NGINX as NGINX_PATH  # noqa: E402

NGINX, BROTLI = str(NGINX_PATH), str(BROTLI_MODULE)
PYODIDE_PREFIX = "/assets/calculators/"


class Nginx:
    """The built site behind nginx with scripts/deploy/nginx.conf; counts the bytes each visit costs."""

    # Start nginx on a free port of 127.0.0.1 for site.
    def __init__(self, site: Path):
        self.work = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        (self.work / "handbook.conf").write_text(render(site, str(site), f"127.0.0.1:{self.port}"), encoding="utf-8")
        (self.work / "nginx.conf").write_text(NGINX_MAIN_CONFIG.format(user=getpass.getuser(), module=BROTLI, work=self.work),
                                              encoding="utf-8")
        self.process = subprocess.Popen([NGINX, "-p", str(self.work), "-c", str(self.work / "nginx.conf"),
                                         "-g", "daemon off;"])
        self.log = self.work / "access.log"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}/"

    # Where the access log ends now.
    def mark(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    # (all bytes, Pyodide's bytes) sent since a mark.
    def bytes_since(self, mark: int) -> tuple:
        time.sleep(0.2)
        with self.log.open("rb") as log:
            log.seek(mark)
            lines = [line.split(" ", 1) for line in log.read().decode().splitlines() if line]
        total = sum(int(sent) for sent, _ in lines)
        return total, sum(int(sent) for sent, uri in lines if uri.startswith(PYODIDE_PREFIX))

    # Stop nginx and remove its folder.
    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.work, ignore_errors=True)
