"""Error reports an official can act on: causes first, each with its consequences summarised, then the rest
sorted by file and line."""
from collections import defaultdict
from dataclasses import replace

from .wording import said

SHOWN_PLACES = 8


# The error marked as a consequence of a cause shared with other errors, e.g. "unit id 'finance' is not in units.yaml".
def caused(error, english: str, chinese: str):
    return replace(error, cause=(english, chinese))


# The cause, in English and Chinese, of every reference to a unit id that units.yaml lacks.
def missing_unit(unit_id) -> tuple:
    return (f"unit '{unit_id}' is not in units.yaml (removed or renamed?)",
            f"单位“{unit_id}”不在 units.yaml 中（是否被删除或改名？）")


# The error marked as a cause in itself (e.g. a duplicate id), to be printed before everything else.
def first(error):
    return replace(error, first=True)


# The report as blocks of text, one per problem: causes, grouped consequences, then single errors by file and line.
def report_blocks(errors) -> list:
    groups = defaultdict(list)
    for error in sorted(errors):
        groups[error.cause].append(error)
    singles = [error for cause, found in groups.items() for error in found if not cause or len(found) == 1]
    grouped = sorted((found for cause, found in groups.items() if cause and len(found) > 1), key=lambda found: found[0])
    causes = [str(error) for error in singles if error.first]
    rest = [str(error) for error in singles if not error.first]
    return causes + [_group(found) for found in grouped] + rest


# One grouped cause: where it first shows, the cause, how many errors it makes and where.
def _group(found) -> str:
    english, chinese = found[0].cause
    places = ", ".join(f"{error.file.split('/', 1)[-1]}:{error.line}" for error in found[:SHOWN_PLACES])
    more = f", … and {len(found) - SHOWN_PLACES} more" if len(found) > SHOWN_PLACES else ""
    more_zh = f"，……另有{len(found) - SHOWN_PLACES}处" if len(found) > SHOWN_PLACES else ""
    head = f"{found[0].file}:{found[0].line}:{found[0].column}: {found[0].field}: "
    return head + said(f"{english}; this causes {len(found)} errors: {places}{more}",
                       f"{chinese}；由此产生{len(found)}个错误：{places}{more_zh}") + \
        "\n    " + f"first of them: {found[0].message.splitlines()[0]}"

