"""Every built page describes itself to search engines and link previews in its own words."""
import re

META = re.compile(r'<meta name="description" content="([^"]*)">')


def test_every_page_has_its_own_meta_description(built_site):
    pages = [path for path in built_site.rglob("*.html") if path.name != "404.html"]
    descriptions = {}
    for path in pages:
        found = META.findall(path.read_text(encoding="utf-8"))
        assert len(found) == 1 and found[0].strip(), path
        descriptions[path] = found[0]
    assert len(set(descriptions.values())) > len(pages) * 0.9
