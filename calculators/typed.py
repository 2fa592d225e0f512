"""What people type: full-width digits, thousands separators, a 元 suffix, dates written the Chinese way.

Every reader here takes the text of one form field and returns the plain form the package computes with
(digits with an optional sign and decimal point; ISO dates), or raises ValueError with a bilingual message that
says what to type. 万 is refused, not read: a figure in 万 with decimals next to one in yuan invites slips of
a decimal place in an amount an official later certifies, so the message asks for the whole number.
"""
import re
import unicodedata

from .input_forms import INPUT_FORMS as FORMS
from .text import bi

GROUPED = re.compile(r"[+-]?\d\d?\d?(,\d\d\d)+(\.\d+)?", re.ASCII)
PLAIN = re.compile(r"[+-]?\d+(\.\d+)?", re.ASCII)
WHOLE = re.compile(r"[+-]?\d+", re.ASCII)
EUROPEAN = re.compile(r"\d\d?\d?(\.\d\d\d)+,\d+|\d+,\d\d?", re.ASCII)
SPACES = re.compile(r"\s+")
YUAN_SUFFIXES = ("元", "yuan", "rmb")
YUAN_PREFIXES = ("¥",)
PERCENT_SUFFIX = "%"
DATE_SEPARATED = re.compile(r"(\d\d\d\d)[-/.](\d\d?)[-/.](\d\d?)", re.ASCII)
DATE_CHINESE = re.compile(r"(\d\d\d\d)年(\d\d?)月(\d\d?)[日号]?")
MONTH_SEPARATED = re.compile(r"(\d\d\d\d)[-/.](\d\d?)", re.ASCII)
MONTH_CHINESE = re.compile(r"(\d\d\d\d)年(\d\d?)月?")


class TypedTextError(ValueError):
    """Text that cannot be read, with the bilingual message that says what to type."""

    def __init__(self, message: dict):
        """Keep the bilingual message."""
        super().__init__(message["en"])
        self.message = message


def folded(text: str) -> str:
    """Return text in its compatibility form (full-width digits and punctuation become ASCII), spaces removed."""
    return SPACES.sub("", unicodedata.normalize("NFKC", text))


def strip_affixes(text: str, prefixes: tuple, suffixes: tuple) -> str:
    """Remove one of the allowed prefixes and one of the allowed suffixes (case-insensitive)."""
    lowered = text.lower()
    for prefix in prefixes:
        if lowered.startswith(prefix):
            text, lowered = text[len(prefix):], lowered[len(prefix):]
    for suffix in suffixes:
        if lowered.endswith(suffix):
            return text[: -len(suffix)]
    return text


def number_text(text: str, example: str, prefixes: tuple = (), suffixes: tuple = ()) -> str:
    """Return a typed decimal number as plain digits (with its sign and decimal point), or raise TypedTextError."""
    plain = strip_affixes(folded(text), prefixes, suffixes)
    if "万" in plain or "千" in plain or "亿" in plain:
        raise TypedTextError(bi(f"请输入完整的数字，不要用“万”等单位，如 {example}", f"type the whole number without 万, e.g. {example}"))
    if EUROPEAN.fullmatch(plain):
        raise TypedTextError(bi(f"请用小数点“.”表示小数、逗号只用于分隔千位，如 {example}",
                                f"use a point for decimals and commas only between thousands, e.g. {example}"))
    if GROUPED.fullmatch(plain):
        return plain.replace(",", "")
    if PLAIN.fullmatch(plain):
        return plain
    raise TypedTextError(bi(f"请输入数字，如 {example}", f"type a number, e.g. {example}"))


def whole_number_text(text: str) -> str:
    """Return a typed whole number as plain digits, or raise TypedTextError saying what to type."""
    plain = number_text(text, FORMS["whole_number"])
    if not WHOLE.fullmatch(plain):
        raise TypedTextError(bi(f"应为整数，如 {FORMS['small_whole_number']}", f"must be a whole number, e.g. {FORMS['small_whole_number']}"))
    return plain


def money_text(text: str) -> str:
    """Return a typed amount in yuan as plain digits (optional ¥ before, 元 after), or raise TypedTextError."""
    return number_text(text, FORMS["money"], YUAN_PREFIXES, YUAN_SUFFIXES)


def percent_text(text: str) -> str:
    """Return a typed percentage as plain digits (an optional % after), or raise TypedTextError."""
    return number_text(text, FORMS["percent"], (), (PERCENT_SUFFIX,))


def date_parts(text: str) -> tuple | None:
    """Return (year, month, day) of a date typed with -, / or . between the parts, or as 年月日, else None."""
    plain = folded(text)
    found = DATE_SEPARATED.fullmatch(plain) or DATE_CHINESE.fullmatch(plain)
    return tuple(int(part) for part in found.groups()) if found else None


def month_parts(text: str) -> tuple | None:
    """Return (year, month) of a month typed with -, / or . between the parts, or as 年月, else None."""
    plain = folded(text)
    found = MONTH_SEPARATED.fullmatch(plain) or MONTH_CHINESE.fullmatch(plain)
    return tuple(int(part) for part in found.groups()) if found else None
