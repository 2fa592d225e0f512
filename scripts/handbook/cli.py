"""The `handbook` command: validate, export, calc, build and serve a policy handbook."""
import argparse
import sys
from pathlib import Path

from .data.errors import DataInvalid

DEFAULT_DATA = "policy_data"


# Parse arguments and run one subcommand; return the exit status.
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (runner, help_text) in COMMANDS.items():
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--data", default=DEFAULT_DATA, help="folder of policy YAML (default: policy_data)")
        if name in LIBRARY_COMMANDS:
            command.add_argument("--library", help="a folder whose every subfolder is a document folder: one site for all")
        ARGUMENTS.get(name, lambda _: None)(command)
        command.set_defaults(run=runner)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DataInvalid as invalid:
        for block in invalid.blocks:
            print(block, file=sys.stderr)
        print(invalid.summary(), file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stderr.close()
        return 0


# Check the data and print counts, or every error.
def run_validate(args) -> int:
    from .data.dataset import load_dataset
    if args.library:
        from .library import validate_library
        return validate_library(args.library, counts)
    dataset = load_dataset(args.data)
    print("OK: " + ", ".join(f"{count} {name}" for name, count in counts(dataset).items()))
    from .data.terminology import unused_terms
    for warning in unused_terms(dataset):
        print(warning, file=sys.stderr)
    print_summary_after_ok(args.data, dataset)
    return 0


# How many sections, measures, clauses, units … a valid document has, by name.
def counts(dataset) -> dict:
    tasks = dataset.part("annex2")["tasks"]
    return {
        "sections": len(dataset.part("sections")["sections"]), "measures": len(dataset.measures),
        "clauses": sum(len(measure["clauses"]) for measure in dataset.measures),
        "units": len(dataset.part("units")["units"]), "leading group members": len(dataset.part("annex1")["members"]),
        "Annex 2 rows": sum(len(task["rows"]) for task in tasks), "parameters": len(dataset.parameters),
        "editorial notes": len(dataset.part("notes")["notes"]), "revisions": len(dataset.part("revisions")["revisions"]),
    }


# After OK, the policy-relevant changes since the last commit, when the data folder is in git.
def print_summary_after_ok(data, dataset) -> None:
    from .summary import change_summary
    summary = change_summary(data, dataset)
    if summary:
        print("\n" + summary)


# Write the JSON export (and its JSON Schemas) to a file or stdout.
def run_export(args) -> int:
    from .data.dataset import load_dataset
    from .data.export import export_dataset, to_json
    text = to_json(export_dataset(load_dataset(args.data)))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


# Write the JSON Schemas of every data file into a folder.
def run_schema(args) -> int:
    from .data.export import to_json
    from .data.jsonschema_export import all_schemas
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in all_schemas().items():
        (folder / name).write_text(to_json(schema), encoding="utf-8")
    print(f"wrote {len(all_schemas())} schemas to {folder}")
    return 0


# The output folder: --out if given; site/ for policy_data; site-<folder name>/ beside any other data folder,
# so that building another document never writes over the first one's site.
def output_folder(data: str, out: str | None) -> str:
    if out:
        return out
    folder = Path(data)
    return "site" if folder.resolve().name == "policy_data" else str(folder.parent / f"site-{folder.name}")


# Build both languages of the site into --out (by default a folder of the data folder's own), atomically.
def run_build(args) -> int:
    from .build import BuildFailed, build_site
    from .data.dataset import load_dataset
    from .summary import print_change_summary
    if args.library:
        return run_build_library(args)
    try:
        dataset = load_dataset(args.data)
        print_change_summary(args.data, dataset)
        target = build_site(args.data, output_folder(args.data, args.out), dataset=dataset)
    except (BuildFailed, DataInvalid) as failed:
        print(f"build failed; the previous site was left unchanged.\n{failed}", file=sys.stderr)
        return 1
    print(f"built {target}")
    return 0


# Build a library (--library DIR) into --out (default site/), atomically.
def run_build_library(args) -> int:
    from .build import BuildFailed
    from .library import build_library
    try:
        target = build_library(args.library, args.out or "site")
    except BuildFailed as failed:
        print(f"build failed; the previous site was left unchanged.\n{failed}", file=sys.stderr)
        return 1
    print(f"built {target}")
    return 0


# Build, serve on 127.0.0.1, and rebuild whenever data, docs or code change.
def run_serve(args) -> int:
    from .serve import serve
    from .summary import print_change_summary
    if args.library:
        return serve_library(args.library, args.out or "site", args.port)
    print_change_summary(args.data)
    return serve(args.data, output_folder(args.data, args.out), args.port)


# Serve a library, keeping each document's parts between rebuilds (beside the site, removed at the end), so that an
# edit rebuilds only what it changes.
def serve_library(library: str, out: str, port: int) -> int:
    import tempfile
    from functools import partial
    from .library import Kept, build_library
    from .serve import serve
    parent = Path(out).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{Path(out).name}.kept-", dir=parent) as kept:
        return serve(library, out, port, partial(build_library, kept=Kept(Path(kept))))


# Run a calculator: --input JSON, --csv FILE [--out FILE], or --list.
def run_calc(args) -> int:
    from .calc import run
    return run(args)


# Add the calc subcommand's options.
def calc_arguments(command) -> None:
    command.add_argument("calculator", nargs="?", help="calculator id (see --list)")
    command.add_argument("--input", help="inputs as a JSON object")
    command.add_argument("--csv", help="CSV file: one calculation per row, columns named after the inputs")
    command.add_argument("--out", help="with --csv: write one result row per input row to this CSV file")
    command.add_argument("--list", action="store_true", help="list the calculators")


# Describe, in Chinese and English, what changed between two versions of the data.
def run_diff(args) -> int:
    from .diff import run
    return run(args)


# Start a new measure file or parameter entry with every field marked TODO.
def run_new(args) -> int:
    from .scaffold import run
    return run(args)


# Add the new subcommand's options.
def new_arguments(command) -> None:
    command.add_argument("kind", choices=("measure", "parameter"), help="what to start")
    command.add_argument("--number", type=int, help="measure: its number, e.g. 25")
    command.add_argument("--section", type=int, help="measure: the number of its section")
    command.add_argument("--id", help="parameter: its id, e.g. retention.refund_rate")
    command.add_argument("--measure", type=int, help="parameter: the number of the measure it comes from")
    command.add_argument("--clause", help="parameter: the clause it quotes, e.g. c1")


COMMANDS = {
    "validate": (run_validate, "check policy_data/ and print counts or every error"),
    "export": (run_export, "print the whole dataset as JSON"),
    "schema": (run_schema, "write the JSON Schemas of the data files"),
    "calc": (run_calc, "compute a calculator's result as JSON, or a whole CSV file"),
    "build": (run_build, "build the site in both languages into its own folder, site/ for policy_data (strict; atomic)"),
    "serve": (run_serve, "build and serve the site at http://127.0.0.1:8000/, rebuilding on change"),
    "diff": (run_diff, "describe what changed between two data folders or git revisions, in Chinese and English"),
    "new": (run_new, "start a new measure file or parameter entry, every field marked TODO"),
}
LIBRARY_COMMANDS = ("validate", "build", "serve")
ARGUMENTS = {
    "export": lambda command: command.add_argument("--out", help="file to write instead of stdout"),
    "schema": lambda command: command.add_argument("--out", default="policy_data/schema", help="folder"),
    "calc": calc_arguments,
    "build": lambda command: command.add_argument("--out", help="output folder (default: site/ for policy_data, else site-<data folder name>/)"),
    "serve": lambda command: (command.add_argument("--out", help="output folder (default: site/ for policy_data, else site-<data folder name>/)"),
                              command.add_argument("--port", type=int, default=8000)),
    "diff": lambda command: (command.add_argument("old", help="data folder or git revision, e.g. HEAD~1"),
                             command.add_argument("new", help="data folder or git revision, e.g. policy_data")),
    "new": new_arguments,
}
