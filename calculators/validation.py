"""Input fields: their declaration, and reading raw JSON-like values into typed ones."""
from dataclasses import dataclass, field as dataclass_field
from datetime import date, datetime
from decimal import Decimal

from .dates import MONTHS_PER_YEAR, format_month, is_supported
from .errors import inconsistent, invalid_value, required
from .money import CENT_PLACES
from .input_forms import INPUT_FORMS as FORMS
from .text import bi
from .typed import TypedTextError, date_parts, money_text, month_parts, percent_text, whole_number_text

TRUE_TEXTS = ("true", "是", "yes")
FALSE_TEXTS = ("false", "否", "no")
MAX_DIGITS = FORMS["longest_number_digits"]
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
    choice_labels: dict = dataclass_field(default_factory=dict)
    group: str | None = None
    more: bool = False

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
            description["choice_labels"] = {code: self.choice_labels.get(code, bi(code, code)) for code in self.choices}
        if self.group:
            description["group"] = self.group
            description["more"] = self.more
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
    """Read a JSON boolean, or the strings "true"/"false" sent by forms and CSV files (是/否 also read)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE_TEXTS + FALSE_TEXTS:
        return value.strip().lower() in TRUE_TEXTS
    raise BadValue("请选择“是”或“否”", "choose Yes or No")


def typed(reader, value: str) -> str:
    """Run a typed-text reader, turning its error into a BadValue."""
    try:
        return reader(value)
    except TypedTextError as problem:
        raise BadValue(problem.message["zh"], problem.message["en"]) from None


def read_int(value, field: Field) -> int:
    """Read a whole number given as an int or as text (full-width digits and thousands separators allowed)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        digits = typed(whole_number_text, value)
        if len(digits) > MAX_DIGITS:
            raise BadValue("数字过大", "number is too large")
        return int(digits)
    raise BadValue(f"应为整数，如 {FORMS['small_whole_number']}", f"must be a whole number, e.g. {FORMS['small_whole_number']}")


def read_decimal_text(value, reader, what_zh: str, what_en: str) -> Decimal:
    """Read an int or a decimal text (no float, no exponent) as a Decimal."""
    if isinstance(value, float):
        raise BadValue(
            f"{what_zh}应为十进制字符串（如 \"100.00\"），不能是浮点数",
            f"{what_en} must be a decimal string such as \"100.00\", not a float",
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        digits = typed(reader, value)
        if len(digits) > MAX_DIGITS:
            raise BadValue("数字过大", "number is too large")
        return Decimal(digits)
    raise BadValue(f"{what_zh}应为数字，如 100.00", f"{what_en} must be a number such as 100.00")


def read_money(value, field: Field) -> Decimal:
    """Read an amount in yuan: text (thousands separators, full-width digits, 元 after) or an int; two decimals at most."""
    amount = read_decimal_text(value, money_text, "金额", "money")
    if -amount.as_tuple().exponent > CENT_PLACES:
        raise BadValue(f"金额最多两位小数，如 {FORMS['money']}", f"money has at most two decimals, e.g. {FORMS['money']}")
    return amount


def read_percent(value, field: Field) -> Decimal:
    """Read a rate given in percent as text (an optional % after) or an int."""
    return read_decimal_text(value, percent_text, "百分比", "a percentage")


def calendar_date(parts: tuple) -> date:
    """Return the date of (year, month, day), or raise a BadValue naming the day that does not exist."""
    year, month, day = parts
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(f"{year}年{month}月没有{day}日，请检查日期",
                       f"there is no day {day} in month {month} of {year}; check the date") from None


def read_date(value, field: Field) -> date:
    """Read a date typed as YYYY-MM-DD, with / or . between the parts, or as 年月日 (or a date object)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return supported(value)
    parts = date_parts(value) if isinstance(value, str) else None
    if parts is None:
        raise BadValue(f"应为日期，如 {FORMS['date']} 或 {FORMS['date_chinese']}", f"must be a date, e.g. {FORMS['date']}")
    return supported(calendar_date(parts))


def read_month(value, field: Field) -> date:
    """Read a month typed as YYYY-MM, with / or . between the parts, or as 年月, into its first day."""
    parts = month_parts(value) if isinstance(value, str) else None
    if parts is None or not 1 <= parts[1] <= MONTHS_PER_YEAR:
        raise BadValue(f"应为月份，如 {FORMS['month']} 或 {FORMS['month_chinese']}", f"must be a month, e.g. {FORMS['month']}")
    return supported(date(parts[0], parts[1], 1))


def supported(day: date) -> date:
    """Reject dates too close to the end of the calendar for date arithmetic."""
    if not is_supported(day):
        raise BadValue("日期超出可计算范围", "the date is outside the range the calculators support")
    return day


def read_choice(value, field: Field) -> str:
    """Read one of the field's fixed choices, given by its code or by its label in either language."""
    if isinstance(value, str):
        wanted = value.strip()
        for code in field.choices:
            if wanted == code or wanted in field.choice_labels.get(code, {}).values():
                return code
    listed_zh = "、".join(field.choice_labels.get(code, bi(code, code))["zh"] for code in field.choices)
    listed_en = ", ".join(field.choice_labels.get(code, bi(code, code))["en"] for code in field.choices)
    raise BadValue(f"请选择以下之一：{listed_zh}", f"choose one of: {listed_en}")


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
        errors.extend(on_row(error, path, number - 1) for error in item_errors)
    return not errors, items, errors


def on_row(error: dict, path: str, index: int) -> dict:
    """Name the form control of a list item's error (e.g. hires[1].hire_date) beside its contract field name."""
    rest = error["field"][len(path):]
    return {**error, "control": f"{path}[{index}]{rest}"}


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


def canonical_text(field: Field, value) -> str:
    """Return a typed scalar value as the plain text a form shows back (digits without separators, ISO dates)."""
    if field.type == "bool":
        return "true" if value else "false"
    if field.type == "month":
        return format_month(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def normalised_inputs(fields: tuple, raw, values: dict, prefix: str = "") -> dict:
    """Return {control name: text} for every text input that was read into a different plain form."""
    if not isinstance(raw, dict):
        return {}
    shown = {}
    for field in fields:
        given_value, value = raw.get(field.name), values.get(field.name)
        if field.type == "list" and isinstance(given_value, list) and isinstance(value, list):
            for index, (raw_item, item) in enumerate(zip(given_value, value)):
                shown.update(normalised_inputs(field.fields, raw_item, item, f"{prefix}{field.name}[{index}]."))
        elif isinstance(given_value, str) and value is not None and field.type not in RANGE_TYPES | {"list"}:
            text = canonical_text(field, value)
            if text != given_value:
                shown[prefix + field.name] = text
    return shown


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
