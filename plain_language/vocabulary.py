"""Word knowledge: frequency, compounds, the list of difficult words and the glossary."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
DIFFICULT_WORDS = ROOT / "data" / "taal" / "moeilijke-woorden.yaml"
GLOSSARY = ROOT / "data" / "begrippen.yaml"
_LINKS = ("", "s", "e", "en")  # Dutch compound links: arbeid-s-markt, pann-en-koek


@functools.lru_cache(maxsize=50000)
def zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "nl")


@functools.lru_cache(maxsize=50000)
def compound_parts(word: str, common: float) -> tuple[str, ...] | None:
    """Split a compound into common words, e.g. 'schuldhulpverlening' -> schuld + hulp + verlening."""
    w = word.lower()
    if zipf(w) >= common:
        return (w,)
    for i in range(len(w) - 3, 2, -1):  # longest known head first
        head, rest = w[:i], w[i:]
        if zipf(head) < common:
            continue
        for link in _LINKS:
            if link and not rest.startswith(link):
                continue
            tail = rest[len(link):]
            if len(tail) < 3:
                continue
            parts = compound_parts(tail, common)
            if parts:
                return (head, *parts)
    return None


@dataclass(frozen=True, eq=False)
class Vocabulary:
    difficult: dict[str, str]  # word or phrase -> B1 alternative
    glossary: dict[str, str]  # term or abbreviation (as written) -> short explanation

    @classmethod
    def load(cls, difficult_file: Path = DIFFICULT_WORDS, glossary_file: Path = GLOSSARY) -> "Vocabulary":
        difficult, glossary = {}, {}
        if difficult_file.exists():
            for item in yaml.safe_load(difficult_file.read_text(encoding="utf-8"))["woorden"]:
                difficult[str(item["woord"]).lower()] = str(item["alternatief"])
        if glossary_file.exists():
            for item in yaml.safe_load(glossary_file.read_text(encoding="utf-8"))["begrippen"]:
                explanation = item.get("voluit") or item.get("uitleg") or ""
                for term in [item["term"], *(item.get("varianten") or [])]:
                    glossary[str(term)] = str(explanation).strip()
        return cls(difficult, glossary)

    @functools.cached_property
    def _glossary_lower(self) -> frozenset[str]:
        return frozenset(k.lower() for k in self.glossary)

    @functools.cached_property
    def spellings(self) -> frozenset[str]:
        """Every spelling of every term, as written: what counts as an explained abbreviation (as in the build)."""
        return frozenset(self.glossary)

    def explained(self, word: str) -> bool:
        return word in self.glossary or word.lower() in self._glossary_lower
