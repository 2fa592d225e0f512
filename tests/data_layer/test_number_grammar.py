"""The loader and the published JSON Schema give the same verdict on every number form in one corpus."""
import re

import jsonschema
import pytest
import yaml

from handbook.data.jsonschema_export import all_schemas
from handbook.data.numbers import DECIMAL_PATTERN, VALUE_PATTERN, WHOLE_PATTERN
from handbook.data.schema import FILES
from handbook.data.yamlio import read_yaml

from .helpers import ROOT

CORPUS = yaml.safe_load((ROOT / "tests" / "data_layer" / "number_forms.yaml").read_text(encoding="utf-8"))
SCHEMAS = all_schemas()
VALUE_SCHEMA = (SCHEMAS["parameters.schema.json"]["properties"]["parameters"]["items"]["properties"]["values"]
                ["items"]["properties"]["value"])
VALUE_KIND = FILES["parameters"].required["parameters"].item.required["values"].item.required["value"]
ID_SCHEMA = SCHEMAS["measure.schema.json"]["properties"]["number"]
ID_KIND = FILES["measure"].required["number"]
# YAML 1.2 core schema (what yaml-language-server reads by default): the plain scalars that are not text.
YAML12 = ((r"null|Null|NULL|~|", lambda text: None), (r"true|True|TRUE|false|False|FALSE", lambda text: text[0] in "tT"),
          (r"[-+]?[0-9]+", int), (r"0o[0-7]+", lambda text: int(text[2:], 8)), (r"0x[0-9a-fA-F]+", lambda text: int(text, 16)),
          (r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", float),
          (r"[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN", lambda text: float(text.replace(".", ""))))


def _forms(accepted, refused):
    return [pytest.param(form, True, id=form) for form in CORPUS[accepted]] + \
        [pytest.param(form, False, id=form) for form in CORPUS[refused]]


# The loader's reading of `field: form` and whether the loader's schema accepts it.
def _loader(tmp_path, field, form, kind):
    path = tmp_path / "form.yaml"
    path.write_text(f"{field}: {form}\n", encoding="utf-8")
    located, errors = read_yaml(path, "form.yaml")
    assert not errors, errors
    value = located.data[field]
    return value, not kind.problems(value)


# How a YAML 1.2 reader (the editor's) reads one scalar.
def _yaml12(form):
    node = yaml.compose(f"field: {form}\n").value[0][1]
    if node.style:
        return node.value
    return next((convert(node.value) for pattern, convert in YAML12 if re.fullmatch(pattern, node.value)), node.value)


# Whether a JSON Schema accepts a value.
def _schema_accepts(schema, value):
    return jsonschema.Draft202012Validator(schema).is_valid(value)


@pytest.mark.parametrize(("form", "accepted"), _forms("value_accepted", "value_refused"))
def test_value_forms_agree(tmp_path, form, accepted):
    _, loader_accepts = _loader(tmp_path, "value", form, VALUE_KIND)
    assert loader_accepts == accepted
    # The editor, reading YAML 1.2 (yaml-language-server's default) or YAML 1.1, reaches the same verdict.
    assert _schema_accepts(VALUE_SCHEMA, _yaml12(form)) == accepted
    assert _schema_accepts(VALUE_SCHEMA, yaml.safe_load(f"field: {form}\n")["field"]) == accepted


@pytest.mark.parametrize(("form", "accepted"), _forms("id_accepted", "id_refused"))
def test_id_forms_agree(tmp_path, form, accepted):
    read, loader_accepts = _loader(tmp_path, "number", form, ID_KIND)
    assert loader_accepts == accepted
    # JSON Schema sees only the number a YAML reader made of 010 or +10, so it is fed the loader's reading,
    # which keeps every form but a plain whole number as the text typed.
    assert _schema_accepts(ID_SCHEMA, read) == accepted


def test_schema_publishes_the_loader_grammar():
    assert VALUE_SCHEMA == {"type": "string", "pattern": VALUE_PATTERN}
    assert VALUE_PATTERN.startswith("^(?:" + DECIMAL_PATTERN[1:-1])
    assert WHOLE_PATTERN[1:-1] in DECIMAL_PATTERN


@pytest.mark.parametrize(("form", "fix"), [
    ("0050", "write '50'"), ("060", "write '60'"), ("0x32", "write '50'"), ("5_0", "write '50'"),
    ("'５０'", "write '50' in half-width digits"), ("2e3", "write '2000'"), ("+50", "write '50'"),
    ("50", "write the value in quotes, '50'"), ("'-200.00'", "must not be negative"),
])
def test_value_refusal_says_what_to_write(tmp_path, form, fix):
    read, _ = _loader(tmp_path, "value", form, VALUE_KIND)
    [(_, message)] = VALUE_KIND.problems(read)
    english, chinese = message.split("\n    ")
    assert fix in english and chinese
