"""Input errors: the two kinds the contract names and the way they are reported."""
from .text import bi

VALIDATION = "ValidationError"
INCONSISTENT = "InconsistentInput"


def input_error(kind: str, field: str, zh: str, en: str) -> dict:
    """Build one error entry {kind, field, message}."""
    return {"kind": kind, "field": field, "message": bi(zh, en)}


def invalid_value(field: str, zh: str, en: str) -> dict:
    """Build a ValidationError: the field is malformed or out of range."""
    return input_error(VALIDATION, field, zh, en)


def inconsistent(field: str, zh: str, en: str) -> dict:
    """Build an InconsistentInput error: the field contradicts another one."""
    return input_error(INCONSISTENT, field, zh, en)


def required(field: str) -> dict:
    """Build the ValidationError for a required field that was left out."""
    return invalid_value(field, "此项必填", "this field is required")
