"""Typing mistakes are found at their line and field; correct YAML that looks similar is left alone."""
import pytest

from handbook.data.typing_mistakes import typing_mistakes

from .helpers import DATA

ANNEX2_ROW = "tasks:\n- measure: 1\n  rows:\n  - id: A2-01\n    responsible:\n      written: 区财政局\n      units：\n      - finance\n"


def test_mistake_deep_in_a_file_names_its_field():
    [(line, column, field, english, chinese)] = typing_mistakes(ANNEX2_ROW)
    assert (line, column, field) == (7, 12, "tasks[0].rows[0].responsible.units")
    assert "full-width colon" in english and "全角冒号" in chinese


@pytest.mark.parametrize("text", [
    "zh: 通知如下：各镇街\n", 'en: "Note: this is quoted"\n', "number: 2  # a comment\n", "en: 'It''s fine'\n",
    "zh: “就业服务不打烊”的线上春风行动\n", "en: a URL like http://example.org/x\n", "- hrss\n",
])
def test_correct_yaml_is_left_alone(text):
    assert typing_mistakes(text) == []


def test_real_data_has_no_typing_mistakes():
    for path in sorted(DATA.rglob("*.yaml")):
        assert typing_mistakes(path.read_text(encoding="utf-8")) == [], path
