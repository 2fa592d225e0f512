"""Recognise the common typing mistakes of Chinese input methods in YAML, and say in both languages what to type.

Each finding is (line, column, field, English, Chinese), 1-based, read from the text line by line before
YAML parses it: some of these mistakes break the parse (PyYAML then points a line late and names no
field), others parse but silently change a value (a ' #' cuts the text, curly quotes become part of it).
"""
import re

KEY = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*) *[:：，]")
FULL_WIDTH_AFTER_KEY = re.compile(r"^(?P<head> *(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*) *)(?P<mark>[：，])")
NO_SPACE_AFTER_COLON = re.compile(r"^(?P<head> *(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*):)(?=[^\s:])")
KEY_VALUE = re.compile(r"^(?P<head> *(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*): +)(?P<value>\S.*)$")
IDEOGRAPHIC_SPACE = "\u3000"
NOT_PLAIN = tuple("\"'[{|>&*!")


# Every recognised mistake in text, in line order, as (line, column, field, English, Chinese).
def typing_mistakes(text: str) -> list:
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.lstrip(" " + IDEOGRAPHIC_SPACE).startswith("#"):
            continue
        mistake = _mistake(line)
        if mistake:
            column, english, chinese = mistake
            found.append((index + 1, column, field_at(lines, index), english, chinese))
    return found


# The first mistake on one line, as (column, English, Chinese), or None.
def _mistake(line: str):
    for check in (_full_width_indent, _full_width_after_key, _no_space_after_colon, _value_mistake):
        mistake = check(line)
        if mistake:
            return mistake
    return None


# Indentation typed with full-width spaces (U+3000).
def _full_width_indent(line: str):
    indent = line[:len(line) - len(line.lstrip(" " + IDEOGRAPHIC_SPACE))]
    if IDEOGRAPHIC_SPACE not in indent:
        return None
    return (indent.index(IDEOGRAPHIC_SPACE) + 1,
            "indented with full-width spaces (U+3000); indent with ordinary half-width spaces "
            "(switch the input method to half-width)",
            "用全角空格缩进；请改用半角空格缩进（把输入法切换到半角）")


# A full-width colon or comma typed after a key, e.g. en：Text.
def _full_width_after_key(line: str):
    match = FULL_WIDTH_AFTER_KEY.match(line)
    if not match:
        return None
    key, mark = match["key"], match["mark"]
    name, name_zh = ("colon", "冒号") if mark == "：" else ("comma", "逗号")
    return (len(match["head"]) + 1,
            f"full-width {name} '{mark}' after the key '{key}'; type a half-width colon and a space: '{key}: '",
            f"键“{key}”后面用了全角{name_zh}“{mark}”；请改为半角冒号加空格：“{key}: ”")


# A key followed by a colon but no space, e.g. en:Text.
def _no_space_after_colon(line: str):
    match = NO_SPACE_AFTER_COLON.match(line)
    if not match:
        return None
    key = match["key"]
    return (len(match["head"]),
            f"no space after the colon of '{key}'; type a colon and then a space: '{key}: '",
            f"“{key}:”的冒号后缺少空格；请在冒号后加一个半角空格：“{key}: ”")


# A value in curly quotes, or unquoted text holding ': ' or ' #'.
def _value_mistake(line: str):
    match = KEY_VALUE.match(line)
    if not match:
        return None
    key, value, start = match["key"], match["value"].rstrip(), len(match["head"]) + 1
    if value[0] in "“‘" and value[-1] in "”’" and len(value) > 1:
        inner = value[1:-1].replace('"', '\\"')
        return (start, f"the value is in Chinese curly quotes {value[0]}{value[-1]}; YAML needs straight quotes: "
                       f"{key}: \"{inner}\"",
                f"值两边用了中文引号{value[0]}{value[-1]}；YAML 需要英文直引号：{key}: \"{inner}\"")
    if value.startswith(NOT_PLAIN):
        return None
    colon = value.find(": ") if ": " in value else (len(value) - 1 if value.endswith(":") else -1)
    if colon >= 0:
        return (start + colon, f"the text of '{key}' holds ': ' without quotes; put the whole text in double "
                               f"quotes: {key}: \"{value}\"",
                f"“{key}”的文字中有“: ”却没有加引号；请把整段文字放进英文双引号：{key}: \"{value}\"")
    comment = value.find(" #")
    if comment > 0 and re.search(r"[^\W\d_]", value[:comment]):
        return (start + comment + 1,
                f"the text of '{key}' holds ' #', which YAML reads as the start of a comment and cuts the text; "
                f"put the whole text in double quotes: {key}: \"{value}\"",
                f"“{key}”的文字中有“ #”，YAML 会把其后内容当作注释删去；请把整段文字放进英文双引号：{key}: \"{value}\"")
    return None


# The dotted field of line index, e.g. clauses[1].en, read from the indentation of the lines above.
def field_at(lines: list, target: int) -> str:
    stack = []  # (column, part, is_item)
    for line in lines[:target + 1]:
        line = line.replace(IDEOGRAPHIC_SPACE, "  ")
        match = KEY.match(line)
        if not line.strip() or line.lstrip().startswith("#") or not (match or line.lstrip().startswith("- ")):
            continue
        column = len(line) - len(line.lstrip(" "))
        if line[column:].startswith("- "):
            index = 0
            while stack and (stack[-1][0] > column or (stack[-1][0] == column and stack[-1][2])):
                popped = stack.pop()
                index = popped[1] + 1 if popped[2] and popped[0] == column else index
            stack.append((column, index, True))
            column = column + len(match["dash"]) if match and match["dash"] else None
        if match and column is not None:
            while stack and stack[-1][0] >= column and not (stack[-1][2] and stack[-1][0] < column):
                stack.pop()
            stack.append((column, match["key"], False))
    text = ""
    for _, part, is_item in stack:
        text += f"[{part}]" if is_item else (f".{part}" if text else part)
    return text
