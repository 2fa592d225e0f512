"""The built site's how-to-apply cards: on the measures whose data has one, with the clause's words, linked from
the calculators and the policy finder; nothing on the others."""
import re
from html import unescape
from urllib.parse import urljoin

import pytest
import yaml

from tests.helpers import ENTRIES, PROJECT

ROOTS = {"zh": "", "en": "en/"}
HEADINGS = {"zh": "怎么申请", "en": "How to apply"}


# The measure files, by number, read independently of the generator.
def measures() -> dict:
    found = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(PROJECT.glob("policy_data/measures/*.yaml"))]
    return {measure["number"]: measure for measure in found}


# The how-to-apply card of a built page, or None.
def card(html: str):
    found = re.search(r'<section class="hb-apply".*?</section>', html, re.S)
    return found.group(0) if found else None


@pytest.mark.parametrize("language", ROOTS)
def test_a_card_only_where_the_data_has_one_with_the_clauses_words(built_site, language):
    for number, measure in measures().items():
        html = (built_site / ROOTS[language] / f"measures/{number:02d}/index.html").read_text(encoding="utf-8")
        shown = card(html)
        data = measure.get("how_to_apply")
        assert (shown is not None) == bool(data), number
        if not data:
            continue
        text = unescape(shown)
        assert f'id="how-to-apply">{HEADINGS[language]}</h2>' in shown
        for key in ("who", "conditions", "materials", "time_limits"):
            for point in data.get(key, []):
                assert point["quote"] in text, (number, point)
                assert language == "zh" or point["en"] in text, (number, point)
                assert f'href="#{point["clause"]}"' in shown


@pytest.mark.parametrize("language", ROOTS)
def test_calculator_results_link_to_the_card_of_their_measure(built_site, language):
    cards = {number for number, measure in measures().items() if measure.get("how_to_apply")}
    linked = 0
    for calculator, entry in ENTRIES.items():
        if calculator == "policy-finder":
            continue
        page = f"{ROOTS[language]}calculators/{calculator}/index.html"
        html = (built_site / page).read_text(encoding="utf-8")
        links = re.findall(r'<p class="hb-apply-link"><a href="([^"]+)"', html)
        assert bool(links) == (entry["measure"] in cards), calculator
        for href in links:
            target = urljoin("/" + page, href)
            assert target == f"/{ROOTS[language]}measures/{entry['measure']:02d}/#how-to-apply"
            linked += 1
        result_end = html.index('class="hb-result"')
        assert not links or html.index('class="hb-apply-link"') > result_end
    assert linked >= 10


@pytest.mark.parametrize("language", ROOTS)
def test_the_finder_gives_each_measure_its_card_address(built_site, language):
    html = (built_site / ROOTS[language] / "calculators/policy-finder/index.html").read_text(encoding="utf-8")
    cards = {number for number, measure in measures().items() if measure.get("how_to_apply")}
    addresses = dict(re.findall(r'data-measure="(\d+)"[^>]*data-apply-href="([^"]+)"', html))
    assert {int(number) for number in addresses} == cards
    for number, href in addresses.items():
        assert href == f"../../measures/{int(number):02d}/#how-to-apply"
