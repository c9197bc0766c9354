"""The pages of a plan and its menu, made from its data folder.

A plan is a folder under data/plannen/. Its overview, a page per part, its actions and, where the folder
has the file, its advice, budget, organisation, planning and goals pages follow from the data. Pages staff
write under docs/<plan>/ slot in: a written page at the same address replaces the made one, and a made
page leaves out what a written page of the plan already shows. Plain Python: the MkDocs hook turns the
result into files and a menu.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from . import model as m
from .locations import RECOMMENDATIONS_PAGE, folder_name, part_page, plan_page
from .overview_split import TABLE_MACRO, TIMELINE_MACRO, PlanOverviewPages, overview_pages
from .structure_words import part_title
from .text_files import NotUtf8, read_text


@dataclass(frozen=True)
class WrittenPage:
    """A page a member of staff wrote in docs/<plan>/, as far as the menu needs to know it."""

    src: str  # e.g. "bewind/inleiding.md"
    title: str
    menu_title: str | None  # front matter 'menutitel'
    order: int | None  # front matter 'volgorde'
    background: bool  # under "Achtergrond": prose about the plan, not a view of its data
    shows: frozenset[str]  # the plan macros the page calls: "begroting", "onderdeel_pagina:I"


@dataclass(frozen=True)
class MadePage:
    src: str
    title: str
    menu_title: str
    in_het_kort: str
    body: str
    shows: frozenset[str] = frozenset()  # the plan macros on the page, as for a written page

    def markdown(self) -> str:
        meta = yaml.safe_dump({"title": self.title, "in_het_kort": self.in_het_kort}, allow_unicode=True,
                              sort_keys=False, width=100)
        return f"---\n{meta}---\n\n{self.body.strip()}\n"


def _front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match[1])
    except yaml.YAMLError:
        meta = None  # the page check explains broken front matter, with its line
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


def written_page(src: str, text: str, plan_id: str) -> WrittenPage:
    meta, body = _front_matter(text)
    call = re.compile(r"\b([a-z_]+)\(\s*[\"']" + re.escape(plan_id) + r"[\"']\s*(?:,\s*[\"']([^\"']*)[\"'])?")
    shows = frozenset(name + (f":{arg}" if arg else "") for name, arg in call.findall(body))
    order = meta.get("volgorde")
    background = meta.get("achtergrond")
    return WrittenPage(src=src, title=str(meta.get("title") or src), menu_title=meta.get("menutitel"),
                       order=order if isinstance(order, int) and not isinstance(order, bool) else None,
                       background=background if isinstance(background, bool) else not shows, shows=shows)


# --- The pages every plan can have ----------------------------------------------------------------------
# Each section: (name of the page, the macros it shows in order with a heading, when the data has it).
# Written in B1: short sentences, common words, one idea each.
@dataclass(frozen=True)
class _Section:
    heading: str | None
    macro: str
    present: object  # Plan -> bool


@dataclass(frozen=True)
class _Kind:
    name: str
    menu: str
    title: str
    in_het_kort: str
    sections: tuple[_Section, ...]


def _has(attribute: str, inner: str | None = None):
    def present(plan: m.Plan) -> bool:
        value = getattr(plan, attribute)
        return bool(getattr(value, inner) if value is not None and inner else value)
    return present


_KINDS = (
    _Kind("acties", "Alle acties {plan}", "Alle acties van het plan {plan}",
          "Hier staan alle acties van het plan in één tabel. U ziet wie een actie doet en wanneer. "
          "U ziet ook hoe ver de actie is. Klik op een actie voor de hele tekst.",
          (_Section(None, "acties_tabel", lambda plan: True),
           _Section("Tijdlijn", "tijdlijn", lambda plan: True),
           _Section("Wie doet wat?", "raci_matrix", lambda plan: any(a.raci for a in plan.acties)))),
    # At 'rapporten', not 'aanbevelingen': that is the folder of the parts of a plan whose parts are aanbevelingen.
    _Kind(RECOMMENDATIONS_PAGE, "", "Aanbevelingen uit rapporten bij het plan {plan}",
          "Onderzoekers gaven de gemeente advies in een rapport. Elk advies heeft een nummer. "
          "Hier leest u wat de gemeente daarop zegt. U ziet ook welke acties erbij horen en hoe ver die zijn.",
          (_Section(None, "aanbevelingen", _has("aanbevelingen")),)),
    _Kind("adviezen", "", "Adviezen bij het plan {plan}",
          "Anderen gaven advies over dit plan. Hier leest u wat zij zeiden. "
          "U ziet ook welke acties bij een advies horen.",
          (_Section(None, "adviezen", _has("adviezen")),)),
    _Kind("begroting", "", "Begroting van het plan {plan}",
          "Hier leest u wat het plan kost. De bedragen komen uit de stukken. "
          "U ziet ook of een bedrag een schatting, een voorstel of een besluit is.",
          (_Section(None, "begroting", _has("begroting")),)),
    _Kind("organisatie", "", "Organisatie van het plan {plan}",
          "Hier leest u wie het plan uitvoert. U ziet welke groepen er zijn. U ziet ook wie beslist en wie meedoet.",
          (_Section(None, "organisatie", _has("organisatie")),
           _Section("Rollen", "organisatie_raci", _has("organisatie")))),
    _Kind("planning", "", "Planning van het plan {plan}",
          "Hier ziet u de planning uit het plan. U ziet wat wanneer klaar moet zijn. "
          "Dit is de planning op papier. Hoe ver het werk echt is, staat bij de acties.",
          (_Section("Fasen", "fasen", _has("planning", "fasen")),
           _Section("Detailplanning", "detailplanning", _has("planning", "detailplanning")),
           _Section("Menskracht", "capaciteit", _has("planning", "capaciteit")),
           _Section("Rapportages", "rapportages", _has("planning", "rapportages")))),
    _Kind("doelen", "", "Doelen van het plan {plan}",
          "Hier leest u wat het plan wil bereiken. U ziet de doelen zoals het plan ze noemt. "
          "U ziet ook wat de gemeente daarbij belangrijk vindt.",
          (_Section("Meetbare doelen", "indicatoren", _has("doelen", "indicatoren")),
           _Section("Opschaling", "escalatie", _has("doelen", "escalatie")),
           _Section("Lijsten uit het plan", "lijsten", _has("doelen", "lijsten")))),
)
KIND_NAMES = tuple(kind.name for kind in _KINDS)


def _call(macro: str, plan: m.Plan, *args: str) -> str:
    return "{{ " + macro + "(" + ", ".join(f'"{a}"' for a in (plan.id, *args)) + ") }}"


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def part_summary(plan: m.Plan, part: m.Part) -> str:
    """'In het kort' of a part page: the plan's own B1 text, or a plain sentence made from the data."""
    if part.in_het_kort:
        return part.in_het_kort
    n = len(plan.acties_van(part.id))
    # No plan words here ("actielijn", the title): they are in the heading, and they are seldom B1.
    return ("Deze pagina gaat over één deel van het plan. "
            f"Daar {'hoort' if n == 1 else 'horen'} {_count(n, 'actie', 'acties')} bij. "
            "U ziet wie wat doet en wanneer. U ziet ook hoe ver het werk is.")


