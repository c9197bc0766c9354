"""How long the texts that staff write themselves may be: one table, used by the loader, the page check,
the JSON Schema and the editors' guide, so the documented limit is always the enforced one.

Texts quoted from the plan are not limited: they are checked letter for letter against the source, and
shortening them would change what the plan says.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    file: str  # where staff write it, as the editors' guide names it
    key: str
    most: int  # characters
    why: str  # Dutch, completes "de grens is N, want ..."


LIMITS = (
    Limit("plan.yaml", "korte_titel", 40, "de korte titel staat in het menu en op de kaarten en moet op een telefoon "
                                          "op één regel passen"),
    Limit("plan.yaml", "samenvatting", 500, "de samenvatting is een paar korte zinnen in eenvoudige taal; de rest "
                                            "staat op de pagina's van het plan"),
    Limit("plan.yaml", "status_toelichting", 250, "de toelichting staat naast de status en legt die in een of twee "
                                                  "zinnen uit"),
    Limit("onderdelen.yaml", "korte_titel", 80, "de korte titel van een onderdeel staat in het menu en in tabellen"),
    Limit("onderdelen.yaml", "label", 40, "het label staat in koppen, menu's en tabellen voor de titel"),
    Limit("onderdelen.yaml", "in_het_kort", 500, "'In het kort' is een paar korte zinnen in eenvoudige taal "
                                                 "bovenaan de pagina van het onderdeel"),
    Limit("acties.yaml", "status_toelichting", 250, "de toelichting staat in de tabel naast de status"),
    Limit("voortgang/*.yaml", "toelichting", 400, "de toelichting is een korte uitleg in eenvoudige taal; het hele "
                                                  "verhaal staat in de bron van de rapportage"),
    Limit("pagina (docs/*.md)", "title", 70, "de titel staat in het tabblad van de browser en in zoekresultaten, "
                                             "die langere titels afkappen"),
    Limit("pagina (docs/*.md)", "in_het_kort", 500, "'In het kort' is een paar korte zinnen in eenvoudige taal "
                                                    "bovenaan de pagina"),
)


def limit(file: str, key: str) -> Limit:
    return next(item for item in LIMITS if item.file == file and item.key == key)


def too_long(item: Limit, text: str | None, what: str = "") -> str | None:
    """The Dutch problem when text is longer than the limit allows, else None."""
    if text is None or len(text) <= item.most:
        return None
    return (f"'{item.key}'{f' bij {what}' if what else ''} is {len(text)} tekens lang; de grens is {item.most}, "
            f"want {item.why}.")


def shorten_fix(item: Limit, text: str) -> str:
    return f"Maak de tekst {len(text) - item.most} tekens korter (hoogstens {item.most})."


def page_text_problems(meta: dict, raw: str) -> list[tuple[int | None, str, str]]:
    """(line, problem, fix) for a page's front matter: the line is where the key stands in the file."""
    lines = raw.splitlines()
    found = []
    for key in ("title", "in_het_kort"):
        value = meta.get(key)
        item = limit("pagina (docs/*.md)", key)
        problem = too_long(item, value.strip() if isinstance(value, str) else None)
        if problem:
            line = next((i for i, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)
            found.append((line, problem, shorten_fix(item, value.strip())))
    return found
