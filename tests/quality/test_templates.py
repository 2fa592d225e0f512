"""The Material templates copied into docs/overrides differ from Material's own only by the listed changes,
so upgrading Material cannot silently drop a fix or keep stale markup."""
from pathlib import Path

import material
import pytest

from tests.helpers import PROJECT

MATERIAL = Path(material.__file__).parent / "templates"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
# The site never loads fonts from another origin, whatever theme.font says.
FONTS_FROM_GOOGLE = """    {% block fonts %}
      {% if config.theme.font != false %}
        {% set text = config.theme.font.text | d("Roboto", true) %}
        {% set code = config.theme.font.code | d("Roboto Mono", true) %}
        <link rel="preconnect" href="https://""" + "fonts.gstatic.com" + """" crossorigin>
        <link rel="stylesheet" href="https://""" + "fonts.googleapis.com" + """/css?family={{
            text | replace(' ', '+') + ':300,300i,400,400i,700,700i%7C' +
            code | replace(' ', '+') + ':400,400i,700,700i'
          }}&display=fallback">
        <style>:root{--md-text-font:"{{ text }}";--md-code-font:"{{ code }}"}</style>
      {% endif %}
    {% endblock %}"""
CHANGES = {
    "base.html": [
        (' id="__drawer" autocomplete="off">', ' id="__drawer">'),
        (' id="__search" autocomplete="off">', ' id="__search">'),
        ("""href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t('language')) }}">""",
         """href="{{ base_url.rstrip('/') }}/{{ alt.prefix }}" hreflang="{{ alt.lang }}">"""),
        (FONTS_FROM_GOOGLE, "    {% block fonts %}{% endblock %}"),
        ('content="{{ page.meta.description }}"', 'content="{{ page.meta.description | e }}"'),
        ("""bundle.a5f9d56c.min.js' | url }}"></script>""", """bundle.a5f9d56c.min.js' | url }}" defer></script>""")],
    "partials/nav-item.html": [
        ('{% set tabindex = "0" if not is_section %}', '{% set tabindex = "0" if not is_section else "-1" %}'),
        ("  {% else %}\n    {{ nav_item.title }}\n",
         "  {% else %}\n    {{ nav_item.title if nav_item.is_page else nav_item.title | e }}\n")],
    "partials/nav.html": [
        ('aria-label="{{ config.site_name }}"', 'aria-label="{{ config.site_name | e }}"'),
        ("    </a>\n    {{ config.site_name }}\n", "    </a>\n    {{ config.site_name | e }}\n")],
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_copied_template_is_materials_with_the_listed_changes_only(name):
    expected = (MATERIAL / name).read_text(encoding="utf-8")
    assert expected.startswith(GENERATED)
    expected = expected[len(GENERATED):]
    for original, changed in CHANGES[name]:
        assert original in expected, f"Material's {name} changed: re-copy it and apply the fixes again"
        expected = expected.replace(original, changed)
    copy = (PROJECT / "docs" / "overrides" / name).read_text(encoding="utf-8")
    assert copy.startswith("{#- Material 9.8.2's ")
    assert copy.split("-#}\n", 1)[1] == expected
