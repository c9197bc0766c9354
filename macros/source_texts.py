"""The source documents inside the product, and the check that every quote stands in them.

Each plan keeps the full text of the documents it was transcribed from in its
bron/ folder. Whatever the site presents as the plan's own words (action
texts, titles, goals, the quotes a status rests on, budget remarks) must occur
there, letter for letter; line breaks, hyphenation, bullets and punctuation
do not count, because PDF extraction mangles them.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import model as m
from .problems import Problem, shown_path
from .text_files import NotUtf8, read_text
from .yaml_source import Mapping

FOLDER = "bron"
MIN_WORDS = 4  # shorter fragments ("Doel", "Monitor SHV") prove nothing and are checked as a whole only


def letters(text: str) -> str:
    """Only letters and digits, lower case: what a quote and its source must share."""
    return re.sub(r"[\W_]+", "", text).lower()


def sentences(text: str):
    """The sentences of a text (Markdown allowed) with at least MIN_WORDS words, with their line offset."""
    plain = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # keep link text, drop the URL
    plain = re.sub(r"^\s*(?:[-*]|\d+\.|o)\s+", "", plain, flags=re.M)
    position = 0
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n(?=\S)", plain):
        found = plain.find(sentence, position)
        position = max(position, found)
        if len(sentence.split()) >= MIN_WORDS:
            yield sentence.strip(), plain.count("\n", 0, max(found, 0))


def _header_pattern(header: str) -> str:
    """A running header as staff write it: any white space matches any white space, {getal} any number."""
    words = (r"\d+".join(re.escape(part) for part in word.split("{getal}")) for word in header.split())
    return r"\s+".join(words)


def load(plan_folder: Path, root: Path, headers: tuple[str, ...], problems: list[Problem]) -> m.SourceTexts | None:
    folder = plan_folder / FOLDER
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        problems.append(Problem(shown_path(folder, root), None,
                                "deze plan-map heeft geen map bron/ met de tekst van het plan.",
                                "Zet de volledige tekst van het plan (en het besluit en de raadsmededeling) als "
                                ".txt-bestand in bron/. De site controleert daarmee dat elk citaat letterlijk klopt."))
        return None
    for file in files:  # the template's text, not yet replaced by the plan's
        if read_text(file, str(shown_path(file, root))).lstrip().startswith("<Plak hier"):
            problems.append(Problem(shown_path(file, root), 1, "hier staat nog het invulveld uit het sjabloon "
                                    "in plaats van de tekst van het plan.",
                                    "Vervang de regels tussen < en > door de hele tekst van het plan."))
    return m.SourceTexts(tuple(str(shown_path(f, root)) for f in files), tuple(headers))



def normalised_source(bron: m.SourceTexts, root: Path) -> str:
    """All source texts of a plan, without running headers, reduced to letters and digits."""
    texts = []
    for name in bron.bestanden:
        text = read_text(root / name, name)
        for header in bron.paginakoppen:
            text = re.sub(_header_pattern(header), " ", text)
        texts.append(letters(text))
    return "\n".join(texts)


def quotes(plan: m.Plan, docs: dict):
    """(file, line, text) for every text the site presents as the source's own words.

    Action texts are checked sentence by sentence: the source spreads them over slides and columns.
    """
    def items(name: str, key: str) -> dict[str, Mapping]:
        doc = docs.get(name)
        if doc is None or not isinstance(doc[0], Mapping) or not isinstance(doc[0].get(key), list):
            return {}
        return {str(i.get("id")): i for i in doc[0][key] if isinstance(i, Mapping)}

    def file_of(name: str):
        return docs[name][1] if name in docs else Path(name)

    actions = items("acties.yaml", "acties")
    for action in plan.acties:
        raw = actions.get(action.id, Mapping())
        start = raw.line_of("tekst") + 1  # block text starts on the line after 'tekst: |'
        for sentence, offset in sentences(action.tekst):
            yield file_of("acties.yaml"), start + offset, sentence
        for quote in action.status_citaten:
            yield file_of("acties.yaml"), raw.line_of("status_citaten"), quote
        yield from _planning_words(file_of("acties.yaml"), raw, action.planning)
    parts = items("onderdelen.yaml", "onderdelen")
    for part in plan.onderdelen:
        raw = parts.get(part.id, Mapping())
        yield file_of("onderdelen.yaml"), raw.line_of("titel"), part.titel
        if part.doel:
            yield file_of("onderdelen.yaml"), raw.line_of("doel"), part.doel
        if part.inleiding:  # shown as "Wat het plan hierover zegt": the plan's words, sentence by sentence
            for sentence, offset in sentences(part.inleiding):
                yield file_of("onderdelen.yaml"), raw.line_of("inleiding") + 1 + offset, sentence
        goals = {str(g.get("id")): g for g in raw.get("doelen") or () if isinstance(g, Mapping)}
        for goal in part.doelen:
            graw = goals.get(goal.id, Mapping())
            yield file_of("onderdelen.yaml"), graw.line_of("titel"), goal.titel
            yield from _planning_words(file_of("onderdelen.yaml"), graw, goal.planning)
    advice = items("adviezen.yaml", "adviezen")
    for point in plan.adviezen:
        raw = advice.get(point.id, Mapping())
        yield file_of("adviezen.yaml"), raw.line_of("tekst"), point.tekst
        if point.antwoord:  # the municipality's answer, shown as its own words
            yield file_of("adviezen.yaml"), raw.line_of("antwoord"), point.antwoord
    raw_recommendations = docs.get("aanbevelingen.yaml", (Mapping(),))[0].get("aanbevelingen") or []
    for recommendation, raw in zip(plan.aanbevelingen, raw_recommendations):  # the report's and the response's words
        for key in ("tekst", "reactie"):
            if getattr(recommendation, key):
                yield file_of("aanbevelingen.yaml"), raw.line_of(key), getattr(recommendation, key)
    if plan.doelen:
        for indicator in plan.doelen.indicatoren:
            yield file_of("doelen.yaml"), None, indicator.omschrijving
            if indicator.norm:
                yield file_of("doelen.yaml"), None, indicator.norm
        for named in plan.doelen.lijsten:
            for item in named.items:
                yield file_of("doelen.yaml"), None, item.titel
    if plan.begroting:
        if plan.begroting.besluit:
            yield file_of("begroting.yaml"), None, plan.begroting.besluit
        for estimate in plan.begroting.ramingen:
            for text in (estimate.toelichting, estimate.kanttekening):
                if text:
                    yield file_of("begroting.yaml"), estimate.line, text


def _planning_words(file, raw: Mapping, planning: m.Planning | None):
    """The plan's own words for when, and for how often, of an action or a doel."""
    block = raw.get("planning")
    for key in ("tekst", "herhaling"):
        if planning and getattr(planning, key):
            yield file, block.line_of(key) if isinstance(block, Mapping) else raw.line, getattr(planning, key)


def unquoted(plan: m.Plan, docs: dict, root: Path) -> list[Problem]:
    """A problem for every quote that does not stand in the plan's source texts."""
    if plan.brontekst is None:
        return []
    try:
        source = normalised_source(plan.brontekst, root)
    except NotUtf8 as err:
        return [Problem(Path(err.shown), err.line, err.message, err.fix)]
    names = ", ".join(Path(b).name for b in plan.brontekst.bestanden)
    return [
        Problem(file, line, f"deze tekst staat niet letterlijk in de bron ({names}): '{_short(text)}'.",
                "Neem de tekst woord voor woord over uit de bron. Een eigen uitleg hoort in een toelichting, "
                "niet in een citaat.")
        for file, line, text in quotes(plan, docs) if letters(text) not in source
    ]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
