"""Build both languages of the site into a fresh folder, then swap it in atomically."""
import logging
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .site.compress import precompress
from .data.dataset import Dataset, load_dataset
from .data.errors import DataInvalid
from .data.languages import LANGUAGES as LANGUAGE_NAMES
from .site.wheel import add_calculator_assets

LANGUAGES = tuple(LANGUAGE_NAMES)
CONFIG_FILE = Path(__file__).resolve().parents[2] / "mkdocs.yml"  # the project's, whichever folder the command runs in


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
# compress=False skips the .gz/.br files, for the local preview whose server does not use them.
# site_url replaces the document's own address (its site.yaml), e.g. for a local preview whose links must stay
# on 127.0.0.1.
# dataset is data already loaded by the caller; otherwise it is loaded here. Either way it is loaded once
# and handed to every language's build and to the calculator assets.
def build_site(data: str, out: str = "site", config_file: str = str(CONFIG_FILE), compress: bool = True,
               site_url: str = None, dataset: Dataset = None) -> Path:
    try:
        dataset = dataset or load_dataset(data)
    except DataInvalid as invalid:
        raise BuildFailed(str(invalid)) from None
    target = Path(out).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        _build_languages(dataset, staging, config_file, site_url)
        add_calculator_assets(staging, dataset)
        if compress:
            precompress(staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, target)
    return target


# Build the languages side by side in separate processes, then nest the others under the first.
def _build_languages(dataset: Dataset, staging: Path, config_file: str, site_url: str) -> None:
    folders = {language: staging if language == LANGUAGES[0] else staging.with_name(f"{staging.name}-{language}")
               for language in LANGUAGES}
    try:
        with ProcessPoolExecutor(len(LANGUAGES), mp_context=multiprocessing.get_context("fork")) as pool:
            failures = [failure for failure in pool.map(
                build_language, [dataset] * len(LANGUAGES), LANGUAGES, [str(folders[language]) for language in LANGUAGES],
                [config_file] * len(LANGUAGES), [site_url] * len(LANGUAGES)) if failure]
        if failures:
            raise BuildFailed("\n".join(failures))
        for language in LANGUAGES[1:]:
            folders[language].rename(staging / language)
    finally:
        for language in LANGUAGES[1:]:
            shutil.rmtree(folders[language], ignore_errors=True)


# Run one strict MkDocs build for one language; return why it failed, or "". library is the document's place in a
# library (site.library.Member) or the library's home (site.library.Home), None for a site of its own.
def build_language(dataset: Dataset, language: str, site_dir: str, config_file: str, site_url: str,
                   library=None) -> str:
    os.environ.update(HANDBOOK_DATA=str(dataset.root), HANDBOOK_LANGUAGE=language, NO_MKDOCS_2_WARNING="1")
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    collector = Collector()
    logger.addHandler(collector)
    try:
        config = load_config(config_file, site_dir=site_dir, strict=True)
        config.plugins["handbook"].loaded = dataset
        config.plugins["handbook"].preview_address = site_url
        config.plugins["handbook"].library = library
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError, PluginError, OSError) as exc:
        return "\n".join(collector.messages + [f"{language}: {exc}"])
    finally:
        logger.removeHandler(collector)
    return ""


# Replace target by staging in two renames, so readers never see a half-written site.
def swap_in(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
