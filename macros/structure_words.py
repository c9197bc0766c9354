"""The words plans use for their parts, with their plurals: Dutch plurals do not follow one rule
("sporen", "thema's", "pijlers"), so the site never forms them by adding -en."""
from __future__ import annotations

import difflib
import re

PLURALS = {
    "aanbeveling": "aanbevelingen", "actielijn": "actielijnen", "ambitie": "ambities", "bouwsteen": "bouwstenen",
    "doel": "doelen", "domein": "domeinen", "hoofdstuk": "hoofdstukken", "lijn": "lijnen",
    "maatregel": "maatregelen", "ontwikkellijn": "ontwikkellijnen", "opdracht": "opdrachten", "opgave": "opgaven",
    "pijler": "pijlers", "prioriteit": "prioriteiten", "programmalijn": "programmalijnen", "project": "projecten",
    "speerpunt": "speerpunten", "spoor": "sporen", "thema": "thema's", "werkspoor": "werksporen",
}


def plural_problem(word: str, given: str | None) -> tuple[str, str] | None:
    """(problem, fix) in Dutch when the site cannot know the plural of word, else None."""
    if given or word in PLURALS:
        return None
    near = difflib.get_close_matches(word, PLURALS, n=1)
    hint = f"Bedoelt u '{near[0]}'? " if near else ""
    return (f"de site kent het meervoud van '{word}' niet.",
            f"{hint}Of zet het meervoud erbij, op een eigen regel: 'onderdeel_meervoud: ...' (bijvoorbeeld "
            f"'{word}en' of '{word}s', zoals het plan het schrijft).")


def plural(word: str, given: str | None = None) -> str:
    return given or PLURALS.get(word) or word


# A part numbered in a series ("I", "2", "2.3") is called by word and number; a part whose id is a name
# ("inhoud-en-extern") by word and title; a part with a label of its own by that label.
_SERIES_NUMBER = re.compile(r"^(?:\d[\w.]*|[IVXLC]+|[A-Z]\d*)$")


def part_label(plan, part) -> str:
    """Short name of a part in running text and captions: 'Aanbeveling I', 'Monitoring en kwaliteit'."""
    if part.label:
        return part.label
    word = plan.onderdeel_soort.capitalize()
    return f"{word} {part.id}" if _SERIES_NUMBER.match(part.id) else f"{word}: {part.korte_titel}"


def part_title(plan, part) -> str:
    """Full name of a part, for its page title: 'Aanbeveling I: Rollen en verantwoordelijkheden'."""
    label = part_label(plan, part)
    return label if part.korte_titel in label else f"{label}: {part.korte_titel}"
