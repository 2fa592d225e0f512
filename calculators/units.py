"""The parameter units, defined once: each unit's name, kind (how its value string converts), symbol and the words
that show a value of it in each language. The loader, the package, the pages and the diff read them from here."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

DECIMAL, INTEGER, DATE = "decimal", "integer", "date"


# The largest plausible values (not policy figures): a share of the whole, ten years of months, fifty years and
# ten years of days; a longer period in a parameter is a typing mistake.
PERCENT_MAX = Decimal(100)
MONTHS_MAX = 120
YEARS_MAX = 50
DAYS_MAX = 3660


@dataclass(frozen=True)
class Bounds:
    """The values a unit can take: above low (from low, if low_included) up to high (None: no upper bound)."""

    low: Decimal
    high: Decimal = None
    low_included: bool = False

    def holds(self, number: Decimal) -> bool:
        """Tell whether number (a Decimal) is within the bounds."""
        above = number >= self.low if self.low_included else number > self.low
        return above and (self.high is None or number <= self.high)

    def words(self, whole: bool) -> tuple:
        """Return the bounds in words, (English, Chinese); whole: the unit counts in whole numbers."""
        low, high = self.low, self.high
        if self.low_included:
            return (f"{low} or more", f"不小于{low}") if high is None else (f"from {low} to {high}", f"{low}至{high}")
        if not whole:
            return (f"more than {low}", f"大于{low}") if high is None else \
                (f"more than {low} and at most {high}", f"大于{low}且不超过{high}")
        first = low + 1
        return (f"at least {first}", f"至少为{first}") if high is None else (f"from {first} to {high}", f"{first}至{high}")


POSITIVE_PERCENT = Bounds(Decimal(0), PERCENT_MAX)
NOT_NEGATIVE = Bounds(Decimal(0), low_included=True)


@dataclass(frozen=True)
class Unit:
    """One unit: name as written in policy_data, kind (decimal, integer or date), short symbol, value words and
    the English symbol for a value of one (person, month), if it differs, and the bounds of a valid value."""

    name: str
    kind: str
    symbol: dict
    words: dict
    one: str = ""
    valid: Bounds = None

    def convert(self, raw: str):
        """Convert a value string of this unit: Decimal, int or date (ValueError or InvalidOperation if malformed)."""
        if self.kind == DECIMAL:
            return Decimal(raw)
        if self.kind == INTEGER:
            return int(raw)
        return date.fromisoformat(raw)

    def show(self, value: str, language: str) -> str:
        """Return a value with its unit in words, in one language (zh or en)."""
        return self.words[language].format(v=value)

    def valid_words(self) -> tuple:
        """Return the bounds of a valid value in words, (English, Chinese); ("", "") if the unit has none."""
        return self.valid.words(self.kind == INTEGER) if self.valid else ("", "")

    def label(self) -> dict:
        """Return the symbol a calculator figure is shown with: {zh, en} and, if it differs, en_one for a value of one."""
        return {**self.symbol, "en_one": self.one} if self.one else dict(self.symbol)


UNITS = {unit.name: unit for unit in (
    Unit("yuan", DECIMAL, {"zh": "元", "en": "yuan"}, {"zh": "{v}元", "en": "{v} yuan"}, valid=NOT_NEGATIVE),
    Unit("yuan_per_person_day", DECIMAL, {"zh": "元/人天", "en": "yuan per person-day"},
         {"zh": "每人每天{v}元", "en": "{v} yuan per person per day"}, valid=NOT_NEGATIVE),
    Unit("yuan_per_person", DECIMAL, {"zh": "元/人", "en": "yuan per person"}, {"zh": "每人{v}元", "en": "{v} yuan per person"},
         valid=NOT_NEGATIVE),
    Unit("percent", DECIMAL, {"zh": "%", "en": "%"}, {"zh": "{v}%", "en": "{v}%"}, valid=POSITIVE_PERCENT),
    Unit("percentage_point", DECIMAL, {"zh": "个百分点", "en": "percentage points"},
         {"zh": "{v}个百分点", "en": "{v} percentage point(s)"}, valid=POSITIVE_PERCENT),
    Unit("persons", INTEGER, {"zh": "人", "en": "persons"}, {"zh": "{v}人", "en": "{v} persons"}, one="person",
         valid=Bounds(Decimal(0))),
    Unit("months", INTEGER, {"zh": "个月", "en": "months"}, {"zh": "{v}个月", "en": "{v} months"}, one="month",
         valid=Bounds(Decimal(0), Decimal(MONTHS_MAX))),
    Unit("years", INTEGER, {"zh": "年", "en": "years"}, {"zh": "{v}年", "en": "{v} year(s)"}, one="year",
         valid=Bounds(Decimal(0), Decimal(YEARS_MAX))),
    Unit("days", INTEGER, {"zh": "日", "en": "days"}, {"zh": "{v}日", "en": "{v} days"}, one="day",
         valid=Bounds(Decimal(0), Decimal(DAYS_MAX))),
    Unit("date", DATE, {"zh": "", "en": ""}, {"zh": "{v}", "en": "{v}"}),
)}
# A unit calculators count in that no parameter has: the person-days of the Spring-Festival subsidy.
PERSON_DAYS = Unit("person_days", INTEGER, {"zh": "人天", "en": "person-days"}, {"zh": "{v}人天", "en": "{v} person-days"},
                   one="person-day")
UNIT_NAMES = tuple(UNITS)
COUNT_UNITS = tuple(name for name, unit in UNITS.items() if unit.kind == INTEGER)
# The value words of each unit by language, {v} standing for the value: {"yuan": {"zh": "{v}元", …}, …}.
UNIT_WORDS = {name: unit.words for name, unit in UNITS.items()}


def convert(raw: str, unit: str):
    """Convert a parameter's value string according to its unit; ValueError for a unit not defined here."""
    if unit not in UNITS:
        raise ValueError(f"unknown parameter unit {unit!r}")
    return UNITS[unit].convert(raw)
