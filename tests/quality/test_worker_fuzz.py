"""Robust calculators in the browser: a few hundred random and hostile requests sent straight to the worker
each get one well-formed reply, and the worker still computes a valid request correctly afterwards."""
import random
from collections import Counter

from calculators import calculate, catalog
from tests.helpers import parameters
from tests.quality.helpers import visit

SEED = 20200222
ENTRIES = {entry["id"]: entry for entry in catalog()}
TEXT = ["", " ", "0", "-0", "-3", "1e308", "1e999999", "NaN", "Infinity", "0x10", "1_000", " 12 ", "１２", "٣",
        "12.345678901234567890123", "2020-02-30", "2020-13-01", "9999-12-31", "0001-01-01", "2020-02", "true", "yes",
        "<script>alert(1)</script>", "\u202e", "\u0000", "😀", "__proto__", "a" * 100_000]
NUMBERS = [0, -1, 3, 1e308, -1e308, 2.0 ** 53 + 2, 0.1, 1e-320, -0.0, 1e30, float("inf"), float("nan")]
PLAUSIBLE = ["0", "1", "99999999999999999999999", "0.01", "100.00", "2020-02-22", "2099-12-31", "1970-01-01", "2020-02",
             True, False, 0, 10 ** 15]
SHAPES = [None, True, False, [], [1, "x", None], {}, {"a": {"b": [None, {"c": "x"}]}}]
UNKNOWN_IDS = ["", "nope", "__import__('os').system('x')", "../calculator", "JOB-RETENTION-REFUND", "policy-finder "]
BAD_SHAPES = [("job-retention-refund", None), ("job-retention-refund", []), ("job-retention-refund", "inputs"),
              ("job-retention-refund", 42), (None, {}), (42, {}), (["job-retention-refund"], {}), ({}, {})]
SEND = """async ({url, messages, last}) => {
    const worker = new Worker(url, {type: "module"});
    const replies = [];
    const answered = (count) => new Promise((resolve) => {
        worker.onmessage = (event) => {
            if (event.data && event.data.progress) { return; }
            replies.push(event.data);
            if (replies.length === count) { resolve(); }
        };
    });
    let all = answered(messages.length);
    messages.forEach((message) => worker.postMessage(message));
    await all;
    all = answered(messages.length + 1);
    worker.postMessage(last);
    await all;
    worker.terminate();
    return replies;
}"""


# A random value of any kind: text, number, boolean, null, list, nested object.
def junk(rng: random.Random, depth: int = 0):
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(TEXT)
    if kind < 0.8 or depth > 3:
        return rng.choice(NUMBERS + SHAPES)
    return {rng.choice(["a", "b", "__proto__", "constructor"]): junk(rng, depth + 1) for _ in range(rng.randint(1, 3))}


# Random inputs for one calculator: some of its own fields (list fields get rows of junk) and some strangers.
def random_inputs(rng: random.Random, entry: dict) -> dict:
    inputs = {}
    for field in rng.sample(entry["inputs"], rng.randint(0, len(entry["inputs"]))):
        if field["type"] == "list" and rng.random() < 0.7:
            inputs[field["name"]] = [{sub["name"]: junk(rng) for sub in field["fields"] if rng.random() < 0.7}
                                     if rng.random() < 0.8 else junk(rng) for _ in range(rng.randint(0, 4))]
        else:
            inputs[field["name"]] = junk(rng)
    if rng.random() < 0.3:
        inputs[rng.choice(["extra", "__proto__", "constructor", "x" * 300])] = junk(rng)
    return inputs


# A calculator's example with one field changed to an extreme but plausible value, to reach the computations.
def mutated_example(rng: random.Random, entry: dict) -> dict:
    inputs = dict(entry["example"])
    inputs[rng.choice(list(inputs))] = rng.choice(PLAUSIBLE)
    return inputs


# The fuzz requests: random and mutated inputs for every calculator, unknown calculators, bad message shapes.
def fuzz_messages() -> list:
    rng = random.Random(SEED)
    pairs = [(calculator, random_inputs(rng, ENTRIES[calculator])) for calculator in ENTRIES for _ in range(22)]
    pairs += [(calculator, mutated_example(rng, ENTRIES[calculator])) for calculator in ENTRIES for _ in range(6)]
    pairs += [(rng.choice(UNKNOWN_IDS), random_inputs(rng, rng.choice(list(ENTRIES.values())))) for _ in range(30)]
    pairs += BAD_SHAPES * 3
    return [{"id": number, "calculator": calculator, "inputs": inputs} for number, (calculator, inputs) in enumerate(pairs)]


# What is wrong with one reply to one request, or "".
def reply_problem(message: dict, reply: dict) -> str:
    well_formed = isinstance(message["calculator"], str) and message["calculator"] in ENTRIES \
        and isinstance(message["inputs"], dict)
    if not well_formed:
        return "" if isinstance(reply.get("error"), str) and reply["error"] else f"expected an error, got {reply}"
    result = reply.get("result")
    if not isinstance(result, dict) or result.get("status") not in ("ok", "invalid"):
        return f"expected a result, got {str(reply)[:300]}"
    if result["status"] == "invalid":
        errors = result.get("errors") or [{}]
        if not all(isinstance(error.get("kind"), str) and isinstance(error.get("field"), str)
                   and (error.get("message") or {}).get("zh") and error["message"].get("en") for error in errors):
            return f"malformed errors {errors[:3]}"
    return ""


def test_hundreds_of_hostile_requests_each_get_one_well_formed_reply(page, site_url, capsys):
    visit(page, site_url, "calculators/job-retention-refund/")
    url = page.evaluate("new URL(document.querySelector('form[data-worker]').getAttribute('data-worker'), location.href).href")
    messages = fuzz_messages()
    example = ENTRIES["job-retention-refund"]["example"]
    last = {"id": "last", "calculator": "job-retention-refund", "inputs": example}
    replies = page.evaluate(SEND, {"url": url, "messages": messages, "last": last})
    by_id = {reply.get("id"): reply for reply in replies}
    kinds = Counter(reply["result"]["status"] if "result" in reply else "error" for reply in replies)
    with capsys.disabled():
        print(f"\nworker fuzz: {len(messages)} requests, replies {dict(kinds)}")
    assert len(by_id) == len(replies) == len(messages) + 1
    problems = {message["id"]: reply_problem(message, by_id[message["id"]]) for message in messages}
    assert {number: problem for number, problem in problems.items() if problem} == {}
    expected = calculate("job-retention-refund", example, parameters())
    assert by_id["last"]["result"]["refund"] == expected["refund"]
    assert page.foreign_requests == []
