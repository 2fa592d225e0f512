"""How to apply, as data: only what the document says (quotes found in their clauses, the units it names) or what
a responsible unit supplies (contact, its own points), validated, exported, in the JSON Schema and on the page."""
import json
import shutil
from datetime import date

import jsonschema
import pytest
import yaml

from .helpers import DATA, ROOT, run_handbook

FIXTURE = ROOT / "tests" / "fixtures" / "how_to_apply" / "05.yaml"
POINTS = ("who", "conditions", "materials", "time_limits")


# Every measure file of the real data, parsed independently of the loader.
def measures() -> list:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((DATA / "measures").glob("*.yaml"))]


# The real data with measure 5 replaced by the fixture that fills the contact fields.
@pytest.fixture
def with_contact(data_copy):
    shutil.copyfile(FIXTURE, data_copy / "measures" / "05.yaml")
    return data_copy


def test_every_quoted_point_is_in_its_clause_word_for_word():
    quoted = 0
    for measure in measures():
        clauses = {clause["id"]: clause["zh"] for clause in measure["clauses"]}
        for key in POINTS:
            for point in measure.get("how_to_apply", {}).get(key, []):
                assert point["quote"] in clauses[point["clause"]], (measure["number"], point)
                assert point["en"].strip()
                quoted += 1
    assert quoted >= 30


def test_applications_go_to_units_the_measure_or_its_annex2_rows_name():
    annex2 = yaml.safe_load((DATA / "annex2.yaml").read_text(encoding="utf-8"))
    for measure in measures():
        rows = [row["responsible"]["units"] for task in annex2["tasks"] if task["measure"] == measure["number"]
                for row in task["rows"]]
        named = set(measure["responsible"]["units"]).union(*rows)
        assert set(measure.get("how_to_apply", {}).get("where", [])) <= named, measure["number"]


def test_the_document_gives_no_contact_and_the_data_invents_none():
    cards = [measure for measure in measures() if "how_to_apply" in measure]
    assert {measure["number"] for measure in cards} >= {1, 4, 5, 6, 7, 9, 15, 16, 20}
    assert all("contact" not in measure["how_to_apply"] for measure in cards)
    assert all("zh" not in point for measure in cards for key in POINTS for point in measure["how_to_apply"].get(key, []))
    original = (DATA / "original.txt").read_text(encoding="utf-8")
    assert "电话" not in original and "地址" not in original


def test_validate_accepts_contact_fields_and_a_point_the_unit_supplies(with_contact):
    result = run_handbook("validate", "--data", with_contact)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


@pytest.mark.parametrize("change,field,message", [
    ("- '13800000000'", "how_to_apply.contact.phones[1]", "was read as a number; write a phone number"),
    ("- '13800000000'\n    - 0632 6611234", "how_to_apply.contact.phones[2]", "is not a phone number"),
    ("link: https://www.example.gov.cn/apply/\n", "how_to_apply.contact.link", "is not a web link"),
    ("  - zh: 营业执照复印件（示例）", "how_to_apply.materials[0]", "give either clause and quote"),
])
def test_validate_reports_a_contact_or_point_as_written(with_contact, change, field, message):
    path = with_contact / "measures" / "05.yaml"
    text = path.read_text(encoding="utf-8")
    broken = {"- '13800000000'": text.replace("- '13800000000'", "- 13800000000"),
              "- '13800000000'\n    - 0632 6611234": text.replace("- '13800000000'", "- '13800000000'\n    - 0632 6611234"),
              "link: https://www.example.gov.cn/apply/\n": text.replace("link: https://", "link: ftp://"),
              "  - zh: 营业执照复印件（示例）": text.replace("  - zh: 营业执照复印件（示例）",
                                                   "  - zh: 营业执照复印件（示例）\n    clause: c1")}[change]
    path.write_text(broken, encoding="utf-8")
    result = run_handbook("validate", "--data", with_contact)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = next(line for line in result.stderr.splitlines() if f": {field}: " in line)
    assert message in line, result.stderr
    chinese = result.stderr.split(line, 1)[1].splitlines()[1]
    assert chinese.startswith("    ") and any("\u4e00" <= char <= "\u9fff" for char in chinese)


def test_export_and_json_schema_carry_the_fields(with_contact):
    from handbook.data.dataset import load_dataset
    from handbook.data.export import export_dataset, to_json
    from handbook.data.jsonschema_export import all_schemas
    export = json.loads(to_json(export_dataset(load_dataset(with_contact))))
    card = next(measure for measure in export["measures"] if measure["number"] == 5)["how_to_apply"]
    assert card["contact"]["phones"] == ["0632-6611234", "13800000000"]
    assert card["contact"]["link"] == "https://www.example.gov.cn/apply/"
    assert card["where"] == ["hrss", "finance"]
    schema = all_schemas()["measure.schema.json"]
    assert schema == json.loads((DATA / "schema" / "measure.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")), schema)
    for measure in measures():
        jsonschema.validate(measure, schema)
    bad = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    bad["how_to_apply"]["contact"]["phones"] = ["6611234"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


# The measure page of the data in folder, in a language, rendered by the generator.
def measure_html(folder, language: str, number: int) -> str:
    from handbook.data.dataset import load_dataset
    from handbook.data.export import export_dataset
    from handbook.site.pages import Context, measure_page
    export = export_dataset(load_dataset(folder))
    ctx = Context(export, language, date(2020, 3, 1), {("measure", number): f"measures/{number:02d}.yaml"})
    return measure_page(ctx, next(measure for measure in export["measures"] if measure["number"] == number)).markdown


@pytest.mark.parametrize("language,words", [
    ("zh", ["怎么申请", "联系方式：", "电话：", "地址：", "台儿庄区华兴路1号（示例）", "（责任单位提供）"]),
    ("en", ["How to apply", "Contact", "Phone", "Address", "No. 1 Huaxing Road", "(supplied by the responsible unit)"])])
def test_the_card_shows_contact_fields_when_a_unit_supplies_them(with_contact, language, words):
    html = measure_html(with_contact, language, 5)
    card = html[html.index('<section class="hb-apply"'):html.index("</section>")]
    for word in words:
        assert word in card
    assert 'href="tel:06326611234"' in card and 'href="tel:13800000000"' in card
    assert 'href="https://www.example.gov.cn/apply/"' in card


def test_the_card_shows_nothing_the_data_does_not_give():
    html = measure_html(DATA, "zh", 5)
    card = html[html.index('<section class="hb-apply"'):html.index("</section>")]
    assert "联系方式" not in card and "所需材料" not in card and "tel:" not in card
    assert 'id="how-to-apply"' in card and "适用对象" in card and "办理单位" in card
    assert "hb-apply" not in measure_html(DATA, "zh", 2)
