"""Build both languages of the site into a fresh folder, then swap it in atomically."""
import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .dataset import load_dataset
from .errors import DataInvalid
from .wheel import add_calculator_assets

LANGUAGES = ("zh", "en")


class BuildFailed(Exception):
    """The site could not be built; the previous site was left as it was."""


class Collector(logging.Handler):
    """Keeps MkDocs' warnings and errors, so a failed build can say why."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    # Remember one message.
    def emit(self, record):
        self.messages.append(record.getMessage())


# Build every language of the site from data into out; on failure, leave out untouched.
def build_site(data: str, out: str = "site", config_file: str = "mkdocs.yml") -> Path:
    try:
        load_dataset(data)
    except DataInvalid as invalid:
        raise BuildFailed(str(invalid)) from None
    target = Path(out).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    collector = Collector()
    logging.getLogger("mkdocs").addHandler(collector)
    try:
        for language in LANGUAGES:
            _build_language(data, language, staging if language == "zh" else staging / language, config_file)
        add_calculator_assets(staging, data)
    except (Abort, ConfigurationError, PluginError, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("\n".join(collector.messages + [str(exc)])) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(collector)
    _swap_in(staging, target)
    return target


# Run one strict MkDocs build for one language.
def _build_language(data: str, language: str, site_dir: Path, config_file: str) -> None:
    os.environ.update(HANDBOOK_DATA=str(data), HANDBOOK_LANGUAGE=language, NO_MKDOCS_2_WARNING="1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(config_file, site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


# Replace target by staging in two renames, so readers never see a half-written site.
def _swap_in(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
