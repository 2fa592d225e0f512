"""The shape of every policy_data file, used both to validate and to publish a JSON Schema."""
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from calculators.units import UNIT_NAMES

from .errors import said
from .language import language_problems
from .numbers import VALUE_PATTERN, value_fix, whole_fix

SLUG = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
TODO = "TODO"


@dataclass(frozen=True)
class Kind:
    """A value shape: a check that returns error messages, and a note for officials (doc)."""

    doc: str = ""

    # Return (path suffix, message) pairs for every problem with value.
    def problems(self, value):
        return []


@dataclass(frozen=True)
class Text(Kind):
    """A plain string; a pattern and an enumeration may narrow it; example shows a pattern's form in plain words."""

    pattern: str = ""
    choices: tuple = ()
    example: str = ""

    # Check type, emptiness, TODO markers, pattern and choices.
    def problems(self, value):
        if not isinstance(value, str):
            return [((), f"expected text, got {type_name(value)}")]
        if not value.strip():
            return [((), "must not be empty")]
        if TODO in value:
            return [((), "still marked TODO; fill it in")]
        if self.choices and value not in self.choices:
            return [((), f"'{value}' is not one of {list(self.choices)}")]
        if self.pattern and not re.match(self.pattern, value) and self.example:
            return [((), f"'{value}' is not written as expected; write it like {self.example}")]
        if self.pattern and not re.match(self.pattern, value):
            return [((), f"'{value}' does not match the pattern {self.pattern}")]
        hidden = [char for char in value if unicodedata.category(char) in ("Cc", "Cf") and char != "\n"]
        if hidden:
            return [((), f"contains an invisible control or formatting character (U+{ord(hidden[0]):04X})")]
        return []


@dataclass(frozen=True)
class Integer(Kind):
    """A whole number with an optional minimum."""

    minimum: int = 0

    # Check that value is an int (not a bool) at or above the minimum; text gets the number grammar's fix.
    def problems(self, value):
        if isinstance(value, str):
            return [((), said(*whole_fix(value)))]
        if isinstance(value, bool) or not isinstance(value, int):
            return [((), f"expected a whole number, got {type_name(value)}")]
        if value < self.minimum:
            return [((), f"must be at least {self.minimum}")]
        return []


@dataclass(frozen=True)
class Day(Kind):
    """An ISO date kept as the string the official typed."""

    nullable: bool = False

    # Check the YYYY-MM-DD form and that the day exists.
    def problems(self, value):
        if value is None and self.nullable:
            return []
        if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            return [((), f"expected a date written YYYY-MM-DD, got {value!r}")]
        try:
            date.fromisoformat(value)
        except ValueError:
            return [((), f"'{value}' is not a real date")]
        return []


@dataclass(frozen=True)
class Bilingual(Kind):
    """Text in Chinese and English; source text must be the document's own words."""

    source: bool = True

    # Check both languages are present, non-empty, nothing else is there, and each is in its language.
    def problems(self, value):
        return Record({"zh": Text(), "en": Text()}).problems(value) or language_problems(value)


@dataclass(frozen=True)
class Items(Kind):
    """A list whose items all share one shape."""

    item: Kind = None
    min_items: int = 1

    # Check it is a list with enough items, then check every item.
    def problems(self, value):
        if not isinstance(value, list):
            return [((), f"expected a list, got {type_name(value)}")]
        if len(value) < self.min_items:
            return [((), f"needs at least {self.min_items} item(s)")]
        return [((index,) + sub, message) for index, item in enumerate(value)
                for sub, message in self.item.problems(item)]


class Record(Kind):
    """A mapping with required and optional properties and nothing else."""

    def __init__(self, required: dict, optional: dict = None, doc: str = "", source_keys: tuple = ()):
        super().__init__(doc=doc)
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "optional", optional or {})
        object.__setattr__(self, "source_keys", source_keys)

    # Check for missing and unexpected properties, then check each property.
    def problems(self, value):
        if not isinstance(value, dict):
            return [((), f"expected a mapping, got {type_name(value)}")]
        allowed = list(self.required) + list(self.optional)
        found = [((key,), f"unexpected property '{key}'. Allowed properties are {allowed}")
                 for key in value if key not in allowed]
        found += [((), f"missing required property '{key}'") for key in self.required if key not in value]
        for key, kind in {**self.required, **self.optional}.items():
            if key in value:
                found += [((key,) + sub, message) for sub, message in kind.problems(value[key])]
        return found


