"""Checks a Dutch text against taalniveau B1, sentence by sentence.

The measures follow the usual Dutch plain-language guidance: Flesch-Douma,
sentence length, long and rare words, a list of difficult words with a B1
alternative, unexplained abbreviations, passive voice and stacked
subordinate clauses. Every threshold is a setting with a documented default.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from macros import abbreviations

from . import text as t
from .vocabulary import Vocabulary, compound_parts, zipf


def decimal(number: float) -> str:
    """One decimal with a Dutch comma: a score of 59.6 is "59,6", never rounded up to the limit of 60."""
    return f"{number:.1f}".replace(".", ",")


@dataclass(frozen=True)
class Settings:
    """Thresholds. The defaults were calibrated on tests/fixtures/b1-corpus.yaml (see scripts/calibrate_b1.py)."""

    max_gemiddelde_zinslengte: float = 12.0  # words per sentence on average (B1 guidance: about 10)
    max_zinslengte: int = 15  # no sentence longer than this (B1 guidance)
    min_flesch_douma: float = 60.0  # 60-70 is "redelijk makkelijk"; official texts score 30-45
    gewoon_woord_zipf: float = 3.0  # a word at least this frequent (wordfreq Zipf scale) is common
    lang_woord_lettergrepen: int = 5  # words of this many syllables or more are long
    max_moeilijke_woorden: int = 0  # words from the difficult-words list
    max_zeldzame_woorden_per_100: float = 4.0  # rare words (not common, not in the glossary) per 100 words
    max_bijzinnen: int = 1  # subordinate clauses per sentence
    max_lijdende_vorm_per_zin: float = 0.2  # share of sentences in the passive voice


@dataclass(frozen=True)
class Finding:
    kind: str  # lange-zin, moeilijk-woord, zeldzaam-woord, lang-woord, afkorting, lijdende-vorm, bijzinnen
    message: str  # what makes it hard, in Dutch
    advice: str  # what to write instead, in Dutch


@dataclass(frozen=True)
class SentenceReport:
    text: str
    words: int
    syllables: int
    findings: tuple[Finding, ...]
    passive: bool
    rare_words: int
    difficult_words: int


@dataclass(frozen=True)
class TextReport:
    sentences: tuple[SentenceReport, ...]
    settings: Settings = field(default_factory=Settings)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def average_sentence_length(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def flesch_douma(self) -> float:
        """206,84 − 0,77 × lettergrepen per 100 woorden − 0,93 × woorden per zin."""
        if not self.words:
            return 100.0
        per_100 = 100 * sum(s.syllables for s in self.sentences) / self.words
        return 206.84 - 0.77 * per_100 - 0.93 * self.average_sentence_length

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the text as a whole is not B1; empty when it is."""
        s, out = self.settings, []
        if self.average_sentence_length > s.max_gemiddelde_zinslengte:
            out.append(f"de zinnen zijn gemiddeld {self.average_sentence_length:.1f} woorden lang "
                       f"(B1: hooguit {s.max_gemiddelde_zinslengte:g})".replace(".", ","))
        longest = max((x.words for x in self.sentences), default=0)
        if longest > s.max_zinslengte:
            out.append(f"de langste zin heeft {longest} woorden (B1: hooguit {s.max_zinslengte})")
        if self.flesch_douma < s.min_flesch_douma:
            out.append(f"de Flesch-Douma-score is {decimal(self.flesch_douma)} (B1: minstens {s.min_flesch_douma:g})")
        difficult = sum(x.difficult_words for x in self.sentences)
        if difficult > s.max_moeilijke_woorden:
            out.append(f"er staat 1 moeilijk woord in dat een eenvoudiger alternatief heeft" if difficult == 1 else
                       f"er staan {difficult} moeilijke woorden in die een eenvoudiger alternatief hebben")
        rare = 100 * sum(x.rare_words for x in self.sentences) / self.words if self.words else 0
        if rare > s.max_zeldzame_woorden_per_100:
            out.append(f"{rare:.1f} op de 100 woorden zijn weinig gebruikte woorden (B1: hooguit "
                       f"{s.max_zeldzame_woorden_per_100:g})".replace(".", ","))
        passive = sum(x.passive for x in self.sentences) / len(self.sentences) if self.sentences else 0
        if passive > s.max_lijdende_vorm_per_zin:
            out.append(f"{sum(x.passive for x in self.sentences)} van de {len(self.sentences)} zinnen staan in de "
                       "lijdende vorm")
        if any(f.kind == "bijzinnen" for x in self.sentences for f in x.findings):
            out.append(f"er zijn zinnen met meer dan {s.max_bijzinnen} bijzin")
        if any(f.kind == "afkorting" for x in self.sentences for f in x.findings):
            out.append("er staan afkortingen in die de begrippenlijst niet uitlegt")
        return tuple(out)

    @property
    def is_b1(self) -> bool:
        return not self.reasons


_PASSIVE_AUX = {"word", "wordt", "worden", "werd", "werden", "geworden"}
_PARTICIPLE = re.compile(r"^(?:[a-z]+)?ge[a-z]{2,}(?:d|t|en)$")
_SUBORDINATORS = {"omdat", "doordat", "zodat", "terwijl", "wanneer", "nadat", "voordat", "hoewel", "indien", "zodra",
                  "tenzij", "waardoor", "waarin", "waarbij", "waarmee", "waarop", "waarvan", "waarna", "opdat",
                  "alsof", "totdat", "welke", "hetgeen", "zoals"}
