"""The data reproduces 台政发〔2020〕2号 verbatim, completely, and with an English text for every field."""
import copy
import hashlib
import re

from handbook.data.texts import source_texts, squash
from handbook.data.schema import FILES, Bilingual, Items, Record

from .helpers import DATA, run_handbook

# What may be left of the whitespace-free original once every source text is marked:
# only structure, never words. Each uncovered run must fully match one of these.
STRUCTURE = re.compile("|".join([
    r"[，：。（）]",                    # one separator: 各镇人民政府，… 各大企业：… title。clause… （责任单位
    r"（?责任单位：",                   # in case 责任单位 is not covered by the Annex 2 column header
    r"）?(?:[1-9]|1[0-9]|2[0-4])\.",   # measure numbers 1.–24., after the previous measure's ）
    r"）?[一二三四五六七]、",             # section numerals, after the previous measure's ）
    r"）?附件：1\.",                    # the attachment list after measure 24
    r"附件[12]：",                       # annex headings
    r"(?:组长|副组长|成员)：",            # Annex 1 role labels
]).join(["(?:", ")"]))


# Every (file, path, text) whose squashed text is not in the squashed original.
def missing_texts(texts, original: str) -> list:
    return [(name, path, text) for name, path, text in texts if squash(text) not in original]


# The runs of the original not covered by any occurrence of any text, with their offsets.
def uncovered_runs(texts, original: str) -> list:
    covered = [False] * len(original)
    for text in {squash(text) for text in texts}:
        start = original.find(text)
        while start != -1:
            covered[start:start + len(text)] = [True] * len(text)
            start = original.find(text, start + 1)
    flags = "".join("x" if flag else "." for flag in covered)
    return [(match.start(), original[match.start():match.end()]) for match in re.finditer(r"\.+", flags)]


def _where(path) -> str:
    from handbook.data.yamlio import dotted
    return dotted(path)


# original.txt is the published text: document.yaml records its SHA-256, and validate checks it.
def test_the_published_fingerprint_is_recorded_and_matches(dataset):
    recorded = dataset.part("document")["original"]["sha256"]
    assert recorded == hashlib.sha256((DATA / "original.txt").read_bytes()).hexdigest()


# One character changed in original.txt (a "fixed" typo) and validate names the file, the two hashes and the fix.
def test_validate_refuses_an_original_that_is_not_the_published_text(data_copy):
    path = data_copy / "original.txt"
    text = path.read_text(encoding="utf-8")
    assert "落实贯彻" in text
    path.write_text(text.replace("落实贯彻", "贯彻落实", 1), encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"{data_copy.name}/document.yaml:17:3: original.sha256: original.txt is not the published text: "
            f"its SHA-256 is {digest}, document.yaml records 5394ec76") in result.stderr


# A folder with original.txt but no recorded fingerprint is told what to add, with the hash to type.
def test_validate_asks_for_the_fingerprint_when_none_is_recorded(data_copy):
    document = data_copy / "document.yaml"
    document.write_text(re.sub(r"original:\n  sha256: '[0-9a-f]+'\n", "", document.read_text(encoding="utf-8")),
                        encoding="utf-8")
    digest = hashlib.sha256((data_copy / "original.txt").read_bytes()).hexdigest()

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 1
    assert f"{data_copy.name}/document.yaml:2:1: original: original.txt has no recorded fingerprint" in result.stderr
    assert f"sha256: '{digest}'" in result.stderr


def test_every_source_text_is_verbatim_in_the_original(dataset, original_squashed):
    texts = list(source_texts(dataset))
    assert len(texts) > 400
    missing = missing_texts(texts, original_squashed)
    assert not missing, "not found in original.txt:\n" + "\n".join(
        f"  {name}: {_where(path)}: {text}" for name, path, text in missing)


def test_a_changed_character_is_caught(dataset, original_squashed):
    mutated = copy.deepcopy(dataset)
    clause = mutated.files["measures/01.yaml"].data["clauses"][2]
    assert "每人每天200元" in clause["zh"]
    clause["zh"] = clause["zh"].replace("每人每天200元", "每人每天300元")  # one character

    missing = missing_texts(source_texts(mutated), original_squashed)

    assert [(name, path) for name, path, _ in missing] == [("measures/01.yaml", ("clauses", 2, "zh"))]
    assert missing_texts(source_texts(dataset), original_squashed) == []


def test_a_dropped_character_is_caught(dataset, original_squashed):
    mutated = copy.deepcopy(dataset)
    clause = mutated.files["measures/24.yaml"].data["clauses"][0]
    clause["zh"] = clause["zh"].replace("知晓度", "知度")

    missing = missing_texts(source_texts(mutated), original_squashed)

    assert [(name, path) for name, path, _ in missing] == [("measures/24.yaml", ("clauses", 0, "zh"))]


