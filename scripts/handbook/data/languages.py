"""The site's languages, defined once: code and name, the first at the site's root and the others under /CODE/."""

LANGUAGES = {"zh": "中文", "en": "English"}
ROOT_LANGUAGE = next(iter(LANGUAGES))


# The folder of a language's pages under the site root: "" for the root language, else "CODE/".
def language_folder(language: str) -> str:
    return "" if language == ROOT_LANGUAGE else f"{language}/"
