"""Exact money and ratio arithmetic: Decimal amounts, integer ratios, half-up cents."""
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal

CENT_PLACES = 2
CENT = Decimal(1).scaleb(-CENT_PLACES)
PERCENT = 100
PERCENT_PLACES = 2
ZERO = Decimal(0)


def exact_context() -> Context:
    """Return a decimal context wide enough that sums and products of inputs stay exact."""
    return Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> Decimal:
    """Round an amount half-up to whole cents."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal) -> str:
    """Format an amount as a string with exactly two decimals, rounded half-up."""
    return format(to_cents(amount), "f")


def yuan_zh(amount: Decimal) -> str:
    """Write an amount for a Chinese explanation: cents, thousands separators, 元 after a space."""
    return f"{to_cents(amount):,f} 元"


def yuan_en(amount: Decimal) -> str:
    """Write an amount for an English explanation: cents, thousands separators, yuan after a space."""
    return f"{to_cents(amount):,f} yuan"


def format_number(value: Decimal) -> str:
    """Format a rate or figure without trailing zeros or exponent (display only)."""
    return format(value.normalize(), "f")


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """Return percent % of amount, exactly: a decimal shift, so no division is ever rounded."""
    return (amount * percent).scaleb(-PERCENT_PLACES)


def percent_ratio(percent: Decimal) -> tuple[int, int]:
    """Return a percentage (a Decimal of percent) as the exact ratio it stands for, as integers (numerator, denominator)."""
    numerator, denominator = percent.as_integer_ratio()
    return numerator, denominator * PERCENT


def round_ratio(numerator: int, denominator: int, places: int) -> Decimal:
    """Round numerator ÷ denominator (denominator > 0) half-up (away from zero) to a number of decimal places."""
    magnitude = (2 * abs(numerator) * 10 ** places + denominator) // (2 * denominator)
    signed = -magnitude if numerator < 0 else magnitude
    return Decimal(signed).scaleb(-places)


def format_ratio_percent(numerator: int, denominator: int) -> str:
    """Show the exact ratio numerator ÷ denominator as a percentage with two decimals, rounded half-up (display only)."""
    return format(round_ratio(numerator * PERCENT, denominator, CENT_PLACES), "f")


def format_percent(percent: Decimal) -> str:
    """Show a percentage input or parameter with two decimals, e.g. for *_pct outputs."""
    return format(round_ratio(*percent.as_integer_ratio(), CENT_PLACES), "f")


MAX_SHOWN_PLACES = 12


def ratio_percent_beside(numerator: int, denominator: int, percent: Decimal) -> str:
    """Show numerator ÷ denominator as a percentage with enough decimals that it never reads as equal to a
    threshold percentage it differs from (two decimals at least; more only where two would round onto it)."""
    threshold_numerator, threshold_denominator = percent.as_integer_ratio()
    exactly_equal = numerator * threshold_denominator * PERCENT == threshold_numerator * denominator
    places = CENT_PLACES
    shown = round_ratio(numerator * PERCENT, denominator, places)
    while not exactly_equal and shown == percent and places < MAX_SHOWN_PLACES:
        places += 1
        shown = round_ratio(numerator * PERCENT, denominator, places)
    return format(shown, "f")
