"""Valid HTML: the Nu Html Checker finds no error in a page of every type, in both languages."""
from collections import Counter

from tests.quality.helpers import ROOTS, nu_messages

PAGE_FILES = ["index.html", "sections/02/index.html", "measures/01/index.html", "measures/05/index.html",
              "annex-1/index.html", "annex-2/index.html", "units/index.html", "units/hrss/index.html",
              "key-figures/index.html", "translation/index.html", "original/index.html", "revisions/index.html",
              "guide/index.html", "search/index.html", "calculators/index.html", "calculators/policy-finder/index.html",
              "calculators/job-retention-refund/index.html", "calculators/new-hire-subsidy/index.html",
              "calculators/sf-employment-subsidy/index.html", "404.html"]


# One message as file:line: text.
def describe(message: dict, site) -> str:
    where = message.get("url", "").replace(site.as_uri() + "/", "")
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}"


# Check the pages as files: the checker refuses local servers. Its Content Security Policy warnings then
# judge 'self' against the opaque file: origin, and it also asks for a hash of the JSON data block,
# which browsers never run; the browser tests check the policy for real.
def test_pages_of_every_type_are_valid_html(built_site, capsys):
    files = [built_site / root / page for root in ROOTS.values() for page in PAGE_FILES]
    messages = nu_messages(files)
    errors = [describe(m, built_site) for m in messages if m["type"] in ("error", "non-document-error")]
    warnings = Counter(m["message"].split(":")[0] for m in messages if m["type"] == "info")
    with capsys.disabled():
        print(f"\nvnu: {len(files)} pages, {len(errors)} errors, {sum(warnings.values())} warnings")
        print("\n".join(f"  {count} x warning: {text}" for text, count in warnings.most_common()))
    assert errors == [], "\n".join(errors)
