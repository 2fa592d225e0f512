"""`handbook diff OLD NEW`: what changed between two versions of the data, in Chinese and English, as Markdown."""
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from calculators.units import UNIT_WORDS

from .data.dataset import load_dataset
from .data.errors import DataInvalid
from .data.export import export_dataset

FIELD_NAMES = {
    "name": ("名称", "name"), "rule": ("规则", "rule"), "unit": ("单位", "unit"), "measure": ("措施", "measure"),
    "clause": ("条款", "clause"), "quote": ("引文", "quote"), "reading": ("解读", "reading"),
    "variants": ("别称", "name variants"), "kind": ("类别", "kind"), "text": ("内容", "text"),
    "annex2_row": ("附件2行", "Annex 2 row"), "part": ("部分", "part"), "section": ("所属部分", "section"),
}
LANGUAGES = (("zh", "中文", "Chinese"), ("en", "英文", "English"))


@dataclass(frozen=True)
class Change:
    """One change, said once in Chinese and once in English."""

    zh: str
    en: str


class RevisionNotFound(Exception):
    """A side of the diff is neither a data folder nor a git revision holding one."""


# Print the changes from OLD to NEW as Markdown; exit 1 when either side does not validate.
def run(args) -> int:
    sides, invalid = [], False
    for side in (args.old, args.new):
        try:
            sides.append(load_side(side, args.data))
        except DataInvalid as errors:
            report_invalid(side, errors)
            invalid = True
        except RevisionNotFound as missing:
            print(f"'{side}' is neither a data folder nor a git revision holding {args.data}: {missing}",
                  file=sys.stderr)
            return 2
    if invalid:
        return 1
    print(markdown(args.old, args.new, grouped_changes(*sides)))
    return 0


# Load one side: a data folder as it is, or the data folder as committed in a git revision.
def load_side(side: str, data: str) -> dict:
    if Path(side).is_dir():
        return export_dataset(load_dataset(side))
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as folder:
        return export_dataset(load_dataset(export_revision(side, data, Path(folder))))


# Write the data folder as committed in a git revision into folder; return where it landed.
def export_revision(revision: str, data: str, folder: Path) -> Path:
    where = Path(data).resolve()
    top = git("-C", str(where if where.is_dir() else Path.cwd()), "rev-parse", "--show-toplevel").decode("utf-8").strip()
    inside = Path(os.path.relpath(Path(data).resolve(), top)).as_posix()
    archive = git("-C", top, "archive", "--format=tar", revision, "--", inside)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / inside


