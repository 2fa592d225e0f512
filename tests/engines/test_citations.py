"""Copy citation in Chromium, Firefox ESR and WebKitGTK, on 127.0.0.1 (a secure context, with the Clipboard API) and
on a plain-HTTP intranet host (none): the reader always ends with the clause's citation and address either copied,
as the status line says, or selected in a field beside the button for copying by hand, as the status line says then.
What was copied is read where the page hands it over: the Clipboard API's writeText, or the copy event of the
selected field (the real calls still run; their outcome decides what the page shows)."""
import pytest

from tests.engines.drivers import ENGINES

# Record what the page hands to the clipboard, then let the real call run (installed once the page has loaded).
RECORD_COPIES = """window.__copied = [];
if (navigator.clipboard && navigator.clipboard.writeText) {
  const write = navigator.clipboard.writeText.bind(navigator.clipboard);
  navigator.clipboard.writeText = (text) => { window.__copied.push(text); return write(text); };
}
document.addEventListener("copy", (event) => {
  const field = event.target.closest ? event.target.closest("textarea") : null;
  window.__copied.push(field ? field.value.slice(field.selectionStart, field.selectionEnd) : String(getSelection()));
}, true);"""
# The status line's words, (copied, selected for copying by hand), by language root.
WORDS = {"": ("已复制引用和链接", "请按 Ctrl+C 复制已选中的引用和链接"),
         "en/": ("Citation and link copied", "Press Ctrl+C to copy the selected citation and link")}
CITATIONS = {"": "台政发〔2020〕2号 第5条第3句", "en/": "Tai Zheng Fa [2020] No. 2, Measure 5, sentence 3"}


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("host", ["url", "intranet_url"])
@pytest.mark.parametrize("root", ["", "en/"])
def test_copy_citation_copies_or_selects_the_citation_and_its_address(fresh_tab, gate, host, root):
    address = f"{getattr(gate, host)}{root}measures/05/"
    fresh_tab.goto(address)
    fresh_tab.wait("#c3 .hb-cite-button")
    fresh_tab.evaluate(f"(() => {{ {RECORD_COPIES} }})()")
    fresh_tab.click("#c3 .hb-cite-button")
    fresh_tab.wait_until("document.querySelector('#c3 .hb-cite-status').textContent !== ''", timeout_s=30)
    status = fresh_tab.text("#c3 .hb-cite-status")
    expected = f"{CITATIONS[root]} {address}#c3"
    field = fresh_tab.evaluate("(() => { const f = document.querySelector('#c3 .hb-cite-field');"
                                   " return {hidden: f.hidden, value: f.value}; })()")
    if status == WORDS[root][0]:
        assert expected in fresh_tab.evaluate("window.__copied")
        assert field["hidden"]
    else:
        assert status == WORDS[root][1]
        assert not field["hidden"] and field["value"] == expected
        assert fresh_tab.evaluate("document.activeElement.classList.contains('hb-cite-field')")
