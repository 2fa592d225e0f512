"""Units, field and output shorthands shared by the calculator modules."""
from ..spec import Output
from ..text import bi
from ..validation import Field

YUAN = bi("元", "yuan")
PERSONS = bi("人", "persons")
PERSON_DAYS = bi("人天", "person-days")
MONTHS = bi("个月", "months")
PERCENT_UNIT = bi("%", "%")


def output(name: str, kind: str, zh: str, en: str) -> Output:
    """Declare one output with its bilingual label."""
    return Output(name=name, type=kind, label=bi(zh, en))


def flag(name: str, zh: str, en: str, help_zh: str, help_en: str, required: bool = True, default=None) -> Field:
    """Declare a yes/no input."""
    return Field(name=name, type="bool", label=bi(zh, en), help=bi(help_zh, help_en), required=required, default=default)


def eligibility_output() -> Output:
    """Declare the standard eligible output."""
    return output("eligible", "bool", "是否符合条件", "Eligible")
