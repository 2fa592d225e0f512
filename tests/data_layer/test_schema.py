"""The published JSON Schemas are current and accept the data; the JSON export is well-formed."""
import json

import jsonschema
import pytest

from handbook.data.yamlio import read_yaml

from .helpers import DATA, run_handbook, snapshot

SINGLE = {"document.yaml": "document", "units.yaml": "units", "sections.yaml": "sections",
          "annex1.yaml": "annex1", "annex2.yaml": "annex2", "notes.yaml": "notes",
          "revisions.yaml": "revisions", "glossary.yaml": "glossary", "site.yaml": "site"}
FOLDERS = {"measures": "measure", "parameters": "parameters"}


def _data_files():
    files = [(name, kind) for name, kind in SINGLE.items()]
    for folder, kind in FOLDERS.items():
        files += [(f"{folder}/{path.name}", kind) for path in sorted((DATA / folder).glob("*.yaml"))]
    return files


DATA_FILES = _data_files()


def _schema(kind: str) -> dict:
    return json.loads((DATA / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def test_every_data_file_has_a_kind():
    yaml_files = sorted(str(path.relative_to(DATA)) for path in DATA.rglob("*.yaml"))
    assert yaml_files == sorted(name for name, _ in DATA_FILES)
    assert len([kind for _, kind in DATA_FILES if kind == "measure"]) == 24


def test_committed_schemas_are_what_handbook_schema_writes(tmp_path):
    out = tmp_path / "schema"
    result = run_handbook("schema", "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = snapshot(out)
    assert sorted(written) == sorted(f"{kind}.schema.json" for kind in {*SINGLE.values(), *FOLDERS.values()})
    committed = snapshot(DATA / "schema")
    stale = [name for name in sorted(set(written) | set(committed)) if written.get(name) != committed.get(name)]
    assert not stale, f"policy_data/schema/ is stale; run `handbook schema`: {stale}"


@pytest.mark.parametrize("kind", sorted({*SINGLE.values(), *FOLDERS.values()}))
def test_schema_is_valid_json_schema(kind):
    jsonschema.Draft202012Validator.check_schema(_schema(kind))


@pytest.mark.parametrize(("name", "kind"), DATA_FILES, ids=[name for name, _ in DATA_FILES])
def test_data_file_validates_against_its_json_schema(name, kind):
    located, errors = read_yaml(DATA / name, name)
    assert not errors
    validator = jsonschema.Draft202012Validator(_schema(kind), format_checker=jsonschema.FormatChecker())
    problems = [f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
                for error in validator.iter_errors(located.data)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "kind"), [pytest.param(name, kind, id=name) for name, kind in DATA_FILES])
def test_editor_modeline_points_at_the_right_schema(name, kind):
    # The first line tells yaml-language-server (VS Code) which schema to check the file against.
    first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), first
    target = ((DATA / name).parent / first[len(prefix):]).resolve()
    assert target == (DATA / "schema" / f"{kind}.schema.json").resolve()


@pytest.mark.parametrize(("name", "kind", "change"), [
    ("measures/02.yaml", "measure", lambda data: data.update(status="draft")),
    ("measures/02.yaml", "measure", lambda data: data["title"].pop("en")),
    ("parameters/18.yaml", "parameters", lambda data: data["parameters"][0]["values"][0].update(start="22/02/2020")),
    ("annex1.yaml", "annex1", lambda data: data["members"][0].update(role="chair")),
])
def test_json_schema_rejects_what_the_loader_rejects(name, kind, change):
    data = read_yaml(DATA / name, name)[0].data
    change(data)
    assert list(jsonschema.Draft202012Validator(_schema(kind)).iter_errors(data))


@pytest.fixture(scope="module")
def export():
    result = run_handbook("export")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_export_is_valid_json(export):
    data = json.loads(export)
    assert set(data) == {"document", "sections", "measures", "units", "annex1", "annex2",
                         "parameters", "notes", "revisions", "parts", "glossary"}
    assert len(data["measures"]) == 24
    assert [measure["number"] for measure in data["measures"]] == list(range(1, 25))
    assert len(data["sections"]) == 7
    assert len(data["annex1"]["members"]) == 43
    assert sum(len(task["rows"]) for task in data["annex2"]["tasks"]) == 42


def test_export_parameters_have_string_values(export):
    parameters = json.loads(export)["parameters"]
    assert len(parameters) == 42
    for key, parameter in parameters.items():
        assert parameter["id"] == key
        assert parameter["values"], key
        for entry in parameter["values"]:
            assert isinstance(entry["value"], str), (key, entry)
            assert isinstance(entry["start"], str), (key, entry)
            assert entry["end"] is None or isinstance(entry["end"], str), (key, entry)


def test_export_to_file_matches_stdout(export, tmp_path):
    out = tmp_path / "export.json"
    result = run_handbook("export", "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == export
