"""Each language in its own field: an `en` text mostly in Chinese characters, or a `zh` text with none, is an error."""
import re

from .errors import said

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")


# (path suffix, message) for a bilingual value whose texts are in the wrong language.
def language_problems(value) -> list:
    if not isinstance(value, dict):
        return []
    found = []
    english, chinese = value.get("en"), value.get("zh")
    if isinstance(english, str) and english.strip() and len(HAN.findall(english)) > len(LATIN.findall(english)):
        found.append((("en",), said(
            f"the English text is mostly Chinese characters ({_start(english)}); put the English translation here "
            "and the Chinese in zh",
            f"英文（en）一栏大部分是汉字（{_start(english)}）；此处应填英文译文，中文请填在 zh 一栏")))
    if isinstance(chinese, str) and chinese.strip() and not HAN.search(chinese):
        found.append((("zh",), said(
            f"the Chinese text has no Chinese characters ({_start(chinese)}); put the Chinese original here "
            "and the English in en",
            f"中文（zh）一栏没有汉字（{_start(chinese)}）；此处应填中文原文，英文请填在 en 一栏")))
    return found


# The first words of a text, to show which text is meant.
def _start(text: str) -> str:
    return f"“{text[:20]}…”" if len(text) > 20 else f"“{text}”"
