"""The document's own words in the data: every source-text value with its location, and text squashed for comparison."""
import re

from .schema import FILES, Bilingual, Items, Record


# Return every value that is source text (the document's own words) as (file name, path, zh text).
def source_texts(dataset):
    for name, doc in dataset.files.items():
        yield from ((name, path, text) for path, text in _walk_source(FILES[doc.kind], doc.data, ()))


# Walk data alongside its schema and yield the zh of each source-text value.
def _walk_source(kind, value, path):
    if isinstance(kind, Bilingual):
        if kind.source:
            yield path + ("zh",), value["zh"]
    elif isinstance(kind, Items):
        for index, item in enumerate(value):
            yield from _walk_source(kind.item, item, path + (index,))
    elif isinstance(kind, Record):
        yield from ((path + (key,), value[key]) for key in kind.source_keys)
        for key, sub in {**kind.required, **kind.optional}.items():
            if key in value and key not in kind.source_keys:
                yield from _walk_source(sub, value[key], path + (key,))


# Whitespace-normalise Chinese text for comparison with the source.
def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
