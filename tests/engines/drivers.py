"""One small driver for three browser engines, so each browser test is written once.

A `Session` is one tab in a browsing context of its own (its own storage): goto, wait, evaluate,
click, fill, press, text. Chromium runs through Playwright, Firefox ESR through puppeteer-core over WebDriver
BiDi (a Node process spoken to in JSON lines), WebKitGTK through Selenium and WebKitWebDriver under
Xvfb. Each engine sends all its traffic through a `Gate` of its own: a proxy on 127.0.0.1 that serves
the built site as http://127.0.0.1:PORT/ and as http://intranet.test/ (a host name that is not a secure
context, traffic staying on the loopback address) and refuses any other origin. A session records the
page's requests to other origins: Playwright and puppeteer see them per page (workers included), so a
browser's own background traffic is not counted; WebKit's are those the gate refused.
"""
import functools
import http.server
import itertools
import json
import os
import platform
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from urllib.parse import urlsplit

from handbook.static_server import SiteHandler
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.helpers import PROJECT, playwright_driver

FIREFOX = Path("/usr/bin/firefox-esr")
WEBKIT_DRIVER = Path("/usr/bin/WebKitWebDriver")
MINIBROWSER = Path(f"/usr/lib/{platform.machine()}-linux-gnu/webkit2gtk-4.1/MiniBrowser")
XVFB = Path("/usr/bin/Xvfb")
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")
INTRANET = "intranet.test"
ENGINES = ("chromium", "firefox", "webkit")
# WebKitGTK paints without accelerated compositing, as Chromium runs with --disable-gpu: Xvfb has no GPU, and the
# software GL it would fall back on made a cold calculator start take 7 s instead of 5 s (layout is the same).
WEBKIT_ENVIRONMENT = {"WEBKIT_DISABLE_COMPOSITING_MODE": "1"}


class GateHandler(SiteHandler):
    """Serves the site to direct and proxied requests for a local host; refuses and records any other."""

    # A proxied GET: serve it when its host is local, else record and refuse it.
    def do_GET(self):
        if self._local():
            super().do_GET()

    # A proxied HEAD, like GET.
    def do_HEAD(self):
        if self._local():
            super().do_HEAD()

    # A tunnel (https) always leaves the machine: record and refuse it.
    def do_CONNECT(self):
        self.server.foreign.append(f"https://{self.path}/")
        self.send_error(403, "other origin")

    # True when the request is for this site or another the gate serves (then read from that one's folder); an
    # absolute URL is cut down to its path.
    def _local(self) -> bool:
        if not self.path.startswith(("http://", "https://")):
            return True
        parts = urlsplit(self.path)
        if parts.scheme == "http" and parts.netloc in self.server.hosts:
            self.directory = self.server.hosts[parts.netloc]
            self.path = parts.path + (f"?{parts.query}" if parts.query else "")
            return True
        self.server.foreign.append(self.path)
        self.send_error(403, "other origin")
        return False


class Gate:
    """The built site on 127.0.0.1 and at http://intranet.test/ (through the proxy), recording other origins; other
    sites may be added, each an origin of its own on 127.0.0.1."""

    def __init__(self, folder: Path):
        self.server = site_server(folder, [])
        self.port = self.server.server_address[1]
        self.server.hosts.update(dict.fromkeys((INTRANET, f"{INTRANET}:80"), str(folder)))
        self.url = f"http://127.0.0.1:{self.port}/"
        self.intranet_url = f"http://{INTRANET}/"
        self.others = []
        self.origins = [self.url, self.intranet_url]  # the addresses it serves; a session opened later counts them its own

    # Serve another built site (a library) through this gate too, as http://127.0.0.1:PORT/ (a port of its own, so an
    # origin of its own), its other-origin requests recorded with the gate's; return that address.
    def add_site(self, folder: Path) -> str:
        other = site_server(folder, self.server.foreign)
        self.others.append(other)
        self.server.hosts.update(other.hosts)
        self.origins.append(f"http://127.0.0.1:{other.server_address[1]}/")
        return self.origins[-1]

    # Requests to other origins seen since the last call (and forget them).
    def take_foreign(self) -> list:
        seen = list(self.server.foreign)
        self.server.foreign.clear()
        return seen

    # Stop serving.
    def close(self) -> None:
        for server in [self.server, *self.others]:
            server.shutdown()