def test_a_truncated_text_is_caught_by_coverage(dataset, original_squashed):
    # Dropping a text's first character keeps it a substring of the original; coverage notices.
    mutated = copy.deepcopy(dataset)
    post = mutated.files["annex1.yaml"].data["members"][5]["post"]
    assert post["zh"] == "区扶贫开发办副主任"
    post["zh"] = post["zh"][1:]
    assert missing_texts(source_texts(mutated), original_squashed) == []

    runs = uncovered_runs([text for _, _, text in source_texts(mutated)], original_squashed)

    assert any(run == "区" for _, run in runs)
    assert not all(STRUCTURE.fullmatch(run) for _, run in runs)


def test_the_whole_original_is_covered(dataset, original_squashed):
    texts = [text for _, _, text in source_texts(dataset)]
    runs = uncovered_runs(texts, original_squashed)
    offending = [(offset, run) for offset, run in runs if not STRUCTURE.fullmatch(run)]
    assert not offending, "text of the original that no data field reproduces:\n" + "\n".join(
        f"  at {offset}: {run!r} (…{original_squashed[max(0, offset - 10):offset]}|{run}|"
        f"{original_squashed[offset + len(run):offset + len(run) + 10]}…)" for offset, run in offending)


def test_coverage_notices_a_missing_sentence(dataset, original_squashed):
    texts = [text for name, path, text in source_texts(dataset)
             if not (name == "measures/18.yaml" and path == ("clauses", 2, "zh"))]
    texts = [text for text in texts if "提前30日向工会" not in text]
    runs = uncovered_runs(texts, original_squashed)
    assert any("提前30日向工会" in run and not STRUCTURE.fullmatch(run) for _, run in runs)


def test_sections(dataset):
    sections = dataset.part("sections")["sections"]
    assert [section["number"] for section in sections] == list(range(1, 8))
    assert [section["numeral"] for section in sections] == list("一二三四五六七")


def test_measures(dataset):
    measures = dataset.measures
    assert [measure["number"] for measure in measures] == list(range(1, 25))
    assert sorted(dataset.source_file("measure", number) for number in range(1, 25)) == [
        f"measures/{number:02d}.yaml" for number in range(1, 25)]
    sections = {section["number"] for section in dataset.part("sections")["sections"]}
    assert {measure["section"] for measure in measures} == sections
    assert [measure["section"] for measure in measures] == sorted(measure["section"] for measure in measures)
    for measure in measures:
        assert measure["clauses"], measure["number"]
        assert [clause["id"] for clause in measure["clauses"]] == [
            f"c{index}" for index in range(1, len(measure["clauses"]) + 1)], measure["number"]
        assert measure["responsible"]["units"], measure["number"]
        assert measure["responsible"]["written"].strip(), measure["number"]


def test_annex2_rows(dataset):
    annex2 = dataset.part("annex2")
    rows = [row["id"] for task in annex2["tasks"] for row in task["rows"]]
    assert rows == [f"A2-{index:02d}" for index in range(1, 43)]
    assert [task["measure"] for task in annex2["tasks"]] == list(range(1, 25))
    for task in annex2["tasks"]:
        for row in task["rows"]:
            assert row["responsible"]["units"], row["id"]


def test_annex1_members(dataset):
    members = dataset.part("annex1")["members"]
    roles = [member["role"] for member in members]
    assert len(members) == 43
    assert roles[:2] == ["leader", "deputy_leader"]
    assert roles.count("leader") == 1 and roles.count("deputy_leader") == 1
    assert roles.count("member") == 41


# Yield (path, {"zh", "en"}) for every bilingual value in data, source text or the project's own.
def _bilingual(kind, value, path=()):
    if isinstance(kind, Bilingual):
        yield path, value
    elif isinstance(kind, Items):
        for index, item in enumerate(value):
            yield from _bilingual(kind.item, item, path + (index,))
    elif isinstance(kind, Record):
        for key, sub in {**kind.required, **kind.optional}.items():
            if key in value:
                yield from _bilingual(sub, value[key], path + (key,))


def _all_bilingual(dataset):
    for name, doc in dataset.files.items():
        for path, value in _bilingual(FILES[doc.kind], doc.data):
            yield name, path, value


def test_every_field_has_an_english_translation(dataset):
    pairs = list(_all_bilingual(dataset))
    assert len(pairs) > 300
    # Clauses are bilingual without being a Bilingual value: check them too.
    pairs += [(dataset.source_file("measure", measure["number"]), ("clauses", index), clause)
              for measure in dataset.measures for index, clause in enumerate(measure["clauses"])]
    untranslated = [(name, path, value) for name, path, value in pairs
                    if not value["en"].strip() or value["en"].strip() == value["zh"].strip()
                    or "TODO" in value["en"]]
    assert not untranslated, "\n".join(f"{name}: {_where(path)}: {value}" for name, path, value in untranslated)
