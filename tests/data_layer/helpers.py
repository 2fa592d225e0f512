"""Shared paths and helpers for the data-layer tests."""
from pathlib import Path

from tests.helpers import PROJECT as ROOT
from tests.helpers import run_handbook

DATA = ROOT / "policy_data"
BROKEN = ROOT / "tests" / "broken"
__all__ = ["BROKEN", "DATA", "ROOT", "run_handbook", "snapshot"]


# Map every file under folder (by relative path) to its bytes.
def snapshot(folder: Path) -> dict:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}
