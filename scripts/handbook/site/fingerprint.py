"""Files named by their content: a folder per SHA-256 prefix, so servers may cache them for good."""
import hashlib
from pathlib import Path


# Write content as folder/<first 16 hex digits of its SHA-256>/name; return its path.
def write_by_hash(folder: Path, name: str, content: bytes) -> Path:
    target = folder / hashlib.sha256(content).hexdigest()[:16] / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target
