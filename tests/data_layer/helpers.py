"""Shared paths and helpers for the data-layer tests."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "policy_data"
BROKEN = ROOT / "tests" / "broken"
# The real console script of the virtual environment running the tests (there is no __main__).
HANDBOOK = Path(sys.executable).parent / "handbook"


# Run the real `handbook` command; return the completed process with text output.
def run_handbook(*args, cwd=ROOT):
    return subprocess.run([str(HANDBOOK), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=120)


# Map every file under folder (by relative path) to its bytes.
def snapshot(folder: Path) -> dict:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}
