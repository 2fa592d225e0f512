"""The warm start in every engine and context: the snapshot is kept in IndexedDB (also on a plain-HTTP
intranet host, which is not a secure context); a second visit restores it and gives the same figures,
also after a reader who left as soon as the first result showed; a damaged or outdated snapshot falls
back to a plain start, says why, and is replaced."""
import pytest

from tests.engines.drivers import ENGINES
from tests.engines.test_calculators import EXAMPLES, outputs
from tests.helpers import query

CALCULATOR = "job-retention-refund"
READING = "measures/05/"
# JavaScript run on a page of the site: change the stored snapshot record; answers the bytes it held.
DAMAGE = """(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("handbook-pyodide-snapshots", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("snapshots");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = (mode, operate) => new Promise((resolve, reject) => {
    const transaction = db.transaction("snapshots", mode);
    const request = operate(transaction.objectStore("snapshots"));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
  });
  const record = await run("readonly", (store) => store.get("current"));
  const held = record ? record.bytes.byteLength : 0;
  const change = %s;
  if (record) { await run("readwrite", (store) => store.put(change(record), "current")); }
  db.close();
  return held;
})()"""
DAMAGES = {
    "truncated": "(record) => ({ ...record, bytes: record.bytes.slice(0, record.bytes.byteLength >> 1) })",
    "corrupted": """(record) => {
      const bytes = new Uint8Array(record.bytes.slice(0));
      for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 4096; i++) { bytes[i] ^= 0xff; }
      return { ...record, bytes: bytes.buffer };
    }""",
    "version changed": "(record) => ({ ...record, key: 'an older Pyodide/an older wheel' })",
}
EXPECTED_REASON = {"truncated": "restore failed", "corrupted": "restore failed", "version changed": "version changed"}


# Visit the calculator; return (figures, whether the snapshot was used, why not) once a fresh snapshot is saved.
def visit(tab, base: str):
    tab.goto(f"{base}calculators/{CALCULATOR}/?{query(EXAMPLES[CALCULATOR])}")
    tab.wait("form[data-state=done]")
    tab.wait_until("window.__handbookTimings && window.__handbookTimings.snapshot || window.__handbookSnapshotSaved")
    used, why = tab.evaluate("[window.__handbookTimings.snapshot, window.__handbookTimings.why]")
    if not used:
        saved = tab.evaluate("window.__handbookSnapshotSaved")
        assert saved["stored"] > 0, saved
    return outputs(tab), used, why


# Visit the calculator and leave for a reading page as soon as the first result shows; return (figures,
# whether the snapshot was used, why not).
def visit_and_leave(tab, base: str):
    tab.goto(f"{base}calculators/{CALCULATOR}/?{query(EXAMPLES[CALCULATOR])}")
    tab.wait("form[data-state=done]")
    shown, (used, why) = outputs(tab), tab.evaluate("[window.__handbookTimings.snapshot, window.__handbookTimings.why]")
    tab.goto(f"{base}{READING}")
    return shown, used, why


@pytest.mark.parametrize("engine_name", ENGINES)
def test_on_a_plain_http_host_name_the_second_visit_restores_the_snapshot(fresh_tab, gate):
    first, used, why = visit(fresh_tab, gate.intranet_url)
    assert (used, why) == (False, "none stored")
    assert fresh_tab.evaluate("window.isSecureContext") is False
    assert visit(fresh_tab, gate.intranet_url) == (first, True, None)
    assert fresh_tab.take_foreign() == []


# One reader's story, so that its slow plain starts are not repeated: the snapshot kept by a reader who left as soon as
# the first result showed is restored on the next visit; then each damage to it makes a plain start, which says why
# and stores a fresh snapshot.
@pytest.mark.parametrize("engine_name", ENGINES)
def test_a_reader_who_leaves_at_once_gets_the_warm_start_and_a_damaged_snapshot_is_replaced(fresh_tab, gate):
    first, used, why = visit_and_leave(fresh_tab, gate.url)
    assert (used, why) == (False, "none stored")
    assert fresh_tab.evaluate("window.isSecureContext") is True
    assert visit_and_leave(fresh_tab, gate.url) == (first, True, None)
    for damage, change in DAMAGES.items():
        assert fresh_tab.evaluate(DAMAGE % change) > 0, damage
        assert visit(fresh_tab, gate.url) == (first, False, EXPECTED_REASON[damage]), damage
    assert visit(fresh_tab, gate.url) == (first, True, None)
    assert fresh_tab.take_foreign() == []
