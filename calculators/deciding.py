"""The date that decides: which input date selects the parameter values in force for a calculation."""
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from .display import grouped
from .text import bi
from .units import DECIMAL, UNITS

AS_OF_FIELD = "as_of"


@dataclass(frozen=True)
class DecidingDate:
    """The input that selects parameter values: a date or month field, or "list.field" for the earliest entry of a list.

    label names the date in running text, {zh, en} (e.g. 申请日期 / "the application date"); whole_month makes a month
    field count by its last day, so a month partly in force counts as in force.
    """

    field: str
    label: dict
    whole_month: bool = False

    def read(self, values: dict) -> date | None:
        """Return the deciding date from parsed inputs, or None when not given."""
        day = self.given(values)
        if day is None or not self.whole_month:
            return day
        return date(day.year, day.month, monthrange(day.year, day.month)[1])

    def given(self, values: dict) -> date | None:
        """Return the field's date as given (for a list, the earliest), or None."""
        if "." not in self.field:
            return values.get(self.field)
        list_name, item_name = self.field.split(".", 1)
        days = [entry.get(item_name) for entry in values.get(list_name) or ()]
        days = [day for day in days if day is not None]
        return min(days) if days else None


ASKED = DecidingDate(AS_OF_FIELD, bi("所问日期", "the date asked about"))


def application_date(field: str = "application_date") -> DecidingDate:
    """Return the deciding date of a rule applied by the date of application."""
    return DecidingDate(field, bi("申请日期", "the application date"))


def deciding_day(deciding: DecidingDate, values: dict, as_of: date) -> tuple[date, DecidingDate]:
    """Return (the date whose parameter values apply, the date's description).

    The calculator's own date decides when it was given; otherwise the date asked about (as_of, default today) stands in.
    """
    day = deciding.read(values)
    if day is None:
        return as_of, ASKED
    return day, deciding


def deciding_step(deciding: DecidingDate, day: date, declared: DecidingDate, uses: list) -> dict:
    """Return the bilingual sentence naming the date used and every parameter value in force on it."""
    listed_zh = "；".join(f"{use.name['zh']}：{shown(use, 'zh')}（{period_zh(use)}）" for use in uses) or "无"
    listed_en = "; ".join(f"{use.name['en']}: {shown(use, 'en')} ({period_en(use)})" for use in uses) or "none"
    stand_in_zh = "" if deciding == declared else f"（未填{declared.label['zh']}）"
    stand_in_en = "" if deciding == declared else f" ({declared.label['en']} was not given)"
    return bi(
        f"按{deciding.label['zh']}{day.isoformat()}{stand_in_zh}适用的参数值：{listed_zh}",
        f"Parameter values in force on {deciding.label['en']}, {day.isoformat()}{stand_in_en}: {listed_en}",
    )


def shown(use, language: str) -> str:
    """Return a parameter value in words with its unit in one language, amounts grouped in thousands."""
    unit = UNITS[use.unit]
    return unit.show(grouped(use.value) if unit.kind == DECIMAL else use.value, language)


def period_zh(use) -> str:
    """Return a value's period in Chinese: "<start>起", or "<start>至<end>" when it has an end."""
    return f"{use.start.isoformat()}起" if use.end is None else f"{use.start.isoformat()}至{use.end.isoformat()}"


def period_en(use) -> str:
    """Return a value's period in English: "from <start>", or "<start> to <end>" when it has an end."""
    return f"from {use.start.isoformat()}" if use.end is None else f"{use.start.isoformat()} to {use.end.isoformat()}"
