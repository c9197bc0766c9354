"""Where each plan item lives on the site, as relative links between pages.

Renderers emit HTML, which MkDocs does not rewrite, so links are computed here
from the source path of the page that shows them.
"""
from __future__ import annotations

import posixpath
import re
import unicodedata

from . import model as m



def slug(text: str) -> str:
    """ASCII words joined by '-': 'Cliëntondersteuner' -> 'clientondersteuner'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def action_anchor(action_id: str) -> str:
    return f"actie-{slug(action_id)}"


def advice_anchor(advice_id: str) -> str:
    return f"advies-{slug(advice_id)}"


def recommendation_anchor(recommendation: m.Recommendation) -> str:
    return f"aanbeveling-{slug(recommendation.rapport)}-{slug(recommendation.nummer)}"


# The made page of a plan's recommendations: not 'aanbevelingen', the folder of a plan whose parts are aanbevelingen.
RECOMMENDATIONS_PAGE = "rapporten"


def folder_name(plural_word: str) -> str:
    """The part of a page address for a plural: "thema's" -> "themas"."""
    return slug(plural_word.replace("'", ""))


def part_page(plan: m.Plan, part_id: str) -> str:
    """Source path of the page for one aanbeveling/actielijn, e.g. bewind/aanbevelingen/I.md."""
    return f"{plan.id}/{folder_name(plan.onderdeel_meervoud)}/{part_id}.md"


def plan_page(plan: m.Plan, name: str = "index") -> str:
    return f"{plan.id}/{name}.md"


class Links:
    """Relative URLs from one page (given by its source path) to others."""

    def __init__(self, current_src: str):
        self.current = current_src

    def to(self, target_src: str, anchor: str | None = None) -> str:
        target = re.sub(r"\.md$", ".html", target_src)
        here = posixpath.dirname(self.current)
        rel = posixpath.relpath(target, here or ".")
        if target_src == self.current:
            rel = ""
        return rel + (f"#{anchor}" if anchor else "")

    def action(self, plan: m.Plan, action: m.Action) -> str:
        return self.to(part_page(plan, action.onderdeel), action_anchor(action.id))

    def part(self, plan: m.Plan, part_id: str) -> str:
        return self.to(part_page(plan, part_id))

    def plan(self, plan: m.Plan, name: str = "index") -> str:
        return self.to(plan_page(plan, name))

    def advice(self, plan: m.Plan, advice_id: str) -> str:
        return self.to(plan_page(plan, "adviezen"), advice_anchor(advice_id))

    def recommendation(self, plan: m.Plan, recommendation: m.Recommendation) -> str:
        return self.to(plan_page(plan, RECOMMENDATIONS_PAGE), recommendation_anchor(recommendation))
