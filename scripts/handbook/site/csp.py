"""The site's Content Security Policy, written once: a <meta> in every page and a header for a server."""
import base64
import hashlib
import re
from pathlib import Path

# Every directive and its sources. Scripts also get the sha256 of each inline script of a page;
# 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly. No 'unsafe-inline' anywhere: the pages
# carry no style attributes or <style> elements, and Material's scripts style through the CSSOM.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Directives a <meta> policy cannot carry; only a server's response header can.
HEADER_ONLY = (("frame-ancestors", "'none'"),)

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SOURCE_ATTRIBUTE = re.compile(r"\ssrc\s*=", re.I)
TYPE_ATTRIBUTE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")
HEAD = re.compile(r"<head\b[^>]*>", re.I)


# The policy for a page whose inline scripts have these hashes ('sha256-…' sources).
def policy(script_hashes=()) -> str:
    return "; ".join(_directive(name, sources, script_hashes) for name, sources in DIRECTIVES)


# The policy as a server's Content-Security-Policy header: every inline script of the site allowed by hash.
def header_policy(site_dir: Path) -> str:
    extra = "; ".join(f"{name} {sources}" for name, sources in HEADER_ONLY)
    return f"{policy(site_script_hashes(site_dir))}; {extra}"


# One directive; script-src also lists the hashes.
def _directive(name: str, sources: str, script_hashes) -> str:
    return " ".join([name, sources] + (list(script_hashes) if name == "script-src" else []))


# The 'sha256-…' source of every inline script the browser would run, in page order, without repeats.
def inline_script_hashes(html: str) -> list:
    hashes = [_hash(body) for attributes, body in SCRIPT.findall(html) if _runs_inline(attributes)]
    return list(dict.fromkeys(hashes))


# Whether a <script> with these attributes runs its own text (no src, a JavaScript type).
def _runs_inline(attributes: str) -> bool:
    kind = TYPE_ATTRIBUTE.search(attributes)
    return not SOURCE_ATTRIBUTE.search(attributes) and (kind.group(1).lower() if kind else "") in EXECUTABLE_TYPES


# The CSP source for one script text.
def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# Every inline-script hash of every page in a built site, sorted.
def site_script_hashes(site_dir: Path) -> list:
    return sorted({digest for page in Path(site_dir).rglob("*.html")
                   for digest in inline_script_hashes(page.read_text(encoding="utf-8"))})


# A page with its policy as the first child of <head>.
def add_policy(html: str) -> str:
    head = HEAD.search(html)
    if not head:
        raise ValueError("a page without <head> cannot carry its Content Security Policy")
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    return html[:head.end()] + meta + html[head.end():]