def _overview(plan: m.Plan, made: list[MadePage], written: list[WrittenPage]) -> MadePage:
    summary = plan.samenvatting or ("Op deze pagina leest u wat er in het plan staat. U leest wat de gemeente "
                                    "wil doen. U ziet ook hoe ver het plan is.")
    body = ["## Over dit plan", _call("plan_gegevens", plan)]
    if plan.documenten:
        body += ["### De stukken van dit plan", _call("documenten", plan)]
    body += ["## Hoe ver is het plan?", _call("voortgang", plan), _call("voortgang_tabel", plan),
             "### Voortgangsrapportages", _call("voortgangsrapportages", plan),
             f"## Alle {plan.onderdeel_meervoud}", _call("onderdelen_tabel", plan)]
    if plan.kader:
        body += ["## Kaderstukken", "Het plan bouwt voort op deze stukken:", _call("kader", plan)]
    others = [(page.menu_title, page.src) for page in made] + [(page.menu_title or page.title, page.src)
                                                             for page in written if page.src != plan_page(plan)]
    if others:
        index = plan_page(plan)
        body += ["## Lees verder", "\n".join(f"- [{title}]({_relative(src, index)})" for title, src in others)]
    return MadePage(plan_page(plan), f"Plan van aanpak: {plan.korte_titel}", plan.korte_titel, summary,
                    "\n\n".join(body))