# A gate's server of a folder on a free port of 127.0.0.1, serving in a background thread and recording other origins
# in foreign; its `hosts` map each host it serves to that host's folder.
def site_server(folder: Path, foreign: list) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GateHandler, directory=str(folder)))
    port = server.server_address[1]
    server.hosts, server.foreign = dict.fromkeys((f"127.0.0.1:{port}", f"localhost:{port}"), str(folder)), foreign
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Fail (never skip) naming what is missing.
def require(*paths: Path) -> None:
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise RuntimeError(f"missing {', '.join(missing)}: run scripts/setup as root "
                           "(apt-get install chromium firefox-esr webkit2gtk-driver xvfb; npm ci)")


class Engine:
    """A running browser of one engine behind its gate; `session()` opens a fresh context with one tab."""

    name = ""
    gate: Gate

    # A fresh context and tab; init_script runs before each document's own scripts.
    def session(self, init_script: str = ""):
        raise NotImplementedError

    # Stop the browser.
    def close(self) -> None:
        raise NotImplementedError


class Session:
    """One tab: the operations every engine offers, in the same shapes."""

    # Open a URL and wait for its load event.
    def goto(self, url: str) -> None:
        raise NotImplementedError

    # Wait until an element matching the CSS selector is in the document.
    def wait(self, selector: str, timeout_s: float = 300) -> None:
        raise NotImplementedError

    # The JSON value of a JavaScript expression (a promise is awaited).
    def evaluate(self, expression: str):
        raise NotImplementedError

    # Click the first element matching the selector.
    def click(self, selector: str) -> None:
        raise NotImplementedError

    # Type a value into a form control, replacing what it held.
    def fill(self, selector: str, value: str) -> None:
        raise NotImplementedError

    # Press one key (a KeyboardEvent key name: "ArrowDown", "Enter", "Escape") in the focused element matching the selector.
    def press(self, selector: str, key: str) -> None:
        raise NotImplementedError

    # Close the tab and its context.
    def close(self) -> None:
        raise NotImplementedError

    # Wait until a JavaScript expression is truthy.
    def wait_until(self, expression: str, timeout_s: float = 300) -> None:
        raise NotImplementedError

    # Requests to other origins this tab made since the last call (and forget them).
    def take_foreign(self) -> list:
        return self.gate.take_foreign()

    # Choose an option of a <select> (as a reader would, with a change event).
    def select(self, selector: str, value: str) -> None:
        self.evaluate(f"(() => {{ const c = document.querySelector({json.dumps(selector)}); c.value = {json.dumps(value)};"
                      " c.dispatchEvent(new Event('change', { bubbles: true })); })()")

    # The rendered text of the first element matching the selector.
    def text(self, selector: str) -> str:
        return self.evaluate(f"document.querySelector({json.dumps(selector)}).innerText")

    # Make the viewport width × height CSS pixels (a phone's, say); return the size it had, to put back.
    def resize(self, width: int, height: int) -> tuple:
        raise NotImplementedError

    # The viewport's size in CSS pixels.
    def viewport(self) -> tuple:
        return tuple(self.evaluate("[window.innerWidth, window.innerHeight]"))


class PlaywrightSession(Session):
    """A Playwright page in a context of its own; it records other origins itself, like the Firefox
    bridge (the browsers' own background traffic reaches the gate too and is not the page's)."""

    def __init__(self, context, gate: Gate):
        self.context, self.foreign = context, []
        context.on("request", self._record)
        self.local = (*gate.origins, "data:", "blob:", "file:")
        self.page = context.new_page()

    # Record a request to another origin (the gate refuses it). Only listening keeps the HTTP and code caches on.
    def _record(self, request):
        if not request.url.startswith(self.local):
            self.foreign.append(request.url)

    def take_foreign(self):
        seen = list(self.foreign)
        self.foreign.clear()
        return seen

    def goto(self, url):
        self.page.goto(url, timeout=300_000)

    def wait(self, selector, timeout_s=300):
        self.page.wait_for_selector(selector, state="attached", timeout=timeout_s * 1000)

    def wait_until(self, expression, timeout_s=300):
        # As a function: a bare expression is run through eval, which the site's CSP forbids.
        self.page.wait_for_function(f"() => ({expression})", timeout=timeout_s * 1000)

    def evaluate(self, expression):
        return self.page.evaluate(expression)

    def click(self, selector):
        self.page.click(selector)

    def fill(self, selector, value):
        self.page.fill(selector, value)

    def press(self, selector, key):
        self.page.press(selector, key)

    def resize(self, width, height):
        before = self.viewport()
        self.page.set_viewport_size({"width": width, "height": height})
        return before

    def close(self):
        self.context.close()


