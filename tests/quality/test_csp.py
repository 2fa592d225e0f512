"""Content Security Policy: every page carries it first in <head>, with a hash for each inline script and
nothing unsafe for scripts; no page type, calculation or instant navigation violates it; it is enforced."""
import re

from calculators import calculate
from handbook.site.csp import header_policy, inline_script_hashes, policy, site_script_hashes
from tests.quality.conftest import csp_violations, example_url, visit
from tests.site.test_calculators_browser import ENTRIES, PARAMETERS, outputs

HEAD_START = re.compile(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_carries_its_policy_first_in_head(built_site):
    pages = list(built_site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        first = HEAD_START.search(html)
        assert first, path
        assert first.group(1) == policy(inline_script_hashes(html)), path
        assert html.index('<meta charset="utf-8">') < 1024, path
    assert len(pages) > 100


def test_scripts_are_allowed_by_origin_and_hash_only():
    script_src = next(part for part in policy().split("; ") if part.startswith("script-src"))
    assert script_src == "script-src 'self' 'wasm-unsafe-eval'"
    assert "'unsafe-inline'" not in policy() and "'unsafe-eval'" not in policy()
    assert "object-src 'none'" in policy() and "base-uri 'self'" in policy()


def test_the_header_policy_allows_every_inline_script_of_the_site_and_forbids_framing(built_site):
    header = header_policy(built_site)
    assert all(digest in header for digest in site_script_hashes(built_site))
    assert len(site_script_hashes(built_site)) >= 3
    assert header.endswith("frame-ancestors 'none'")


def test_no_page_type_calculation_or_instant_navigation_violates_the_policy(walk):
    assert {step: seen["csp"] for step, seen in walk.items() if seen["csp"]} == {}
    assert {step: seen["errors"] for step, seen in walk.items() if seen["errors"]} == {}


def test_a_calculator_works_end_to_end_under_the_policy(watched, site_url):
    watched.goto(site_url + example_url("job-retention-refund"))
    watched.wait_for_selector("form[data-state=done]", timeout=60_000)
    expected = calculate("job-retention-refund", ENTRIES["job-retention-refund"]["example"], PARAMETERS)
    assert outputs(watched) == {name: expected.get(name) for name in outputs(watched)}
    assert csp_violations(watched) == [] and watched.errors == []


def test_the_policy_is_enforced(watched, site_url):
    visit(watched, site_url, "measures/05/")
    ran = watched.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.head.appendChild(script);
        return window.__injected === true;
    }""")
    assert not ran
    assert any("script-src" in violation for violation in csp_violations(watched))