# Run git and return its output, or raise RevisionNotFound with git's own message.
def git(*args) -> bytes:
    done = subprocess.run(["git", *args], capture_output=True)
    if done.returncode:
        raise RevisionNotFound(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


# Print a side's data errors the way validate does, under the side's name.
def report_invalid(side: str, invalid: DataInvalid) -> None:
    print(f"{side}: the data does not validate", file=sys.stderr)
    for block in invalid.blocks:
        print(block, file=sys.stderr)
    print(f"{len(invalid.errors)} error(s) in {side}", file=sys.stderr)


# The changes of every kind, as (Chinese heading, English heading, changes) for the kinds that changed.
def grouped_changes(old: dict, new: dict) -> list:
    groups = (("措施", "Measures", measure_changes), ("参数", "Parameters", parameter_changes),
              ("单位", "Units", unit_changes), ("附件2", "Annex 2", annex2_changes),
              ("编者注", "Editorial notes", note_changes), ("修订记录", "Revisions", revision_changes),
              ("其他", "Other", other_changes))
    found = [(zh, en, list(changes(old, new))) for zh, en, changes in groups]
    return [group for group in found if group[2]]


# The whole report as Markdown: a heading, both versions, then one list per kind of change.
def markdown(old_name: str, new_name: str, groups: list) -> str:
    lines = ["## 数据变更说明 / Data changes", "", f"- 旧版 / Old: `{old_name}`", f"- 新版 / New: `{new_name}`", ""]
    if not groups:
        return "\n".join(lines + ["无变更：两个版本的数据相同。 / No changes: both versions hold the same data."])
    for zh, en, changes in groups:
        lines += [f"### {zh} / {en}", ""] + [f"- {change.zh}\n  {change.en}" for change in changes] + [""]
    count = sum(len(changes) for _, _, changes in groups)
    return "\n".join(lines + [f"共{count}处变更。 / {count} change(s)."])


# Items of a list keyed by one of their fields.
def keyed(items, key: str) -> dict:
    return {item[key]: item for item in items}


# Each key of two keyed collections with its item before and after (None where absent): the given
# keys, or by default the old keys in their order followed by the new ones.
def paired(before: dict, after: dict, keys=None):
    keys = keys if keys is not None else list(before) + [key for key in after if key not in before]
    for key in keys:
        yield key, before.get(key), after.get(key)


# A value as shown in one language: text quoted, a list joined, a number as is, a dash for nothing.
def shown(value, language: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return f"“{value[language]}”"
    if isinstance(value, list):
        return ("、" if language == "zh" else ", ").join(shown(item, language) for item in value)
    return f"“{value}”" if isinstance(value, str) else str(value)


# One change per language whose text differs, e.g. a clause whose English was reworded.
def text_changes(zh_label: str, en_label: str, before, after):
    for language, zh_name, en_name in LANGUAGES:
        old, new = shown(before, language), shown(after, language)
        if old != new:
            yield Change(f"{zh_label}（{zh_name}）：{old} → {new}", f"{en_label} ({en_name}): {old} → {new}")


# Changes of the named fields of a record; text in both languages is compared language by language.
def field_changes(zh_label: str, en_label: str, before: dict, after: dict, fields):
    for field in fields:
        old, new = before.get(field), after.get(field)
        zh_field, en_field = FIELD_NAMES[field]
        if old == new:
            continue
        if isinstance(old, dict) or isinstance(new, dict):
            yield from text_changes(f"{zh_label}{zh_field}", f"{en_label} {en_field}", old, new)
        else:
            yield Change(f"{zh_label}{zh_field}：{shown(old, 'zh')} → {shown(new, 'zh')}",
                         f"{en_label} {en_field}: {shown(old, 'en')} → {shown(new, 'en')}")


# The English names of the units a responsible list names.
def unit_names(data: dict, responsible: dict) -> str:
    names = {unit["id"]: unit["name"]["en"] for unit in data["units"]}
    return ", ".join(names.get(unit_id, unit_id) for unit_id in responsible["units"])


# The responsible units of a measure or an Annex 2 row, if they changed.
def responsible_changes(zh_label: str, en_label: str, old: dict, new: dict, before: dict, after: dict):
    if before != after:
        yield Change(f"{zh_label}责任单位：{before['written']} → {after['written']}",
                     f"{en_label} responsible units: {unit_names(old, before)} → {unit_names(new, after)}")


# Measures added or removed, and changes to a measure's title, section, clauses or responsible units.
def measure_changes(old: dict, new: dict):
    before, after = keyed(old["measures"], "number"), keyed(new["measures"], "number")
    for number, was, now in paired(before, after, sorted(before.keys() | after.keys())):
        if now is None:
            yield Change(f"删除第{number}条措施：{shown(was['title'], 'zh')}", f"Measure {number} removed: {shown(was['title'], 'en')}")
        elif was is None:
            yield Change(f"新增第{number}条措施：{shown(now['title'], 'zh')}", f"Measure {number} added: {shown(now['title'], 'en')}")
        else:
            yield from one_measure_changes(number, old, new, was, now)


# What changed inside one measure.
def one_measure_changes(number: int, old: dict, new: dict, before: dict, after: dict):
    zh_label, en_label = f"第{number}条措施", f"Measure {number}"
    yield from text_changes(f"{zh_label}标题", f"{en_label} title", before["title"], after["title"])
    yield from field_changes(zh_label, en_label, before, after, ("section",))
    yield from clause_changes(number, keyed(before["clauses"], "id"), keyed(after["clauses"], "id"))
    yield from responsible_changes(zh_label, en_label, old, new, before["responsible"], after["responsible"])


# Clauses of one measure added, removed or reworded, named by clause id.
def clause_changes(number: int, before: dict, after: dict):
    for clause_id, was, now in paired(before, after):
        zh_label, en_label = f"第{number}条 {clause_id}", f"Measure {number}, clause {clause_id}"
        if now is None:
            yield Change(f"{zh_label} 删除：“{was['zh']}”", f"{en_label} removed: “{was['en']}”")
        elif was is None:
            yield Change(f"{zh_label} 新增：“{now['zh']}”", f"{en_label} added: “{now['en']}”")
        else:
            yield from text_changes(f"{zh_label} 条文", f"{en_label} text", clause_text(was), clause_text(now))


# A clause's text in both languages, without its id.
def clause_text(clause: dict) -> dict:
    return {"zh": clause["zh"], "en": clause["en"]}


# A parameter value with its unit and period, in one language.
def dated_value(parameter: dict, entry: dict, language: str) -> str:
    value = UNIT_WORDS[parameter["unit"]][language].format(v=entry["value"])
    if language == "zh":
        period = f"{entry['start']}至{entry['end']}" if entry["end"] else f"{entry['start']}起，未定截止日"
        return f"{value}（{period}）"
    period = f"{entry['start']} to {entry['end']}" if entry["end"] else f"from {entry['start']}, no end date"
    return f"{value} ({period})"


# Every dated value of a parameter, in one language.
def all_values(parameter: dict, language: str) -> str:
    return ("；" if language == "zh" else "; ").join(dated_value(parameter, entry, language)
                                                    for entry in parameter["values"])


# Parameters added or removed, their dated values changed, and changes to their other fields.
def parameter_changes(old: dict, new: dict):
    for parameter_id, was, now in paired(old["parameters"], new["parameters"]):
        if now is None:
            yield Change(f"删除参数 `{parameter_id}`（{was['name']['zh']}）：{all_values(was, 'zh')}",
                         f"Parameter `{parameter_id}` ({was['name']['en']}) removed: {all_values(was, 'en')}")
        elif was is None:
            yield Change(f"新增参数 `{parameter_id}`（{now['name']['zh']}），第{now['measure']}条 "
                         f"{now['clause']}：{all_values(now, 'zh')}",
                         f"Parameter `{parameter_id}` ({now['name']['en']}) added, measure {now['measure']} "
                         f"clause {now['clause']}: {all_values(now, 'en')}")
        else:
            yield from one_parameter_changes(parameter_id, was, now)


# What changed in one parameter: its dated values first, then its other fields.
def one_parameter_changes(parameter_id: str, before: dict, after: dict):
    zh_label = f"参数 `{parameter_id}`（{after['name']['zh']}）"
    en_label = f"Parameter `{parameter_id}` ({after['name']['en']})"
    old_values, new_values = keyed(before["values"], "start"), keyed(after["values"], "start")
    for _, old_entry, new_entry in paired(old_values, new_values, sorted(old_values.keys() | new_values.keys())):
        if old_entry is None:
            yield Change(f"{zh_label}新增取值：{dated_value(after, new_entry, 'zh')}",
                         f"{en_label}: value added: {dated_value(after, new_entry, 'en')}")
        elif new_entry is None:
            yield Change(f"{zh_label}删除取值：{dated_value(before, old_entry, 'zh')}",
                         f"{en_label}: value removed: {dated_value(before, old_entry, 'en')}")
        elif (old_entry, before["unit"]) != (new_entry, after["unit"]):
            yield Change(f"{zh_label}取值：{dated_value(before, old_entry, 'zh')} → {dated_value(after, new_entry, 'zh')}",
                         f"{en_label}: value {dated_value(before, old_entry, 'en')} → {dated_value(after, new_entry, 'en')}")
    yield from field_changes(zh_label, en_label, before, after,
                             ("name", "rule", "unit", "measure", "clause", "quote", "reading"))


# Units added, removed, renamed, or given other name variants.
def unit_changes(old: dict, new: dict):
    for unit_id, was, now in paired(keyed(old["units"], "id"), keyed(new["units"], "id")):
        if now is None:
            yield Change(f"删除单位 `{unit_id}`：{was['name']['zh']}", f"Unit `{unit_id}` removed: {was['name']['en']}")
        elif was is None:
            yield Change(f"新增单位 `{unit_id}`：{now['name']['zh']}", f"Unit `{unit_id}` added: {now['name']['en']}")
        else:
            yield from field_changes(f"单位 `{unit_id}` ", f"Unit `{unit_id}`", was, now, ("name", "variants"))


# Every Annex 2 row keyed by id, with the measure of its task.
def annex2_rows(data: dict) -> dict:
    return {row["id"]: {**row, "measure": task["measure"]} for task in data["annex2"]["tasks"] for row in task["rows"]}


# Annex 2 task titles changed, and rows added, removed, reworded, moved or given other units.
def annex2_changes(old: dict, new: dict):
    old_tasks, new_tasks = keyed(old["annex2"]["tasks"], "measure"), keyed(new["annex2"]["tasks"], "measure")
    for number in sorted(old_tasks.keys() & new_tasks.keys()):
        yield from text_changes(f"附件2第{number}条任务", f"Annex 2 task of measure {number}",
                                old_tasks[number]["title"], new_tasks[number]["title"])
    before, after = annex2_rows(old), annex2_rows(new)
    for row_id, was, now in paired(before, after, sorted(before.keys() | after.keys())):
        if now is None:
            yield Change(f"附件2删除 {row_id}（第{was['measure']}条）：{was['text']['zh']}",
                         f"Annex 2 row {row_id} (measure {was['measure']}) removed: {was['text']['en']}")
        elif was is None:
            yield Change(f"附件2新增 {row_id}（第{now['measure']}条）：{now['text']['zh']}",
                         f"Annex 2 row {row_id} (measure {now['measure']}) added: {now['text']['en']}")
        else:
            yield from field_changes(f"附件2 {row_id} ", f"Annex 2 row {row_id}", was, now, ("measure", "text"))
            yield from responsible_changes(f"附件2 {row_id} ", f"Annex 2 row {row_id}", old, new,
                                           was["responsible"], now["responsible"])


# Editorial notes added, removed or changed.
def note_changes(old: dict, new: dict):
    for note_id, was, now in paired(keyed(old["notes"], "id"), keyed(new["notes"], "id")):
        if now is None:
            yield Change(f"删除编者注 `{note_id}`：{was['text']['zh']}", f"Editorial note `{note_id}` removed: {was['text']['en']}")
        elif was is None:
            yield Change(f"新增编者注 `{note_id}`：{now['text']['zh']}", f"Editorial note `{note_id}` added: {now['text']['en']}")
        else:
            yield from field_changes(f"编者注 `{note_id}` ", f"Editorial note `{note_id}`", was, now,
                                     ("kind", "quote", "text", "measure", "annex2_row", "unit", "part"))


# Revisions added or removed, each amendment of an added revision in words; an edited revision shows as one
# removed and one added.
def revision_changes(old: dict, new: dict):
    for revision in new["revisions"]:
        if revision not in old["revisions"]:
            yield Change(f"新增修订记录（{revision['date']}）：{revision['changes']['zh']}",
                         f"Revision added ({revision['date']}): {revision['changes']['en']}")
            yield from (amendment_change(new, revision, amendment) for amendment in revision.get("amends", ()))
    for revision in old["revisions"]:
        if revision not in new["revisions"]:
            yield Change(f"删除修订记录（{revision['date']}）：{revision['changes']['zh']}",
                         f"Revision removed ({revision['date']}): {revision['changes']['en']}")


# One amendment in words: which instrument changes which clause's text or parameter's value, from when.
def amendment_change(new: dict, revision: dict, amendment: dict) -> Change:
    instrument = revision["instrument"]
    by_zh, by_en = f"{instrument['number']['zh']}（{instrument['date']}）", f"{instrument['number']['en']} ({instrument['date']})"
    start = amendment["from"]
    if "clause" in amendment:
        number, clause_id = amendment["clause"]["measure"], amendment["clause"]["id"]
        return Change(f"{by_zh}修改第{number}条 {clause_id}，自{start}起施行：“{amendment['text']['zh']}”",
                      f"{by_en} amends measure {number}, clause {clause_id}, from {start}: “{amendment['text']['en']}”")
    parameter = new["parameters"][amendment["parameter"]]
    value = {language: UNIT_WORDS[parameter["unit"]][language].format(v=amendment["value"]) for language in ("zh", "en")}
    return Change(f"{by_zh}将参数 `{parameter['id']}`（{parameter['name']['zh']}）自{start}起改为{value['zh']}",
                  f"{by_en} sets parameter `{parameter['id']}` ({parameter['name']['en']}) to {value['en']} from {start}")


# Any change in the notice, the sections or Annex 1, named by its place in the file.
def other_changes(old: dict, new: dict):
    for part, zh_name, en_name in (("document", "通知", "Notice"), ("sections", "部分", "Sections"),
                                   ("annex1", "附件1", "Annex 1")):
        before, after = dict(flatten(old[part])), dict(flatten(new[part]))
        for path in list(before) + [path for path in after if path not in before]:
            if before.get(path) != after.get(path):
                old_text, new_text = shown(before.get(path), "zh"), shown(after.get(path), "zh")
                yield Change(f"{zh_name} {path}：{old_text} → {new_text}", f"{en_name} {path}: {old_text} → {new_text}")


# Yield (place, value) for every plain value inside a part, e.g. ("members[3].name.zh", "…").
def flatten(value, place: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{place}.{key}" if place else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from flatten(item, f"{place}[{index}]")
    else:
        yield place, value