_RELATIVE_AFTER_COMMA = re.compile(r",\s+(die|dat|wat|als|of)\b", re.I)
_NUMERAL = re.compile(r"^(?:[IVX]+)$")


def _passive(tokens: list[str]) -> bool:
    lower = [w.lower() for w in tokens]
    return any(w in _PASSIVE_AUX for w in lower) and any(_PARTICIPLE.match(w) and w not in {"gemeente", "gebied",
                                                        "gesprek", "gevoel", "geld", "gezond", "genoeg", "gezin",
                                                        "gewoon", "geven", "gemeenten", "geheel", "gelijk"}
                                                        for w in lower)


def _subordinate_clauses(sentence: str, tokens: list[str]) -> int:
    count = sum(1 for w in tokens if w.lower() in _SUBORDINATORS)
    return count + len(_RELATIVE_AFTER_COMMA.findall(sentence))


def _phrases(lower_sentence: str, vocabulary: Vocabulary):
    """Difficult words and phrases in the sentence; a word inside a longer listed phrase counts once."""
    taken: list[tuple[int, int]] = []
    for phrase in sorted(vocabulary.difficult, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\wÀ-ÿ]){re.escape(phrase)}(?![\wÀ-ÿ])", lower_sentence):
            if any(a <= match.start() and match.end() <= b for a, b in taken):
                continue
            taken.append(match.span())
            yield phrase, vocabulary.difficult[phrase]
            break


def check_sentence(sentence: str, vocabulary: Vocabulary, settings: Settings,
                   unexplained: Collection[str] | None = None) -> SentenceReport:
    """unexplained: the abbreviations of the whole text the glossary does not explain (the build's rule, on the
    text with its lines); by default those of this sentence alone."""
    tokens = t.words(sentence)
    found = abbreviations.abbreviations_in(sentence)
    if unexplained is None:
        unexplained = {f.text for f in abbreviations.unexplained(sentence, vocabulary.spellings)}
    findings: list[Finding] = [
        Finding("afkorting", f"de afkorting '{word}' staat niet in de begrippenlijst",
                "Schrijf het woord voluit, of zet de afkorting met uitleg in data/begrippen.yaml.")
        for word in sorted(unexplained, key=sentence.find)
        if re.search(rf"(?<![\w&]){re.escape(word)}(?![\w&])", sentence)]
    if len(tokens) > settings.max_zinslengte:
        findings.append(Finding("lange-zin", f"deze zin heeft {len(tokens)} woorden",
                                f"Maak er twee of drie zinnen van, elk met één boodschap (hooguit {settings.max_zinslengte} woorden)."))
    difficult = 0
    for phrase, alternative in _phrases(sentence.lower(), vocabulary):
        difficult += 1
        findings.append(Finding("moeilijk-woord", f"'{phrase}' is een moeilijk woord", f"Schrijf: {alternative}."))
    rare = 0
    for word in dict.fromkeys(tokens):
        if word[0].isdigit() or _NUMERAL.match(word) or word in found or word in unexplained:
            continue
        lower = word.lower()
        if lower in vocabulary.difficult or vocabulary.explained(word):
            continue
        parts = compound_parts(lower, settings.gewoon_woord_zipf)
        syll = t.syllables(word)
        if parts is None and zipf(lower) < settings.gewoon_woord_zipf and not word[0].isupper():
            rare += 1
            findings.append(Finding("zeldzaam-woord", f"'{word}' is een weinig gebruikt woord",
                                    "Kies een woord dat iedereen kent, of leg het woord uit."))
        elif syll >= settings.lang_woord_lettergrepen and (parts is None or len(parts) > 1):
            findings.append(Finding("lang-woord", f"'{word}' is een lang woord ({syll} lettergrepen)",
                                    "Gebruik een korter woord of schrijf het in een paar woorden."))
    passive = _passive(tokens)
    if passive:
        findings.append(Finding("lijdende-vorm", "deze zin staat in de lijdende vorm",
                                "Zeg wie het doet: 'De gemeente maakt een plan' in plaats van 'Er wordt een plan gemaakt'."))
    clauses = _subordinate_clauses(sentence, tokens)
    if clauses > settings.max_bijzinnen:
        findings.append(Finding("bijzinnen", f"deze zin heeft {clauses} bijzinnen",
                                "Maak van elke bijzin een eigen korte zin."))
    syllables = sum(t.syllables(w) for w in tokens)
    return SentenceReport(sentence, len(tokens), syllables, tuple(findings), passive, rare, difficult)


def check_text(text: str, vocabulary: Vocabulary | None = None, settings: Settings | None = None) -> TextReport:
    vocabulary = vocabulary or Vocabulary.load()
    settings = settings or Settings()
    unexplained = {f.text for f in abbreviations.unexplained(text, vocabulary.spellings)}
    return TextReport(tuple(check_sentence(s, vocabulary, settings, unexplained) for s in t.sentences(text)), settings)
