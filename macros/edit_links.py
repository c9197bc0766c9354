"""'Bewerk deze pagina' links: to the page's Markdown file and to the data of the plans it shows.

Pages made from data are mostly macro calls such as {{ actietabel('bewind', 'I') }}; the text a
resident reads there lives in data/plannen/<plan>/, so that folder gets a link of its own. The
addresses follow the repository's edit_uri ("edit/main/docs/" on GitHub, "-/edit/main/docs/" on
GitLab): a file is edited with edit/, a folder is shown with tree/.
"""
from __future__ import annotations

import re

from .model import Site

_MACRO_PLAN = re.compile(r"""\{\{-?\s*\w+\(\s*['"]([\w-]+)['"]""")


def plans_on_page(markdown: str, site: Site) -> list:
    """The plans whose data a page shows, in the order the page first calls them."""
    known = {plan.id: plan for plan in site.plannen}
    found = []
    for plan_id in _MACRO_PLAN.findall(markdown):
        if plan_id in known and known[plan_id] not in found:
            found.append(known[plan_id])
    return found


def data_links(repo_url: str | None, edit_uri: str | None, plans) -> list[tuple[str, str]]:
    """(label, address) per plan; none when the site does not say where its sources live."""
    if not repo_url or not edit_uri or "docs/" not in edit_uri:
        return []
    base = repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")
    folder_view = re.sub(r"(^|/)edit/", r"\1tree/", base, count=1)
    return [(f"Bewerk de gegevens van {plan.korte_titel}",
             folder_view.replace("docs/", f"data/plannen/{plan.id}/", 1)) for plan in plans]
