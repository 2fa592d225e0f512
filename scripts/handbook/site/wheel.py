"""Package the calculators as a pure-Python wheel and copy the Pyodide runtime into the site."""
import base64
import os
import hashlib
import shutil
import zipfile
from pathlib import Path

from .fingerprint import write_by_hash
from .stdlib import write_trimmed_stdlib

PROJECT = Path(__file__).resolve().parents[3]
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
FIXED_TIME = (2020, 2, 22, 0, 0, 0)


# The version of the calculators package, from pyproject.toml.
def project_version() -> str:
    for line in (PROJECT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version = "):
            return line.split('"')[1]
    raise ValueError("pyproject.toml has no version")


# Write a reproducible py3-none-any wheel of calculators/ into folder; return its path.
def build_wheel(folder: Path) -> Path:
    version = project_version()
    name = f"calculators-{version}-py3-none-any.whl"
    dist_info = f"calculators-{version}.dist-info"
    entries = {path.relative_to(PROJECT).as_posix(): path.read_bytes()
               for path in sorted((PROJECT / "calculators").rglob("*.py"))}
    entries[f"{dist_info}/METADATA"] = f"Metadata-Version: 2.1\nName: calculators\nVersion: {version}\n".encode()
    entries[f"{dist_info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: handbook\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = "".join(f"{path},sha256={_digest(content)},{len(content)}\n" for path, content in entries.items())
    entries[f"{dist_info}/RECORD"] = (record + f"{dist_info}/RECORD,,\n").encode()
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in entries.items():
            info = zipfile.ZipInfo(path, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return folder / name


# Pyodide's lock file without its package list: the calculators need no Pyodide packages,
# so the worker passes this instead of fetching the full list.
def empty_lock(pyodide_dir: Path) -> dict:
    import json
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


# The pinned Pyodide version, from package.json.
def pyodide_version() -> str:
    import json
    return json.loads((pyodide_runtime() / "package.json").read_text(encoding="utf-8"))["version"]


# The installed npm package of the pinned Pyodide runtime; OSError naming the fix when it is not installed.
def pyodide_runtime() -> Path:
    source = PROJECT / "node_modules" / "pyodide"
    if not source.is_dir():
        raise OSError("node_modules/pyodide is missing: run scripts/setup (npm ci) first")
    return source


# The runtime files a build copies into a site, with the bytes they will have there: the pinned Pyodide's, and the
# trimmed standard library written under scratch.
def runtime_files(scratch: Path) -> list:
    source = pyodide_runtime()
    return [source / name for name in PYODIDE_FILES] + [write_trimmed_stdlib(source / "python_stdlib.zip", scratch)]


# The urlsafe base64 SHA-256 a wheel's RECORD uses.
def _digest(content: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()


# Copy the wheel, the parameters, the pinned Pyodide runtime and the trimmed standard library into the
# built site; each goes into a folder named by version or content hash, so it can be cached for good
# (only manifest.json, which names them, is asked for again on every use).
def add_calculator_assets(site: Path, dataset) -> None:
    from ..data.export import export_parameters, to_json
    if not dataset.part("document").get("calculators"):
        return
    target = site / "assets" / "calculators"
    source = pyodide_runtime()
    staged = build_wheel(target)
    content = staged.read_bytes()
    staged.unlink()
    wheel, digest = write_by_hash(target / "wheel", staged.name, content), hashlib.sha256(content).hexdigest()
    pyodide = target / "pyodide" / pyodide_version()
    pyodide.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        link_or_copy(source / name, pyodide / name)
    stdlib = write_trimmed_stdlib(source / "python_stdlib.zip", target / "stdlib")
    parameters = write_by_hash(target / "parameters", "parameters.json", to_json(export_parameters(dataset)).encode())
    manifest = {"wheel": wheel.relative_to(target).as_posix(), "wheel_sha256": digest,
                "parameters": parameters.relative_to(target).as_posix(), "pyodide": pyodide_version(),
                "pyodide_dir": pyodide.relative_to(target).as_posix() + "/", "pyodide_lock": empty_lock(source),
                "stdlib": stdlib.relative_to(target).as_posix()}
    (target / "manifest.json").write_text(to_json(manifest), encoding="utf-8")


# Hard-link a file into the site (instant, no extra disk), or copy it across devices.
def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