@dataclass(frozen=True)
class Scalar(Kind):
    """A parameter value: a plain decimal number or a date, written in quotes (see numbers.py)."""


    # Check the value is quoted text in the number grammar, or an ISO date that exists.
    def problems(self, value):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return [((), f"expected a number or a date, got {type_name(value)}")]
        fix = value_fix(value)
        if fix:
            return [((), said(*fix))]
        text = str(value)
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return Day().problems(text)
        if not re.fullmatch(VALUE_PATTERN, text):
            return [((), f"'{text}' is neither a number nor a date")]
        return []


@dataclass(frozen=True)
class Flag(Kind):
    """A statement the official makes on purpose, written `true` (e.g. confirmed: true); otherwise left out."""


    # Check the flag is written true.
    def problems(self, value):
        if value is not True:
            return [((), said(f"write true here, or remove the line (got {value!r})",
                              f"此处请写 true，或删去这一行（现在是 {value!r}）"))]
        return []


@dataclass(frozen=True)
class Written(Text):
    """Text in one form readers act on (a phone number, a web link, an address): the fix in English and Chinese."""

    form: str = ""
    form_zh: str = ""

    # Check type, emptiness and the form, saying in both languages what to type; then the plain text checks.
    def problems(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return [((), said(f"{value} was read as a number; write {self.form} in quotes, like '{value}'",
                              f"{value} 被读成了数字；请把{self.form_zh}写在引号中，如 '{value}'"))]
        if isinstance(value, str) and not value.strip():
            return [((), said(f"must not be empty; write {self.form}, or remove the line",
                              f"不能为空；请填写{self.form_zh}，或删去这一行"))]
        if isinstance(value, str) and self.pattern and not re.match(self.pattern, value.strip()):
            return [((), said(f"'{value}' is not {self.form}; write it like {self.example}",
                              f"“{value}”不是{self.form_zh}；请写成 {self.example} 这样"))]
        return Text(choices=self.choices).problems(value)


# Name a Python value's type the way an official would understand it.
def type_name(value) -> str:
    kind = str if isinstance(value, str) else type(value)
    return {bool: "true/false", int: "a whole number", str: "text", list: "a list",
            dict: "a mapping", type(None): "nothing (null)"}.get(kind, kind.__name__)


# What an official may state beside a dated value: see plausibility.py and periods.py.
VALUE_STATEMENTS = {"confirmed": Flag(doc="this implausible-looking value is right (plausibility.py)"),
                    "gap_before": Flag(doc="no value is in force between the previous period and this one, "
                                           "on purpose (periods.py)")}
QUANTITY_UNITS = UNIT_NAMES
SOURCE = Bilingual(source=True)
OWN = Bilingual(source=False)
RESPONSIBLE = Record({"written": Text(), "units": Items(item=Text(pattern=SLUG))},
                     doc="The responsible units as written in the source, and their ids in units.yaml.",
                     source_keys=("written",))
CLAUSE = Record({"id": Text(pattern=r"^c[1-9][0-9]*$"), "zh": Text(), "en": Text()},
                doc="One sentence of a measure, with its anchor id.", source_keys=("zh",))

CLAUSE_ID = r"^c[1-9][0-9]*$"
PHONE = r"^(0[1-9][0-9]{1,2}-[1-9][0-9]{6,7}|1[3-9][0-9]{9})$"
WEB_LINK = r"^https?://[^\s/]+\S*$"
APPLY_ITEM = Record({"en": Text()}, {"clause": Text(pattern=CLAUSE_ID), "quote": Text(), "zh": Text()},
                    doc="One point of the how-to-apply card: either the document's words (clause, and quote, the "
                        "Chinese of that clause word for word) or what the responsible unit supplies (zh); en is "
                        "its English.")
CONTACT = Record({}, {
    "phones": Items(item=Written(pattern=PHONE, example="0632-6611234", form="a phone number as Chinese numbers "
                                 "are written (area code-number, or an 11-digit mobile number)",
                                 form_zh="电话号码（区号-号码，或11位手机号码）")),
    "address": Record({"zh": Written(form="the address in Chinese", form_zh="中文地址"),
                       "en": Written(form="the address in English", form_zh="英文地址")}),
    "link": Written(pattern=WEB_LINK, example="https://www.example.gov.cn/", form="a web link starting "
                    "https:// or http://", form_zh="以 https:// 或 http:// 开头的网址"),
}, doc="Where to ask, as the responsible unit supplies it: phone numbers, the address (zh and en), a web link.")
HOW_TO_APPLY = Record({}, {
    "who": Items(item=APPLY_ITEM), "conditions": Items(item=APPLY_ITEM), "materials": Items(item=APPLY_ITEM),
    "where": Items(item=Text(pattern=SLUG)), "time_limits": Items(item=APPLY_ITEM), "contact": CONTACT,
}, doc="How to apply: who benefits, the conditions, the materials, where to apply (unit ids of the responsible "
       "units the measure or its Annex 2 rows name), time limits and contact. Only what the document says or a "
       "responsible unit supplies; leave out what neither gives.")

INSTRUMENT = Record({"number": OWN, "title": OWN, "date": Day()}, {"link": Text(pattern=r"^https?://\S+$")},
                    doc="The amending instrument: its number, title, date of issue and, optionally, a link to it.")
AMENDMENT = Record({"from": Day()}, {
    "clause": Record({"measure": Integer(minimum=1), "id": Text(pattern=r"^c[1-9][0-9]*$")}), "text": OWN,
    "parameter": Text(pattern=SLUG), "value": Scalar(), "quote": Text(),
}, doc="One change from a date: a clause's new text (clause + text), or a parameter's new value "
       "(parameter + value + quote, the words of the clause text in force that state it).")

PUBLISHED = Record({"sha256": Text(pattern=r"^[0-9a-f]{64}$", example="64 lower-case hex digits, as `sha256sum original.txt` prints")},
                   {"link": Text(pattern=r"^https?://\S+$", example="https://www.example.gov.cn/art/2020/2/22/art_1.html")},
                   doc="The original as published: the SHA-256 of original.txt and, optionally, the official link to it.")

FILES = {
    "document": Record({
        "id": Text(pattern=r"^[a-z0-9][a-z0-9-]*$"), "issuer": SOURCE, "title": SOURCE, "number": SOURCE,
        "date": Day(), "date_as_written": SOURCE, "signed_by": SOURCE, "recipients": Items(item=SOURCE),
        "notice": SOURCE, "plan_title": SOURCE, "preamble": SOURCE, "attachments": Items(item=SOURCE, min_items=0),
    }, {"summary": OWN, "calculators": Items(item=Text(pattern=r"^[a-z0-9-]+$"), min_items=0), "original": PUBLISHED},
        doc="The notice: issuer, number, date, recipients, the plan's title and preamble, and the calculators "
            "of the calculators package that apply to it."),
    "units": Record({"units": Items(item=Record(
        {"id": Text(pattern=SLUG), "name": SOURCE}, {"variants": Items(item=Text())}))},
        doc="Every department, town and organisation named in the document."),
    "sections": Record({"sections": Items(item=Record(
        {"number": Integer(minimum=1), "numeral": Text(), "title": SOURCE}))}),
    "measure": Record({
        "number": Integer(minimum=1), "section": Integer(minimum=1), "title": SOURCE,
        "clauses": Items(item=CLAUSE),
        "responsible": RESPONSIBLE,
    }, {"how_to_apply": HOW_TO_APPLY},
        doc="One measure: its title, its text split into clauses, who is responsible and, optionally, how to apply."),
    "annex1": Record({
        "title": SOURCE, "office": SOURCE,
        "members": Items(item=Record({
            "role": Text(choices=("leader", "deputy_leader", "member")), "name": SOURCE,
            "pinyin": Text(), "post": SOURCE, "unit": Text(pattern=SLUG)})),
    }, doc="Annex 1: the leading group."),
    "annex2": Record({
        "title": SOURCE, "attachment_list_title": SOURCE, "columns": Items(item=SOURCE),
        "tasks": Items(item=Record({
            "measure": Integer(minimum=1), "title": SOURCE,
            "rows": Items(item=Record({"id": Text(pattern=r"^A2-\d{2}$"), "text": SOURCE,
                                       "responsible": RESPONSIBLE}))})),
    }, doc="Annex 2: the task list, row by row."),
    "parameters": Record({"parameters": Items(item=Record({
        "id": Text(pattern=SLUG), "name": OWN, "rule": Text(pattern=r"^R\d+\.\d+$"),
        "unit": Text(choices=QUANTITY_UNITS),
        "source": Record({"measure": Integer(minimum=1), "clause": Text(pattern=r"^c[1-9][0-9]*$"),
                          "quote": Text()}),
        "values": Items(item=Record({"start": Day(), "end": Day(nullable=True), "value": Scalar()},
                                    VALUE_STATEMENTS)),
    }, {"reading": OWN}))}, doc="Numbers and dates the calculators use, each with its clause and quote."),
    "notes": Record({"notes": Items(item=Record({
        "id": Text(pattern=r"^[a-z0-9-]+$"),
        "kind": Text(choices=("typo", "name_variant", "annex_difference", "title_mismatch", "layout")),
        "quote": Text(), "text": OWN,
    }, {"measure": Integer(minimum=1), "annex2_row": Text(pattern=r"^A2-\d{2}$"), "unit": Text(pattern=SLUG),
        "part": Text(choices=("notice", "annex1", "annex2"))}))},
        doc="Editorial notes: what is irregular in the source and how to read it. The source stays unchanged."),
    "revisions": Record({"revisions": Items(item=Record(
        {"date": Day(), "changes": OWN}, {"document": OWN, "instrument": INSTRUMENT, "amends": Items(item=AMENDMENT)}))},
        doc="Dated revisions of this handbook; a revision made by an amending instrument lists what it amends."),
    "site": Record({}, {
        "address": Text(pattern=r"^https?://\S+$", example="https://handbook.example.gov.cn/"),
        "repository": Text(pattern=r"^https?://\S+$", example="https://github.com/owner/handbook"),
        "edit_uri": Text(pattern=r"^[A-Za-z0-9._/-]+/$", example="edit/main/"),
        "folder": Text(pattern=r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$", example="policy_data"),
    }, doc="Where this document's site is published (address) and edited (repository; edit_uri, the path after it "
           "that opens a file for editing, default edit/main/ as on GitHub, -/edit/main/ on GitLab; folder, this "
           "folder's path in the repository, default its name). Hand-written pages such as "
           "the officials' guide go in pages/<language>/*.md beside it. A document without this file gets no "
           "address and no edit links."),
    "glossary": Record({"terms": Items(item=Record(
        {"zh": Text(), "en": Text()}, {"variants": Items(item=Text()), "labels": Items(item=Text()), "note": OWN},
        doc="A Chinese term, its English rendering, other accepted English forms (labels: short forms allowed "
            "only in calculator labels), and a note."))},
        {"bodies": Items(item=Record({"unit": Text(pattern=SLUG), "variants": Items(item=Text())}, {"note": OWN},
                                     doc="English short forms of a unit's registry name, allowed outside Annex 1."),
                         min_items=0),
         "modal_overrides": Items(item=Record({"quote": Text(), "word": Text(choices=("应", "须", "必须", "要", "严禁", "可")),
                                               "note": OWN},
                                              doc="Silence the modal-force rule for the pairs whose Chinese has quote."),
                                  min_items=0)},
        doc="The document's terms: every zh/en pair must render a term found in its Chinese by one of its forms."),
}
