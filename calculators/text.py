"""Bilingual text values, the form every message of the package takes."""


def bi(zh: str, en: str) -> dict:
    """Return a bilingual text as the {"zh", "en"} dict used in every result."""
    return {"zh": zh, "en": en}
