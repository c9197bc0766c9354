"""Dutch compound splitting for the site search: "schuldhulpverlening" -> schuld, hulpverlening, hulp, ...

The browser indexes these parts next to the whole word (overrides/assets/javascripts/lunr/min/lunr.nl.min.js),
so a search for "hulpverlening" also finds pages that only say "schuldhulpverlening".
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Same split as the `separator` of the search plugin in mkdocs.yml, and the same trimming and folding
# as the browser module: the map's keys must be the words the browser sees.
SEPARATOR = re.compile(r"[\s\-/()\[\]–—]+")
EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
TAG = re.compile(r"<[^>]+>")

# A part must be a real Dutch word, at least this common in wordfreq (Zipf scale). Short rare words
# ("aten", "inge") make false splits ("mand+aten"), so short parts must be more common.
MIN_ZIPF = 3.0
MIN_ZIPF_SHORT = 4.2  # for parts of MIN_PART letters
MAX_ZIPF_WHOLE = 5.0  # very common words are not split: "belangrijk" is not about "rijk"
MIN_PART = 4          # shorter parts ("ver", "aan") are mostly prefixes, not words
MIN_WORD = 2 * MIN_PART
# Linking sounds between the parts: arbeid-s-markt, pann-en-koek.
LINKS = ("", "s", "en")
# Heads that are particles or prefixes, tails that are suffixes: "onder+zoek", "vers+chillen",
# "activ+ering" and "over+heid" are not compounds.
NOT_A_HEAD = frozenset({
    "over", "onder", "voor", "door", "tegen", "achter", "mede", "weder", "terug", "boven", "binnen", "buiten",
    "rond", "voort", "weer", "daar", "waar", "hier", "neder", "uiteen", "vers", "best", "inter", "multi",
    "mini", "combi", "infra", "hele", "even", "groten",
})
NOT_A_TAIL = frozenset({
    "heid", "heden", "schap", "schappen", "lijk", "lijke", "lijkheid", "baar", "bare", "achtig", "achtige",
    "loos", "loze", "zaam", "zame", "tjes", "ster", "sters", "erij", "isme", "iteit", "atie", "aties", "ment",
    "menten", "teit", "isch", "ische", "ling", "lingen", "nis", "nissen", "ing", "ingen", "ring", "king",
    "over", "onder", "door", "voor", "ende",
})


@lru_cache(maxsize=1 << 16)  # a site has a few thousand distinct words and repeats each many times
def fold(word: str) -> str:
    """Lower case, no diacritics, no punctuation at either end: "(Cliënten," -> "clienten"."""
    if word.isascii():  # nothing to decompose (most words): a tenth of the time
        return EDGE_PUNCTUATION.sub("", word.lower())
    word = word.replace("\u2019", "'").replace("\u2018", "'")
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return EDGE_PUNCTUATION.sub("", word.lower())


def words_of(html_text: str) -> list[str]:
    """The folded words of a search-index text, as the browser tokenizes them."""
    text = TAG.sub(" ", html_text).replace("&amp;", "&").replace("&nbsp;", " ")
    return [w for w in (fold(t) for t in SEPARATOR.split(text)) if w]


@lru_cache(maxsize=1)
def _dutch_words() -> dict[str, float]:
    """{folded word: Zipf frequency} of Dutch words common enough to be a part; loaded once per process."""
    from wordfreq import get_frequency_dict

    words: dict[str, float] = {}
    for word, freq in get_frequency_dict("nl").items():
        zipf = math.log10(freq * 1e9)
        if zipf < MIN_ZIPF:
            break  # the dictionary is sorted from common to rare
        if word.isalpha() and (len(word) > MIN_PART or zipf >= MIN_ZIPF_SHORT):
            key = fold(word)
            words[key] = max(zipf, words.get(key, 0.0))
    return words


class Splitter:
    def __init__(self):
        self.zipf = _dutch_words()
        self._parts: dict[str, tuple[str, ...]] = {}

    def is_part(self, word: str, head: bool) -> bool:
        if len(word) < MIN_PART or word not in self.zipf:
            return False
        return word not in (NOT_A_HEAD if head else NOT_A_TAIL)

    def parts(self, word: str) -> tuple[str, ...]:
        """All parts of a compound, outer parts first; () when the word is not one."""
        if word not in self._parts:
            self._parts[word] = self._split(word)
        return self._parts[word]

    def _split(self, word: str) -> tuple[str, ...]:
        if len(word) < MIN_WORD or not word.isalpha() or self.zipf.get(word, 0.0) >= MAX_ZIPF_WHOLE:
            return ()
        found: list[str] = []
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[:cut]
            if not self.is_part(head, head=True):
                continue
            # One reading per cut, the one with the most common tail: toegang+s+team, not toegang+steam.
            best: tuple[float, str, tuple[str, ...]] | None = None
            for link in LINKS:
                tail = word[cut + len(link):]
                if not word.startswith(link, cut) or len(tail) < MIN_PART or tail in NOT_A_TAIL:
                    continue
                if link and self.is_part(head + link, head=True):
                    continue  # plaats+vinden is read at the next cut, not as plaat+s+vinden
                inner = self.parts(tail)
                if self.is_part(tail, head=False) or inner:
                    score = self.zipf.get(tail, 0.0)
                    if best is None or score > best[0]:
                        best = (score, tail, inner)
            if best:
                found += [head, best[1], *best[2]]
        return tuple(dict.fromkeys(p for p in found if p != word))


def compound_map(texts: Iterable[str]) -> dict[str, list[str]]:
    """{word: parts} for every compound among the words of these texts."""
    words = {w for t in texts for w in words_of(t)}
    splitter = Splitter()
    return {w: list(p) for w in sorted(words) if (p := splitter.parts(w))}
