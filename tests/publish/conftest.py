"""The built site behind the real nginx, configured by scripts/deploy/nginx.conf."""
import getpass
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import BROTLI_MODULE, NGINX, NGINX_MAIN_CONFIG, PROJECT, free_port

RENDERER = PROJECT / "scripts" / "deploy" / "nginx_site.py"


# nginx serving the built site on a free port of 127.0.0.1; yields the base URL without a trailing slash.
@pytest.fixture(scope="session")
def nginx_url(published_site, tmp_path_factory):
    missing = [str(path) for path in (NGINX, BROTLI_MODULE) if not path.exists()]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup as root "
                    "(apt-get install nginx libnginx-mod-http-brotli-static)")
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    server_block = subprocess.run([sys.executable, str(RENDERER), "--site", str(published_site),
                                   "--listen", f"127.0.0.1:{port}"], check=True, capture_output=True, text=True).stdout
    (work / "handbook.conf").write_text(server_block, encoding="utf-8")
    (work / "nginx.conf").write_text(NGINX_MAIN_CONFIG.format(user=getpass.getuser(), module=BROTLI_MODULE, work=work),
                                     encoding="utf-8")
    server = subprocess.Popen([str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                              stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_listening(server, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(10)


# Wait until nginx accepts connections; fail with its own words if it stopped.
def _wait_until_listening(server, port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"nginx did not start:\n{server.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not listen within 10 seconds")

