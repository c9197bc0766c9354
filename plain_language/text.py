"""Splitting Dutch text into sentences and words, and counting syllables with a hyphenation dictionary."""
from __future__ import annotations

import functools
import re

import pyphen

# Abbreviations whose full stop does not end a sentence.
_NO_END = ("o.a", "i.p.v", "t.b.v", "d.m.v", "n.a.v", "e.a", "c.q", "m.b.t", "i.v.m", "bijv", "bv", "enz", "etc",
           "vgl", "d.d", "jl", "nr", "ca", "z.s.m", "i.h.k.v", "t/m", "a.d.h.v", "e.d", "mr", "dr", "drs", "ir")
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’&-]*[A-Za-zÀ-ÿ]|[A-Za-zÀ-ÿ]|\d+(?:[.,]\d+)*")


def sentences(text: str) -> list[str]:
    """Sentences of a plain text; line breaks inside a paragraph do not end a sentence."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    protected = text
    for abbr in _NO_END:
        protected = re.sub(rf"\b{re.escape(abbr)}\.", abbr.replace(".", "§") + "§", protected, flags=re.I)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9‘'“\"(])", protected)
    return [p.replace("§", ".").strip() for p in parts if p.strip()]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


@functools.lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    # left/right 1: also split short words like "e-ten", so every syllable counts.
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


_VOWEL_GROUP = re.compile(r"[aeiouyàáâèéêìíîòóôùúû]+|[äëïöü][aeiouy]*")


@functools.lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables from the nl_NL hyphenation dictionary; vowel groups where it does not split short words."""
    if not re.search(r"[A-Za-zÀ-ÿ]", word):
        return max(1, len(word) // 3)  # a number is read aloud in about this many syllables
    if word.isupper() and len(word) <= 5:
        return len(word)  # an abbreviation is spelled out: I-O-G
    lower = word.lower()
    hyphenated = len(_hyphenator().positions(lower)) + 1
    return max(hyphenated, len(_VOWEL_GROUP.findall(lower)), 1)