class Chromium(Engine):
    """Debian's Chromium through Playwright, all traffic through the gate."""

    name = "chromium"

    def __init__(self, gate: Gate, extra_args=()):
        require(CHROMIUM)
        self.gate = gate
        self.browser = playwright_driver().chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS + list(extra_args),
            proxy={"server": f"http://127.0.0.1:{gate.port}"})

    def session(self, init_script=""):
        context = self.browser.new_context()
        if init_script:
            context.add_init_script(init_script)
        return PlaywrightSession(context, self.gate)

    # The browser's process id (the process started with this gate as its proxy).
    def pid(self) -> int:
        flag = f"--proxy-server=http://127.0.0.1:{self.gate.port}".encode()
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                arguments = cmdline.read_bytes().split(b"\0")
            except OSError:
                continue
            if flag in arguments and not any(argument.startswith(b"--type=") for argument in arguments):
                return int(cmdline.parent.name)
        raise RuntimeError("the Chromium browser process was not found")

    def close(self):
        self.browser.close()


class BridgeSession(Session):
    """A Firefox tab behind the Node bridge."""

    def __init__(self, engine, ids: dict):
        self.engine, self.ids, self.gate = engine, ids, engine.gate

    def goto(self, url):
        self.engine.call("goto", page=self.ids["page"], url=url)

    def wait(self, selector, timeout_s=300):
        self.engine.call("wait", page=self.ids["page"], selector=selector, timeout=timeout_s * 1000)

    def wait_until(self, expression, timeout_s=300):
        self.engine.call("waitFunction", page=self.ids["page"], expression=expression, timeout=timeout_s * 1000)

    def evaluate(self, expression):
        return self.engine.call("evaluate", page=self.ids["page"], expression=expression)

    def click(self, selector):
        self.engine.call("click", page=self.ids["page"], selector=selector)

    def fill(self, selector, value):
        self.engine.call("fill", page=self.ids["page"], selector=selector, value=value)

    def press(self, selector, key):
        self.engine.call("press", page=self.ids["page"], selector=selector, key=key)

    def take_foreign(self):
        return self.engine.call("foreign", page=self.ids["page"])

    def resize(self, width, height):
        before = self.viewport()
        self.engine.call("viewport", page=self.ids["page"], width=width, height=height)
        return before

    def close(self):
        self.engine.call("close", context=self.ids["context"])


