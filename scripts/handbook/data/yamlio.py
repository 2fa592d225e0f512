"""Strict YAML reading: no type guessing, no duplicate keys, every value located."""
from pathlib import Path

import yaml

from .errors import DataError, said
from .numbers import NUMBER_LIKE, Unquoted, is_whole
from .typing_mistakes import typing_mistakes


class StrictLoader(yaml.SafeLoader):
    """A SafeLoader that keeps dates and decimals as the strings the official typed."""


class FastStrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same rules on libyaml, when available, for files that parse; errors come from StrictLoader."""


# Keep only true/false as booleans and drop date and float guessing, for one loader class.
def _strict_resolvers(loader) -> None:
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver("tag:yaml.org,2002:bool", yaml.resolver.re.compile(r"^(?:true|false)$"), list("tf"))


_strict_resolvers(StrictLoader)
_strict_resolvers(FastStrictLoader)


# Compose text with libyaml when it parses, else with the pure parser for its precise error.
def _compose(text: str):
    try:
        return yaml.compose(text, Loader=FastStrictLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=StrictLoader)


class Located:
    """A parsed document plus the line and column of every value in it."""

    def __init__(self, file: str, data, marks):
        self.file = file
        self.data = data
        self.marks = marks

    # Return the error for path, located at the path or its nearest located parent.
    def error(self, path: tuple, message: str) -> DataError:
        probe = tuple(path)
        while probe not in self.marks and probe:
            probe = probe[:-1]
        line, column = self.marks.get(probe, (1, 1))
        return DataError(self.file, line, column, dotted(path), message)


# Render a path like ("clauses", 2, "en") as clauses[2].en.
def dotted(path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# Read one YAML file strictly; return a Located document or the errors found.
def read_yaml(path: Path, display: str):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [DataError(display, 1, 1, "", f"file is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
    if not text.strip():
        return None, [DataError(display, 1, 1, "", "file is empty")]
    tab = _tab_indentation(text)
    if tab:
        return None, [DataError(display, tab, 1, "", "tab used for indentation; YAML needs spaces")]
    mistakes = typing_mistakes(text)
    if mistakes:
        return None, [DataError(display, line, column, field, said(english, chinese))
                      for line, column, field, english, chinese in mistakes]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return None, [DataError(display, mark.line + 1, mark.column + 1, "", _syntax_error(exc.problem))]
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + 1
        return None, [DataError(display, line, 1, "", f"character not allowed in YAML: {exc.reason}")]
    if node is None:
        return Located(display, None, {}), []
    marks, errors = {}, []
    data = _construct(node, (), marks, errors, display)
    return Located(display, data, marks), errors


# A parse error that is not a recognised typing mistake, with PyYAML's own words on the last line.
def _syntax_error(problem: str) -> str:
    return said("YAML syntax error here or on the line above; check the indentation, colons and quotes",
                "YAML 语法错误（在此行或上一行）；请检查缩进、冒号和引号") + f"\n    PyYAML: {problem}"


# Find the first line indented with a tab, if any.
def _tab_indentation(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:len(line) - len(line.lstrip())].count("\t"):
            return number
    return 0


# A scalar as typed: a plain whole number as int, other unquoted number-like text marked Unquoted, else text.
def _number_or_text(node):
    if node.style:  # quoted or block; plain is None in PyYAML and '' in libyaml
        return node.value
    if node.tag == "tag:yaml.org,2002:int" and is_whole(node.value):
        return int(node.value)
    return Unquoted(node.value) if NUMBER_LIKE.match(node.value) else node.value


# Turn a YAML node into plain data, recording marks and refusing duplicate keys.
def _construct(node, path, marks, errors, display):
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(DataError(display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        dotted(path), "keys must be plain text"))
                continue
            key = key_node.value
            if key in result:
                errors.append(DataError(display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        dotted(path + (key,)), f"duplicate key '{key}'"))
                continue
            result[key] = _construct(value_node, path + (key,), marks, errors, display)
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path + (index,), marks, errors, display) for index, item in enumerate(node.value)]
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int"):
        return _number_or_text(node)
    try:
        return StrictLoader("").construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        errors.append(DataError(display, *marks[path], dotted(path), f"unsupported value: {exc.problem}"))
        return None