def _relative(src: str, here: str) -> str:
    depth = here.count("/")
    return "../" * (depth - 1) + src.split("/", 1)[1] if depth > 1 else src.split("/", 1)[1]


def _free_address(name: str, plan: m.Plan, taken: set[str]) -> str:
    """The usual address of a made page, or, if a written page about something else has it, a free one."""
    for candidate in (name, f"{name}-overzicht", f"{name}-uit-de-gegevens"):
        if plan_page(plan, candidate) not in taken:
            return plan_page(plan, candidate)
    raise ValueError(f"geen vrij adres voor {name}")  # three written pages with these names: never seen


def made_pages(plan: m.Plan, written: list[WrittenPage], own_overview: bool = False) -> list[MadePage]:
    """The pages of the plan that staff did not write, in menu order (the overview first).

    own_overview: the site-wide overview and timeline are split per plan (macros/overview_split.py), so the plan
    needs a page with all its actions and one with its timeline; what no page shows yet is made."""
    addresses = {page.src for page in written}
    shown = set().union(*(page.shows for page in written)) if written else set()
    made = []
    for part in sorted(plan.onderdelen, key=lambda p: p.nummer):
        src = part_page(plan, part.id)
        if src not in addresses and f"onderdeel_pagina:{part.id}" not in shown:
            made.append(MadePage(src, part_title(plan, part), part_title(plan, part), part_summary(plan, part),
                                 _call("onderdeel_pagina", plan, part.id)))
    for kind in _KINDS:
        if any(s.macro in shown for s in kind.sections):
            continue  # staff wrote this page themselves, with what they chose to show
        sections = [s for s in kind.sections if s.present(plan)]
        if not sections:
            continue
        src = _free_address(kind.name, plan, addresses)
        body = "\n\n".join((f"## {s.heading}\n\n" if s.heading and len(sections) > 1 else "") + _call(s.macro, plan)
                           for s in sections)
        title = kind.title.format(plan=plan.korte_titel)
        # The menu label is the page's heading too: it names the plan, as two plans can both have a budget.
        made.append(MadePage(src, title, kind.menu.format(plan=plan.korte_titel) or title, kind.in_het_kort, body,
                             frozenset(s.macro for s in sections)))
    if own_overview:
        made += _own_overview_pages(plan, made, written, addresses)
    if plan_page(plan) not in addresses:
        made.insert(0, _overview(plan, made, written))
    return made


_TIMELINE_PAGE = _Kind("tijdlijn", "Tijdlijn {plan}", "Tijdlijn van het plan {plan}",
                       "Hier ziet u wanneer de acties van dit plan gepland zijn. Elke balk is een actie. "
                       "Een rode balk is volgens een verslag over de voortgang te laat. "
                       "Onder de tijdlijn staat alles ook in een tabel.",
                       (_Section(None, TIMELINE_MACRO, lambda plan: True),))


def _own_overview_pages(plan: m.Plan, made: list[MadePage], written: list[WrittenPage],
                        addresses: set[str]) -> list[MadePage]:
    """A page with all actions and one with the timeline, where staff's pages leave them out (say, a written
    page of all actions without a timeline). Only when the site-wide pages link to them: below the threshold
    the plan's pages stay as staff chose them."""
    shown = set().union(*(page.shows for page in [*made, *written]))
    actions_kind = _KINDS[0]
    missing = [s for s in actions_kind.sections if s.macro in (TABLE_MACRO, TIMELINE_MACRO) and s.macro not in shown]
    if not missing:
        return []
    kind = actions_kind if missing[0].macro == TABLE_MACRO else _TIMELINE_PAGE
    src = _free_address(kind.name, plan, addresses | {page.src for page in made})
    body = "\n\n".join((f"## {s.heading}\n\n" if s.heading and len(missing) > 1 else "") + _call(s.macro, plan)
                        for s in missing)
    title = kind.title.format(plan=plan.korte_titel)
    return [MadePage(src, title, kind.menu.format(plan=plan.korte_titel), kind.in_het_kort, body,
                     frozenset(s.macro for s in missing))]


# --- The menu ------------------------------------------------------------------------------------------

def _kind_of(page: WrittenPage | MadePage) -> int:
    """Position of a page among the standard pages of a plan: by the data it shows."""
    for position, kind in enumerate(_KINDS):
        if any(s.macro in page.shows for s in kind.sections):
            return position
    return len(_KINDS)


