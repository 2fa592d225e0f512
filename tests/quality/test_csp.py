"""Content Security Policy: every page carries it first in <head>, with a hash for each inline script and
nothing unsafe for scripts; no page type, calculation or instant navigation violates it; it is enforced."""
import re

from calculators import calculate
from handbook.site.csp import header_policy
from tests.helpers import ENTRIES, expected_header_policy, expected_policy, inline_script_hashes, outputs, parameters
from tests.quality.helpers import csp_violations, example_url, visit

HEAD_START = re.compile(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_carries_its_policy_first_in_head(built_site):
    pages = list(built_site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        first = HEAD_START.search(html)
        assert first, path
        assert first.group(1) == expected_policy(inline_script_hashes(html)), path
        assert html.index('<meta charset="utf-8">') < 1024, path
    assert len(pages) > 100


def test_scripts_are_allowed_by_origin_and_hash_only(built_site):
    page = (built_site / "measures/05/index.html").read_text(encoding="utf-8")
    meta = HEAD_START.search(page).group(1)
    script_src = next(part for part in meta.split("; ") if part.startswith("script-src"))
    assert script_src.split(" 'sha256-")[0] == "script-src 'self' 'wasm-unsafe-eval'"
    assert "'unsafe-inline'" not in meta and "'unsafe-eval'" not in meta
    assert "object-src 'none'" in meta and "base-uri 'self'" in meta


def test_the_header_policy_allows_every_inline_script_of_the_site_and_forbids_framing(built_site):
    assert header_policy(built_site) == expected_header_policy(built_site)
    assert expected_header_policy(built_site).count("'sha256-") >= 3


def test_no_page_type_calculation_or_instant_navigation_violates_the_policy(walk):
    assert {step: seen["csp"] for step, seen in walk.items() if seen["csp"]} == {}
    assert {step: seen["errors"] for step, seen in walk.items() if seen["errors"]} == {}


def test_a_calculator_works_end_to_end_under_the_policy(watched, site_url):
    watched.goto(site_url + example_url("job-retention-refund"))
    watched.wait_for_selector("form[data-state=done]", timeout=60_000)
    expected = calculate("job-retention-refund", ENTRIES["job-retention-refund"]["example"], parameters())
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
