"""Units, field and output shorthands shared by the calculator modules."""
from ..spec import Output
from ..text import bi
from ..validation import Field

YUAN = bi("元", "yuan")
PERSONS = {**bi("人", "persons"), "en_one": "person"}
PERSON_DAYS = {**bi("人天", "person-days"), "en_one": "person-day"}
MONTHS = {**bi("个月", "months"), "en_one": "month"}
DAYS = {**bi("天", "days"), "en_one": "day"}
PERCENT_UNIT = bi("%", "%")


def output(name: str, kind: str, zh: str, en: str, unit: dict | None = None, choices: dict | None = None,
           shown: bool = True) -> Output:
    """Declare one output with its bilingual label, its unit (money: yuan) and the labels of its choices ({code: bi})."""
    return Output(name=name, type=kind, label=bi(zh, en), unit=unit or (YUAN if kind == "money" else None), choices=choices or {},
                  shown=shown)


def flag(name: str, zh: str, en: str, help_zh: str, help_en: str, required: bool = True, default=None) -> Field:
    """Declare a yes/no input."""
    return Field(name=name, type="bool", label=bi(zh, en), help=bi(help_zh, help_en), required=required, default=default)


def eligibility_output() -> Output:
    """Declare the standard eligible output."""
    return output("eligible", "bool", "是否符合条件", "Eligible")
