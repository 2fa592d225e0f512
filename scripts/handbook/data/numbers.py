"""The one grammar for numbers in policy_data/, shared by the loader and the published JSON Schema.

Numbers are written in plain decimal notation only: 50, 5.5, 0.5, 500000. No leading zeros, no sign,
no exponent, no underscores or commas, no hex or octal, no full-width digits. A parameter's value is
always written in quotes ('50'), so that no YAML reader (1.1 or 1.2, loader or editor) can change it;
whole numbers in ids and references (measure, section, number) are written without quotes.
"""
import re
import unicodedata
from decimal import Decimal, InvalidOperation

WHOLE = r"(?:0|[1-9][0-9]*)"
DECIMAL = WHOLE + r"(?:\.[0-9]+)?"
DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
WHOLE_PATTERN = f"^{WHOLE}$"
DECIMAL_PATTERN = f"^{DECIMAL}$"
DAY_PATTERN = f"^{DAY}$"
# A parameter value: a plain decimal number or an ISO date, as quoted text.
VALUE_PATTERN = f"^(?:{DECIMAL}|{DAY})$"
# Text that a YAML reader, or an official, may take for a number: a sign, a dot or a digit of any width first.
NUMBER_LIKE = re.compile(r"^[-+＋－]?[.．]?[0-9０-９]")


class Unquoted(str):
    """Text typed without quotes that looks like a number but is not a plain whole number (e.g. 0050, 5.5)."""


# Tell whether text is a plain whole number, e.g. 10 (not 010, +10, 0x10, 1_0 or １０).
def is_whole(text: str) -> bool:
    return re.fullmatch(WHOLE_PATTERN, text) is not None


# Tell whether text is a parameter value in the grammar: a plain decimal number or a YYYY-MM-DD date.
def is_value(text: str) -> bool:
    return re.fullmatch(VALUE_PATTERN, text) is not None


# Return (English, Chinese) saying why text is not a plain number and what to write, e.g. 0050 → 50.
def number_fix(text: str, whole: bool = False, quoted: bool = False) -> tuple:
    half = unicodedata.normalize("NFKC", text)
    meant = _meant(half.strip())
    write = _plain(meant, whole) if meant is not None else None
    write = f"'{write}'" if write and quoted else write
    if half.strip().startswith("-"):
        return (f"'{text}' must not be negative; write the number without a sign",
                f"“{text}”不能为负数；请去掉负号")
    if text != half and re.search(r"[０-９．＋－]", text):
        return (f"'{text}' has full-width digits; write {write or 'the number'} in half-width digits",
                f"“{text}”用了全角数字；请用半角数字写作 {write or '数字'}")
    reason = _reason(half, whole)
    if write is None:
        like = "5" if whole else "50 or 5.5"
        return (f"'{text}' is not a number in plain decimal digits ({reason}); write it like {like}",
                f"“{text}”不是普通十进制数字（{REASONS_ZH[reason]}）；请写成 {like.replace(' or ', ' 或 ')} 这样的形式")
    return (f"'{text}' is not a plain number ({reason}); write {write}",
            f"“{text}”不是普通数字（{REASONS_ZH[reason]}）；请写作 {write}")


REASONS_ZH = {
    "leading zero, which YAML reads as octal": "以0开头，YAML 会按八进制读取",
    "hexadecimal": "十六进制", "binary": "二进制", "octal": "八进制", "underscore": "含下划线",
    "comma": "含逗号", "sign": "带正负号", "exponent": "科学计数法", "not a whole number": "不是整数",
    "dot without digits": "小数点前后缺少数字", "space": "含空格", "unknown form": "无法识别的写法",
}


# Name the first way text departs from the grammar.
def _reason(text: str, whole: bool) -> str:
    lowered = text.lower()
    checks = ((" " in text, "space"), ("0x" in lowered, "hexadecimal"), ("0b" in lowered, "binary"),
              ("0o" in lowered, "octal"), ("_" in text, "underscore"), ("," in text, "comma"),
              (text[:1] in ("+", "-"), "sign"),
              ("e" in lowered, "exponent"), (text.startswith(".") or text.endswith("."), "dot without digits"),
              (re.match(r"^0[0-9]", text) is not None, "leading zero, which YAML reads as octal"),
              (whole and "." in text, "not a whole number"))
    return next((reason for found, reason in checks if found), "unknown form")


# The number the official most likely meant by text, or None when there is no sensible reading.
def _meant(text: str):
    lowered = text.lower().lstrip("+")
    try:
        for prefix, base in (("0x", 16), ("0b", 2), ("0o", 8)):
            if lowered.startswith(prefix):
                return Decimal(int(lowered[2:].replace("_", ""), base))
        number = Decimal(lowered.replace("_", "").replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


# Write a number in plain decimal notation, e.g. 2E+3 → 2000, 050.50 → 50.50.
def _plain(number: Decimal, whole: bool) -> str:
    if whole:
        return str(int(number)) if number == number.to_integral_value() else None
    return format(number, "f")


# Return (English, Chinese) about a whole number typed as something else, e.g. a quoted '10'.
def whole_fix(value) -> tuple:
    text = str(value)
    if isinstance(value, str) and not isinstance(value, Unquoted) and is_whole(text):
        return (f"'{text}' is in quotes; write {text} without quotes",
                f"“{text}”加了引号；请去掉引号，写作 {text}")
    if not NUMBER_LIKE.match(text) and _meant(text) is None:
        return (f"expected a whole number, got text '{text}'; write it in digits, like 3",
                f"这里应填整数，却填了文字“{text}”；请用数字填写，例如 3")
    return number_fix(text, whole=True)


# Return (English, Chinese) about a parameter value that is not quoted text in the grammar, or None.
def value_fix(value):
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    if isinstance(value, str) and not isinstance(value, Unquoted):
        if is_value(text) or not (NUMBER_LIKE.match(text) or _meant(text) is not None):
            return None
        return number_fix(text, quoted=True)
    if is_value(text):
        return (f"write the value in quotes, '{text}', so that no YAML reader can change it",
                f"请给数值加上引号，写作 '{text}'，以免被 YAML 改读")
    return number_fix(text, quoted=True)
