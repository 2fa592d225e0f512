"""`handbook serve` previews the site with the server the tests use: explicit types for modules, WebAssembly,
JSON and the wheel, whatever the system's mimetypes say."""
import http.client
import json
import subprocess
import time

from tests.helpers import HANDBOOK, PROJECT, free_port

TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".whl": "application/zip"}


# The status and Content-Type of one path, or None while nothing listens yet.
def head(port: int, path: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("HEAD", path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type")
    except OSError:
        return None
    finally:
        connection.close()


# Wait until the server answers its manifest (the first build done); fail with its output otherwise.
def wait_for_site(process, port: int) -> dict:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if head(port, "/assets/calculators/manifest.json") == (200, "application/json"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/assets/calculators/manifest.json")
            return json.loads(connection.getresponse().read())
        time.sleep(0.5)
    process.kill()
    raise AssertionError("handbook serve did not serve the site:\n" + process.communicate()[0])


def test_serve_gives_modules_webassembly_json_and_the_wheel_their_types(tmp_path):
    port = free_port()
    process = subprocess.Popen([str(HANDBOOK), "serve", "--out", str(tmp_path / "site"), "--port", str(port)],
                               cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        manifest = wait_for_site(process, port)
        site = tmp_path / "site"
        samples = {suffix: next(site.rglob(f"*{suffix}")) for suffix in TYPES}
        samples[".whl"] = site / "assets" / "calculators" / manifest["wheel"]
        served = {suffix: head(port, "/" + path.relative_to(site).as_posix()) for suffix, path in samples.items()}
        assert served == {suffix: (200, kind) for suffix, kind in TYPES.items()}
    finally:
        process.terminate()
        process.wait(timeout=30)
