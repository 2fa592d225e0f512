"""Input fields: their declaration, and reading raw JSON-like values into typed ones."""
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from .dates import is_supported, parse_iso_date, parse_iso_month
from .errors import inconsistent, invalid_value, required
from .money import CENT_PLACES
from .text import bi

DECIMAL_TEXT = re.compile(r"[+-]?\d+(\.\d+)?", re.ASCII)
INTEGER_TEXT = re.compile(r"[+-]?\d+", re.ASCII)
TRUE_TEXT = "true"
FALSE_TEXT = "false"
RANGE_TYPES = frozenset({"date_range", "month_range"})


@dataclass(frozen=True)
class Field:
    """One input of a calculator: its type, requiredness, bounds and form texts."""

    name: str
    type: str
    label: dict
    help: dict
    required: bool = False
    default: object = None
    unit: dict | None = None
    choices: tuple = ()
    fields: tuple = ()
    minimum: int | None = None
    positive: bool = False
    default_parameter: str | None = None

    def describe(self) -> dict:
        """Return the catalog description of this field for building forms."""
        description = {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "label": self.label,
            "help": self.help,
            "unit": self.unit,
        }
        if self.choices:
            description["choices"] = list(self.choices)
        if self.fields:
            description["fields"] = [field.describe() for field in self.fields]
        if self.minimum is not None:
            description["minimum"] = self.minimum
        if self.default_parameter:
            description["default_parameter"] = self.default_parameter
        return description


class BadValue(Exception):
    """A raw value that cannot be read as its field's type, with the bilingual reason."""

    def __init__(self, zh: str, en: str):
        """Keep the reason in both languages."""
        super().__init__(en)
        self.zh = zh
        self.en = en


def is_omitted(value) -> bool:
    """Tell whether a raw value counts as not given (None or a blank string)."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_bool(value, field: Field) -> bool:
    """Read a JSON boolean, or the strings "true"/"false" sent by forms and CSV files."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in (TRUE_TEXT, FALSE_TEXT):
        return value.strip().lower() == TRUE_TEXT
    raise BadValue("应为 true 或 false", "must be true or false")


def read_int(value, field: Field) -> int:
    """Read a whole number given as an int or a string of digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and INTEGER_TEXT.fullmatch(value.strip()):
        try:
            return int(value.strip())
        except ValueError:
            raise BadValue("数字过大", "number is too large") from None
    raise BadValue("应为整数", "must be a whole number")


def read_decimal_text(value, what_zh: str, what_en: str) -> Decimal:
    """Read an int or a plain decimal string (no float, no exponent) as a Decimal."""
    if isinstance(value, float):
        raise BadValue(
            f"{what_zh}应为十进制字符串（如 \"100.00\"），不能是浮点数",
            f"{what_en} must be a decimal string such as \"100.00\", not a float",
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str) and DECIMAL_TEXT.fullmatch(value.strip()):
        return Decimal(value.strip())
    raise BadValue(
        f"{what_zh}应为十进制字符串，如 \"100.00\"",
        f"{what_en} must be a decimal string such as \"100.00\"",
    )


def read_money(value, field: Field) -> Decimal:
    """Read an amount in yuan: a decimal string or int with at most two decimals."""
    amount = read_decimal_text(value, "金额", "money")
    if -amount.as_tuple().exponent > CENT_PLACES:
        raise BadValue("金额最多两位小数", "money has at most two decimals")
    return amount


def read_percent(value, field: Field) -> Decimal:
    """Read a rate given in percent as a decimal string or int."""
    return read_decimal_text(value, "百分比", "a percentage")


def read_date(value, field: Field) -> date:
    """Read an ISO YYYY-MM-DD date (or a date object)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str):
        day = parse_or_fail(parse_iso_date, value, "应为 YYYY-MM-DD 格式的日期", "must be a date in the form YYYY-MM-DD")
    else:
        raise BadValue("应为 YYYY-MM-DD 格式的日期", "must be a date in the form YYYY-MM-DD")
    return supported(day)


def read_month(value, field: Field) -> date:
    """Read a YYYY-MM month into the first day of that month."""
    if not isinstance(value, str):
        raise BadValue("应为 YYYY-MM 格式的月份", "must be a month in the form YYYY-MM")
    month = parse_or_fail(parse_iso_month, value, "应为 YYYY-MM 格式的月份", "must be a month in the form YYYY-MM")
    return supported(month)


def parse_or_fail(parser, text: str, zh: str, en: str) -> date:
    """Run a date parser, turning its ValueError into a BadValue."""
    try:
        return parser(text.strip())
    except ValueError:
        raise BadValue(zh, en) from None


def supported(day: date) -> date:
    """Reject dates too close to the end of the calendar for date arithmetic."""
    if not is_supported(day):
        raise BadValue("日期超出可计算范围", "the date is outside the range the calculators support")
    return day


