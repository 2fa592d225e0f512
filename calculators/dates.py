"""Calendar helpers: strict ISO parsing, month arithmetic and civil-code year shifts."""
import re
from calendar import monthrange
from datetime import date

ISO_DATE = re.compile(r"\d\d\d\d-\d\d-\d\d", re.ASCII)
ISO_MONTH = re.compile(r"\d\d\d\d-\d\d", re.ASCII)
MONTHS_PER_YEAR = 12
HEADROOM_YEARS = 100
LAST_SUPPORTED_YEAR = date.max.year - HEADROOM_YEARS


def parse_iso_date(text: str) -> date:
    """Parse a strict YYYY-MM-DD string; raise ValueError for anything else."""
    if not ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def parse_iso_month(text: str) -> date:
    """Parse a strict YYYY-MM string into the first day of that month."""
    if not ISO_MONTH.fullmatch(text):
        raise ValueError(text)
    year, month = (int(part) for part in text.split("-"))
    return date(year, month, 1)


def is_supported(day: date) -> bool:
    """Tell whether a date leaves enough calendar room for the package's date arithmetic."""
    return day.year <= LAST_SUPPORTED_YEAR


def format_month(month: date) -> str:
    """Format the month containing a date as YYYY-MM."""
    return month.isoformat().rsplit("-", 1)[0]


def month_index(day: date) -> int:
    """Number the month containing a date, so that consecutive months differ by one."""
    return day.year * MONTHS_PER_YEAR + day.month - 1


def month_from_index(index: int) -> date:
    """Return the first day of the month numbered by month_index."""
    year, month_offset = divmod(index, MONTHS_PER_YEAR)
    return date(year, month_offset + 1, 1)


def add_months(month: date, count: int) -> date:
    """Return the first day of the month count months after the month of a date."""
    return month_from_index(month_index(month) + count)


def add_years(day: date, years: int) -> date:
    """Shift a date by whole years to the corresponding day, or the month's last day if it has none (民法典)."""
    year = day.year + years
    last_day = monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last_day))


def month_overlap(start: date, end: date, window_start: date, window_end: date) -> int:
    """Count the months of [start, end] that also lie in [window_start, window_end]."""
    first = max(month_index(start), month_index(window_start))
    last = min(month_index(end), month_index(window_end))
    return max(0, last - first + 1)


def within(day: date, first: date, last: date) -> bool:
    """Tell whether a date lies in an inclusive window."""
    return first <= day <= last
