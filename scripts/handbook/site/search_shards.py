"""The library's search index, split so that a query downloads only what it needs (as Pagefind does). Every
lower-case character and pair of characters (a gram) of a page's title and text maps to the pages holding it, with
a weight that bounds what a query term holding the gram adds to the page's score; the grams are hashed into shard
files. The pages' titles, addresses and texts are in small fragment files, fetched only for the best candidates,
where search-match.js checks the real substrings (so Chinese words still match inside longer words) and cuts the
snippet. At the language's root: search-index.json (the manifest), search-index/shards/<n>.json ({gram: postings})
and search-index/pages/<n>.json ([{title, url, text}]). search-shards.js reads them; `query_files` replays its
requests in Python."""
import json
import operator
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .outputs import SEARCH_INDEX

FOLDER = "search-index"  # beside the manifest (search-index.json) at each language's root
SLOTS = 8  # pages per fragment file at most: a page's id is its file's number times SLOTS plus its place in the file
FRAGMENT_BYTES = 6000  # a fragment file's text in bytes at most (a longer page has a file of its own)
SHARD_BYTES = 8192  # the posting bytes aimed at per shard
SHARDS = (16, 4096)  # the fewest and the most shards, powers of two
TERM_SPLIT = re.compile(r"[\s,，。、]+")  # where search-match.js splits a query: no term holds these
LATIN = re.compile(r"^[a-z]+$")
RANKING = {"count_cap": 64, "title_weight": 16, "text_cap": 16, "length_divisor": 16384}  # as in search-match.js
STEM_MIN_LENGTH = 4
CHECKED = 2  # a query checks at most this many times as many candidates as it shows (search-index.js: limit + limit)
FNV = (0x811C9DC5, 0x01000193)  # FNV-1a's offset basis and prime (32 bits), which search-shards.js uses too


# Write the split index of one language's pages (titles naming their documents, URLs from the root) into root.
def write_sharded_index(root: Path, language: str, pages: list) -> None:
    files = fragment_files(pages)
    postings = _postings(files)
    shards = _shard_count(postings)
    buckets = [{} for _ in range(shards)]
    for gram, encoded in sorted(postings.items()):
        buckets[shard_of(gram, shards)][gram] = encoded
    _write_all(root / FOLDER / "shards", buckets)
    _write_all(root / FOLDER / "pages", files)
    manifest = {"language": language, "shards": shards, "slots": SLOTS}
    (root / SEARCH_INDEX).write_text(_json(manifest), encoding="utf-8")


# The pages in fragment files: consecutive pages while their texts stay within FRAGMENT_BYTES and SLOTS.
def fragment_files(pages: list) -> list:
    files, size = [[]], 0
    for page in pages:
        length = len(page["text"].encode("utf-8"))
        if files[-1] and (size + length > FRAGMENT_BYTES or len(files[-1]) == SLOTS):
            files.append([])
            size = 0
        files[-1].append(page)
        size += length
    return files if files[0] else []


# Every gram's postings as text: each page id holding it as the base-36 step from the one before, then ".weight"
# unless the weight is 1, joined by commas.
def _postings(files: list) -> dict:
    postings, last = {}, {}
    for number, pages in enumerate(files):
        for slot, page in enumerate(pages):
            page_id = number * SLOTS + slot
            for gram, weight in page_grams(page).items():
                step = _base36(page_id - last.get(gram, 0))
                last[gram] = page_id
                postings.setdefault(gram, []).append(step if weight == 1 else f"{step}.{_base36(weight)}")
    return {gram: ",".join(parts) for gram, parts in postings.items()}


# A page's grams with their weights: the score a term holding the gram could add at most (title hits weigh
# most), from how often the gram occurs in the title and in the text.
def page_grams(page: dict) -> dict:
    cap = RANKING["text_cap"]
    weights = {gram: count if count < cap else cap for gram, count in _grams(page["text"].lower()).items()}
    for gram, count in _grams(page["title"].lower()).items():
        weights[gram] = weights.get(gram, 0) + min(count, RANKING["count_cap"]) * RANKING["title_weight"]
    return weights


# How often each character and each pair of characters occurs in a text, leaving out those a term cannot hold
# (the separators, each first made a NUL).
def _grams(text: str) -> Counter:
    text = TERM_SPLIT.sub("\0", text)
    found = Counter(text)
    found.update(map(operator.add, text, text[1:]))
    for gram in [gram for gram in found if "\0" in gram]:
        del found[gram]
    return found


# The number of shards for the encoded postings: a power of two that keeps each near SHARD_BYTES, within SHARDS.
def _shard_count(postings: dict) -> int:
    total = sum(len(gram.encode("utf-8")) + len(encoded) + 6 for gram, encoded in postings.items())
    shards = SHARDS[0]
    while shards < SHARDS[1] and total / shards > SHARD_BYTES:
        shards *= 2
    return shards