def plan_menu(plan: m.Plan, made: list[MadePage], written: list[WrittenPage],
              parts_label: str | None = None) -> dict:
    """The plan's section of the site menu, in MkDocs' nav shape: {title: [entries]}.
    parts_label: the label of its parts' section, when "Aanbevelingen" alone would not tell two plans apart."""
    parts_folder = f"{plan.id}/{folder_name(plan.onderdeel_meervoud)}/"
    pages = [*made, *written]
    part_pages = {page.src: page for page in pages if page.src.startswith(parts_folder)}
    order = {part_page(plan, part.id): part.nummer for part in plan.onderdelen}
    parts = [src for src in sorted(part_pages, key=lambda src: (src != parts_folder + "index.md",
                                                                order.get(src, len(order)), src))]
    main, background = [], []
    for page in pages:
        if page.src in part_pages or page.src == plan_page(plan):
            continue
        if isinstance(page, WrittenPage) and page.background:
            background.append(page)
        else:
            main.append(page)

    def entry(page):
        return {page.menu_title: page.src} if page.menu_title else page.src

    def written_order(page):
        return (page.order if isinstance(page, WrittenPage) and page.order is not None else 1000)

    main.sort(key=lambda page: (_kind_of(page), written_order(page), page.title))
    background.sort(key=lambda page: (written_order(page), page.title))
    parts_section = {parts_label or plan.onderdeel_meervoud.capitalize(): [entry(part_pages[s]) for s in parts]}
    children = [plan_page(plan), parts_section]
    children += [entry(page) for page in main]
    if background:
        children.append({f"Achtergrond {plan.korte_titel}": [entry(page) for page in background]})
    title = plan.korte_titel + (f" ({plan.datum.jaar})" if plan.historisch and plan.datum else "")
    return {title: children}


# --- All plans -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanSite:
    made: dict[str, MadePage]  # by address
    menus: list[dict]  # one section per plan, in the order of the site's plans
    overview: dict[str, PlanOverviewPages]  # by plan id: its pages that show all its actions and its timeline


def _text(path: Path) -> str:
    try:
        return read_text(path)
    except NotUtf8:
        return ""  # the build stops on it elsewhere, in Dutch, with the line


def plan_site(site: m.Site, docs: Path, own_overviews: bool = False) -> PlanSite:
    """The made pages and menu sections of every plan, with the pages staff wrote in docs/<plan>/.
    own_overviews: the site-wide overview and timeline are split per plan (see made_pages)."""
    made, menus, overview, per_plan = {}, [], {}, {}
    for plan in site.plannen:
        folder = docs / plan.id
        written = [written_page(path.relative_to(docs).as_posix(), _text(path), plan.id)
                   for path in sorted(folder.rglob("*.md"))] if folder.is_dir() else []
        per_plan[plan.id] = (written, made_pages(plan, written, own_overviews))
    # Page titles, headings and menu labels name one page of the whole site. Two plans can have a part with the
    # same title ("Actielijn 1: Samenwerking") and the same kind of parts: those then name their plan too.
    shared_titles = Counter(title for _, pages in per_plan.values() for title in {page.title for page in pages})
    shared_labels = Counter(plan.onderdeel_meervoud.capitalize() for plan in site.plannen)
    for plan in site.plannen:
        written, pages = per_plan[plan.id]
        pages = [replace(page, title=f"{page.title} – {plan.korte_titel}",
                         menu_title=f"{page.menu_title} – {plan.korte_titel}") if shared_titles[page.title] > 1
                 else page for page in pages]
        label = plan.onderdeel_meervoud.capitalize()
        made.update((page.src, page) for page in pages)
        menus.append(plan_menu(plan, pages, written,
                               f"{label} {plan.korte_titel}" if shared_labels[label] > 1 else None))
        overview[plan.id] = overview_pages([*pages, *written])
    return PlanSite(made, menus, overview)


PLANS_IN_NAV = "plannen"  # the entry in mkdocs.yml's nav that stands for all plans


def site_menu(nav: list, plans: PlanSite) -> list:
    """mkdocs.yml's nav with the plans in the place of its entry '- plannen'."""
    at = nav.index(PLANS_IN_NAV)
    return [*nav[:at], *plans.menus, *nav[at + 1:]]
