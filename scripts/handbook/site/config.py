"""Options of the handbook MkDocs plugin."""
from mkdocs.config import config_options as options
from mkdocs.config.base import Config

from ..data.languages import LANGUAGES, ROOT_LANGUAGE


class HandbookConfig(Config):
    """Where the policy data is and which language this build of the site is in."""

    data_folder = options.Type(str, default="policy_data")
    language = options.Choice(tuple(LANGUAGES), default=ROOT_LANGUAGE)