class Firefox(Engine):
    """Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core in a Node process."""

    name = "firefox"

    def __init__(self, gate: Gate):
        require(FIREFOX, PROJECT / "node_modules" / "puppeteer-core")
        node = shutil.which("node")
        if not node:
            raise RuntimeError("node is missing: install Node.js 20 (scripts/setup needs it too)")
        self.gate = gate
        self.process = subprocess.Popen([node, str(BRIDGE), str(FIREFOX), str(gate.port)], cwd=PROJECT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.ids = itertools.count(1)
        self.lock = threading.Lock()

    # Send one request to the bridge and return its answer's value; raise its error.
    def call(self, op: str, **args):
        with self.lock:
            request_id = next(self.ids)
            self.process.stdin.write(json.dumps({"id": request_id, "op": op, "args": args}) + "\n")
            line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the Firefox bridge stopped (exit code {self.process.poll()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"Firefox {op}: {answer['error']}")
        return answer["value"]

    def session(self, init_script=""):
        local = [*self.gate.origins, "data:", "blob:", "file:"]
        return BridgeSession(self, self.call("session", init=init_script, local=local))

    def close(self):
        try:
            self.call("quit")
        except RuntimeError:
            pass
        self.process.wait(timeout=30)


class SeleniumSession(Session):
    """A MiniBrowser of its own (so its own storage), driven by WebKitWebDriver."""

    def __init__(self, driver, gate: Gate):
        self.driver, self.gate = driver, gate

    def goto(self, url):
        self.driver.get(url)

    def wait(self, selector, timeout_s=300):
        self.wait_until(f"document.querySelector({json.dumps(selector)})", timeout_s)

    def wait_until(self, expression, timeout_s=300):
        from selenium.webdriver.support.wait import WebDriverWait
        WebDriverWait(self.driver, timeout_s, poll_frequency=0.1).until(
            lambda driver: driver.execute_script(f"return !!({expression})"))

    def evaluate(self, expression):
        return self.driver.execute_script(f"return ({expression})")

    def click(self, selector):
        from selenium.webdriver.common.by import By
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def fill(self, selector, value):
        from selenium.webdriver.common.by import By
        control = self.driver.find_element(By.CSS_SELECTOR, selector)
        control.clear()
        control.send_keys(value)

    def press(self, selector, key):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        keys = {"ArrowDown": Keys.ARROW_DOWN, "ArrowUp": Keys.ARROW_UP, "Enter": Keys.ENTER, "Escape": Keys.ESCAPE}
        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(keys[key])

    # The window is sized from outside: add what its frame takes (measured) to the viewport asked for.
    def resize(self, width, height):
        before = self.viewport()
        frame = self.driver.get_window_size()
        self.driver.set_window_size(width + frame["width"] - before[0], height + frame["height"] - before[1])
        return before

    def close(self):
        self.driver.quit()


class WebKit(Engine):
    """Debian's WebKitGTK MiniBrowser in automation mode under an Xvfb display this engine starts."""

    name = "webkit"

    def __init__(self, gate: Gate):
        require(WEBKIT_DRIVER, MINIBROWSER, XVFB)
        self.gate = gate
        read, write = os.pipe()
        self.xvfb = subprocess.Popen([str(XVFB), "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                     pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as display:
            self.display = ":" + display.readline().strip()

    def session(self, init_script=""):
        if init_script:
            raise ValueError("WebKitWebDriver runs no script before a document's own; use a file:// page instead")
        from selenium import webdriver
        from selenium.webdriver.common.proxy import Proxy
        from selenium.webdriver.webkitgtk.service import Service
        options = webdriver.WebKitGTKOptions()
        options.binary_location = str(MINIBROWSER)
        options.add_argument("--automation")
        options.proxy = Proxy({"proxyType": "manual", "httpProxy": f"127.0.0.1:{self.gate.port}",
                               "sslProxy": f"127.0.0.1:{self.gate.port}"})
        service = Service(executable_path=str(WEBKIT_DRIVER),
                          env={**os.environ, **WEBKIT_ENVIRONMENT, "DISPLAY": self.display})
        driver = webdriver.WebKitGTK(options=options, service=service)
        driver.set_page_load_timeout(300)
        driver.set_script_timeout(300)
        return SeleniumSession(driver, self.gate)

    def close(self):
        self.xvfb.terminate()
        self.xvfb.wait(timeout=30)


# Resident memory in bytes of a process and all its descendants (Linux /proc).
def tree_rss(root: int) -> int:
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


# Start an engine by name.
def launch(name: str, gate: Gate) -> Engine:
    return {"chromium": Chromium, "firefox": Firefox, "webkit": WebKit}[name](gate)


# Each engine's browser for a built site, started on first use behind a gate of its own (so one browser's background
# traffic is never counted against another's pages) and closed when the generator is; a missing browser fails the
# test naming it. Yields get(name) -> Engine.
def engines_serving(folder: Path):
    running = {}

    def get(name):
        if name not in running:
            gate = Gate(folder)
            try:
                running[name] = launch(name, gate)
            except RuntimeError as error:
                gate.close()
                pytest.fail(f"{name}: {error}")
        return running[name]

    try:
        yield get
    finally:
        for engine in running.values():
            engine.close()
            engine.gate.close()


# One session per engine, opened on first use from engines (an engines_serving getter) and closed when the generator
# is, so the tests sharing it share its warm start. Yields get(name) -> Session.
def shared_sessions(engines):
    sessions = {}

    def get(name):
        if name not in sessions:
            sessions[name] = engines(name).session()
        return sessions[name]

    try:
        yield get
    finally:
        for session in sessions.values():
            session.close()
