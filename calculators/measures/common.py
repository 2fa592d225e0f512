"""Units, field and output shorthands shared by the calculator modules (units as defined in calculators/units.py)."""
from ..spec import Output
from ..text import bi
from ..units import PERSON_DAYS as PERSON_DAYS_UNIT
from ..units import UNITS
from ..validation import Field

YUAN = UNITS["yuan"].label()
PERSONS = UNITS["persons"].label()
PERSON_DAYS = PERSON_DAYS_UNIT.label()
MONTHS = UNITS["months"].label()
PERCENT_UNIT = UNITS["percent"].label()
DAYS = UNITS["days"].label()


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
