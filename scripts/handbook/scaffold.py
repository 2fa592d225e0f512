"""`handbook new`: start a measure file or a parameter entry with every field to fill in marked TODO."""
import re
import sys
from pathlib import Path

from .data.schema import QUANTITY_UNITS, SLUG
from .data.yamlio import read_yaml

REQUIRED = {"measure": ("number", "section"), "parameter": ("id", "measure", "clause")}
CLAUSE_ID = r"^c[1-9][0-9]*$"

MEASURE = """\
# yaml-language-server: $schema=../schema/measure.schema.json
number: {number}
section: {section}
title:
  zh: TODO 措施标题，照录原文
  en: TODO the title in English
clauses:
- id: c1
  zh: TODO 第一句，照录原文；每句一个条款，依次为 c1、c2、c3……
  en: TODO the English translation of this sentence
responsible:
  written: TODO 责任单位，照录原文，以“、”分隔
  units:
  - TODO 上行每个单位在 units.yaml 中的 id，依次各占一行
"""
PARAMETER = """\
- id: {id}
  name:
    zh: TODO 参数名称
    en: TODO the parameter's name in English
  rule: TODO 规则编号，如 R5.1
  unit: TODO one of {units}
  source:
    measure: {measure}
    clause: {clause}
    quote: TODO 条款中给出此数字的原文，一字不改
  values:
  - start: TODO start date YYYY-MM-DD
    end: TODO end date YYYY-MM-DD, or null when the text sets no end
    value: TODO the number or date
"""
PARAMETERS_HEADER = "# yaml-language-server: $schema=../schema/parameters.schema.json\nparameters:\n"


# Write the new measure or parameter; exit 2 on missing or malformed options, 1 when it would overwrite.
def run(args) -> int:
    missing = [f"--{option}" for option in REQUIRED[args.kind] if getattr(args, option) is None]
    if missing:
        print(f"handbook new {args.kind} needs {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.kind == "parameter" and not (re.match(SLUG, args.id) and re.match(CLAUSE_ID, args.clause)):
        print("--id must look like retention.refund_rate and --clause like c1", file=sys.stderr)
        return 2
    try:
        path = new_measure(args) if args.kind == "measure" else new_parameter(args)
    except FileExistsError as exists:
        print(f"{exists}; nothing was written", file=sys.stderr)
        return 1
    print(f"wrote {path}: fill in every TODO, then run `handbook validate`")
    return 0


# Create measures/NN.yaml; never overwrite an existing file.
def new_measure(args) -> Path:
    path = Path(args.data) / "measures" / f"{args.number:02d}.yaml"
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(MEASURE.format(number=args.number, section=args.section))
    except FileExistsError:
        raise FileExistsError(f"{path} already exists") from None
    return path


# Append a parameter entry to parameters/NN.yaml, creating the file if needed; refuse a taken id.
def new_parameter(args) -> Path:
    folder = Path(args.data) / "parameters"
    if args.id in parameter_ids(folder):
        raise FileExistsError(f"a parameter with the id '{args.id}' already exists in {folder}")
    path = folder / f"{args.measure:02d}.yaml"
    entry = PARAMETER.format(id=args.id, measure=args.measure, clause=args.clause, units=", ".join(QUANTITY_UNITS))
    if path.exists():
        text = path.read_text(encoding="utf-8")
        path.write_text(text + ("" if text.endswith("\n") else "\n") + entry, encoding="utf-8")
    else:
        path.write_text(PARAMETERS_HEADER + entry, encoding="utf-8")
    return path


# Every parameter id already written in the parameter files of a folder.
def parameter_ids(folder: Path) -> set:
    ids = set()
    for path in sorted(folder.glob("*.yaml")):
        located, _ = read_yaml(path, str(path))
        parameters = located.data.get("parameters") if located and isinstance(located.data, dict) else None
        ids |= {item.get("id") for item in parameters or [] if isinstance(item, dict)}
    return ids