def read_choice(value, field: Field) -> str:
    """Read one of the field's fixed choices."""
    if isinstance(value, str) and value.strip() in field.choices:
        return value.strip()
    listed = ", ".join(field.choices)
    raise BadValue(f"应为以下之一：{listed}", f"must be one of: {listed}")


SCALAR_READERS = {
    "bool": read_bool,
    "int": read_int,
    "money": read_money,
    "percent": read_percent,
    "date": read_date,
    "month": read_month,
    "choice": read_choice,
}


def bound_problem(field: Field, value) -> BadValue | None:
    """Return the range problem of a typed value, or None when it is within bounds."""
    if field.type in ("money", "percent") and value < 0:
        return BadValue("不能为负数", "must not be negative")
    if field.positive and value <= 0:
        return BadValue("应大于零", "must be greater than zero")
    if field.minimum is not None and value < field.minimum:
        return BadValue(f"不能小于{field.minimum}", f"must be at least {field.minimum}")
    return None


def parse_scalar(field: Field, value, path: str, prefix: tuple) -> tuple:
    """Read one scalar value; return (ok, typed value, errors)."""
    try:
        typed = SCALAR_READERS[field.type](value, field)
    except BadValue as problem:
        return False, None, [located_error(path, problem, prefix)]
    problem = bound_problem(field, typed)
    if problem:
        return False, None, [located_error(path, problem, prefix)]
    return True, typed, []


def located_error(path: str, problem: BadValue, prefix: tuple) -> dict:
    """Build a ValidationError, prefixing the message with the list item it concerns."""
    item_zh, item_en = prefix
    return invalid_value(path, item_zh + problem.zh, item_en + problem.en)


def item_prefix(number: int) -> tuple:
    """Return the bilingual message prefix naming a list item (counted from one)."""
    return f"第{number}项：", f"item {number}: "


def parse_list(field: Field, value, path: str) -> tuple:
    """Read a list of objects, each with the list's sub-fields; return (ok, items, errors)."""
    if not isinstance(value, (list, tuple)):
        return False, None, [invalid_value(path, "应为列表", "must be a list")]
    items, errors = [], []
    for number, raw_item in enumerate(value, start=1):
        item, item_errors = parse_object(field.fields, raw_item, path, item_prefix(number))
        items.append(item)
        errors.extend(item_errors)
    return not errors, items, errors


def parse_range(field: Field, value, path: str) -> tuple:
    """Read a {start, end} date or month range; return (ok, range, errors)."""
    window, errors = parse_object(field.fields, value, path, ("", ""))
    if errors:
        return False, None, errors
    if window["end"] < window["start"]:
        return False, None, [inconsistent(f"{path}.end", "结束早于开始", "the end is before the start")]
    return True, window, []


def parse_object(fields: tuple, raw, path: str, prefix: tuple) -> tuple:
    """Read a nested object (list item or range) field by field; return (values, errors)."""
    if not isinstance(raw, dict):
        return {}, [located_error(path, BadValue("应为对象", "must be an object"), prefix)]
    values, errors = {}, []
    for field in fields:
        ok, typed, field_errors = parse_field(field, raw.get(field.name), f"{path}.{field.name}", prefix)
        errors.extend(field_errors)
        if ok:
            values[field.name] = typed
    errors.extend(unknown_key_errors(raw, fields, f"{path}."))
    return values, errors


def parse_field(field: Field, value, path: str, prefix: tuple = ("", "")) -> tuple:
    """Read one field's raw value; return (ok, typed value or default, errors)."""
    if is_omitted(value):
        if field.required:
            return False, None, [required(path)]
        return True, field.default, []
    if field.type == "list":
        return parse_list(field, value, path)
    if field.type in RANGE_TYPES:
        return parse_range(field, value, path)
    return parse_scalar(field, value, path, prefix)


def unknown_key_errors(raw: dict, fields: tuple, path_prefix: str = "") -> list:
    """Report every key of a raw object that names no declared field."""
    known = {field.name for field in fields}
    return [
        invalid_value(f"{path_prefix}{key}", "未知的输入项", "unknown input")
        for key in raw
        if key not in known
    ]


def parse_inputs(fields: tuple, raw) -> tuple:
    """Read a calculator's whole input dict; return (values of fields read, errors)."""
    if not isinstance(raw, dict):
        return {}, [invalid_value("", "输入应为对象", "the inputs must be an object")]
    values, errors = {}, []
    for field in fields:
        ok, typed, field_errors = parse_field(field, raw.get(field.name), field.name)
        errors.extend(field_errors)
        if ok:
            values[field.name] = typed
    errors.extend(unknown_key_errors(raw, fields))
    return values, errors


def given(values: dict, *names: str) -> bool:
    """Tell whether every named field was read successfully and has a value."""
    return all(values.get(name) is not None for name in names)


AS_OF = Field(
    name="as_of",
    type="date",
    label=bi("所问日期", "Date asked about"),
    help=bi(
        "按该日适用的政策数值计算；不填则为今天。",
        "The day whose policy values apply; leave blank for today.",
    ),
)