# The shard of a gram: FNV-1a over its UTF-16 code units, modulo the number of shards.
def shard_of(gram: str, shards: int) -> int:
    hashed = FNV[0]
    encoded = gram.encode("utf-16-le")
    for at in range(0, len(encoded), 2):
        hashed = ((hashed ^ int.from_bytes(encoded[at:at + 2], "little")) * FNV[1]) & 0xFFFFFFFF
    return hashed % shards


# The postings text read back: {page id: weight}.
def decode(text: str) -> dict:
    postings, last = {}, 0
    for part in text.split(",") if text else []:
        step, _, weight = part.partition(".")
        last += int(step, 36)
        postings[last] = int(weight, 36) if weight else 1
    return postings


# A number in base 36 (digits, then lower-case letters).
@lru_cache(maxsize=4096)
def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not number:
            return digits


# Write each item as <number>.json into folder.
def _write_all(folder: Path, items: list) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, item in enumerate(items):
        (folder / f"{number}.json").write_text(_json(item), encoding="utf-8")


# Compact JSON with the characters as they are.
def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# The lower-case terms of a query, as search-match.js splits and stems them.
def terms(query: str) -> list:
    return [_stem(term) if LATIN.match(term) and len(term) > STEM_MIN_LENGTH else term
            for term in TERM_SPLIT.split(query.lower()) if term]


# An English word without its common endings, as search-match.js cuts them.
def _stem(word: str) -> str:
    return re.sub(r"(ion|ions)$", "", re.sub(r"(ies|ing|ed|es|s)$", "", word, count=1), count=1) or word


# The grams a query looks up for a term: the term itself if one character, else each of its pairs once.
def term_grams(term: str) -> list:
    return [term] if len(term) < 2 else list(dict.fromkeys(term[at:at + 2] for at in range(len(term) - 1)))


# The files a query fetches from a language's root, as search-shards.js fetches them (the manifest, the shards of
# its grams, the fragment files of the candidates it checks), and the pages it shows, best first.
def query_files(root: Path, query: str, limit: int) -> tuple:
    manifest = json.loads((root / SEARCH_INDEX).read_text(encoding="utf-8"))
    wanted = terms(query)
    grams = {gram for term in wanted for gram in term_grams(term)}
    shard_paths = sorted({root / FOLDER / "shards" / f"{shard_of(gram, manifest['shards'])}.json" for gram in grams})
    postings = {}
    for path in shard_paths:
        postings.update(json.loads(path.read_text(encoding="utf-8")))
    order = candidates(wanted, {gram: decode(postings.get(gram, "")) for gram in grams})
    checked, fetched, hits = 0, set(), []
    while checked < len(order) and len(hits) < limit and checked < limit * CHECKED:
        batch = order[checked:checked + limit]
        fetched |= {page_id // manifest["slots"] for page_id, _ in batch}
        hits += [hit for hit in (_checked(root, manifest["slots"], page_id, wanted) for page_id, _ in batch) if hit]
        checked += len(batch)
    shown = [page for _, page in sorted(hits, key=lambda hit: -hit[0])][:limit]
    pages = [root / FOLDER / "pages" / f"{number}.json" for number in sorted(fetched)]
    return [root / SEARCH_INDEX] + shard_paths + pages, shown


# The pages holding every gram of every term, as [(page id, bound)], the highest bound first, then by id.
def candidates(wanted: list, postings: dict) -> list:
    bounds = None
    for term in wanted:
        held = None
        for gram in term_grams(term):
            held = postings[gram] if held is None else {page: min(weight, postings[gram][page])
                                                          for page, weight in held.items() if page in postings[gram]}
        bounds = held if bounds is None else {page: bound + held[page] for page, bound in bounds.items() if page in held}
    return sorted((bounds or {}).items(), key=lambda entry: (-entry[1], entry[0]))


# A page's real score with the page, read from its fragment file, or None when it lacks a term.
def _checked(root: Path, slots: int, page_id: int, wanted: list):
    pages = json.loads((root / FOLDER / "pages" / f"{page_id // slots}.json").read_text(encoding="utf-8"))
    page = pages[page_id % slots]
    found = score(page, wanted)
    return (found, page) if found > 0 else None


# A page's score for the terms, as search-match.js counts it: 0 unless every term occurs.
def score(page: dict, wanted: list) -> float:
    title, text, total = page["title"].lower(), page["text"].lower(), 0
    for term in wanted:
        in_title, in_text = _count(title, term), _count(text, term)
        if not in_title and not in_text:
            return 0
        total += in_title * RANKING["title_weight"] + min(in_text, RANKING["text_cap"])
    return total - len(text) / RANKING["length_divisor"]


# How often needle occurs in haystack without overlapping, counted up to the cap.
def _count(haystack: str, needle: str) -> int:
    return min(haystack.count(needle), RANKING["count_cap"])
