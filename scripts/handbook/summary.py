"""The change summary printed before publishing: `handbook diff HEAD <data folder>` when the folder is in git."""
import subprocess
from pathlib import Path

from .data.errors import DataInvalid

HEAD_INVALID = ("上次提交（HEAD）中的数据未通过检查，无法比较。 / "
                "The data in the last commit (HEAD) does not validate, so there is nothing to compare with.")
NOT_IN_HEAD = ("上次提交（HEAD）中还没有这个数据文件夹：全部内容都是新的。 / "
               "The last commit (HEAD) does not hold this data folder yet: all of it is new.")


# The summary of what changed in data since the last commit; None when nothing changed or outside git.
def change_summary(data, dataset=None):
    from .diff import RevisionNotFound, grouped_changes, load_side, markdown
    from .data.export import export_dataset
    if not in_git(Path(data)):
        return None
    try:
        old = load_side("HEAD", str(data))
    except RevisionNotFound:
        return NOT_IN_HEAD
    except DataInvalid:
        return HEAD_INVALID
    if dataset is None:
        from .data.dataset import load_dataset
        dataset = load_dataset(data)
    groups = grouped_changes(old, export_dataset(dataset))
    return markdown("HEAD", f"{data} (working tree / 工作区)", groups) if groups else None


# Tell whether folder is inside a git work tree with at least one commit.
def in_git(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--verify", "-q", "HEAD"], capture_output=True)
    except OSError:
        return False
    return done.returncode == 0


# Print the change summary, if any, before a build or a preview; a data error is left for the build to report.
# dataset is data's dataset when the caller has loaded it already.
def print_change_summary(data, dataset=None) -> None:
    try:
        summary = change_summary(data, dataset)
    except DataInvalid:
        return
    if summary:
        print(summary + "\n", flush=True)
