"""Atom feeds (RFC 4287) of what changed at each published stand: one for the whole site, one per plan.

One entry per stand, newest first, with what changed since the stand before it (macros/changes.py), shown as
on the page "Wat is er veranderd" (macros/render_changes.py). Nothing depends on the moment of the build: an
entry's `updated` is its stand's peildatum and the feed's is its newest entry's, so two builds of the same
stands are byte for byte the same.

Ids are tag: URIs (RFC 4151) made of the site's name and municipality, a fixed date, the stand's slug and the
plan: `tag:plannen-van-aanpak-deventer.deventer,2026:stand/2026-06-30/plan/bewind`. They never change for the
same site and stand.

Links: with `site_url` set in mkdocs.yml they are absolute; without it they are relative to the feed's own
address (feeds/...), which RFC 4287 allows (a relative reference resolves against the document's URI), so the
site also works from a folder. A build that is no published stand has feeds without entries, so the links
in every page's head never point at a missing file.
"""
from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import model as m
from .changes import StandChanges
from .locations import Links, slug
from .render_changes import PAGE, TITLE, entry_title, feed_path, stand_section

ATOM = "http://www.w3.org/2005/Atom"
# The date in every tag: URI of these feeds. Fixed: a tag: URI needs one, and an id must never change.
TAG_DATE = "2026"


@dataclass(frozen=True)
class FeedSettings:
    site_name: str
    gemeente: str | None  # mkdocs.yml extra.gemeente
    author: str  # who publishes: extra.contact.organisatie, else the site's name
    site_url: str | None  # mkdocs.yml site_url; None or empty: relative links

    @property
    def authority(self) -> str:
        return ".".join(slug(x) for x in (self.site_name, self.gemeente) if x and slug(x))


def feed_title(settings: FeedSettings, plan: m.Plan | None = None) -> str:
    return f"{TITLE}: {plan.korte_titel if plan else settings.site_name}"


def feed_id(settings: FeedSettings, plan_id: str | None = None) -> str:
    return f"tag:{settings.authority},{TAG_DATE}:feeds/{plan_id or 'alle'}"


def entry_id(settings: FeedSettings, entry: StandChanges, plan_id: str | None = None) -> str:
    return f"tag:{settings.authority},{TAG_DATE}:stand/{entry.stand.slug}" + (f"/plan/{plan_id}" if plan_id else "")


class AbsoluteLinks(Links):
    """Links from the site's root, made absolute with site_url."""

    def __init__(self, site_url: str):
        super().__init__("index.md")
        self.base = site_url.rstrip("/") + "/"

    def to(self, target_src: str, anchor: str | None = None) -> str:
        relative = super().to(target_src, anchor) if target_src != self.current else "index.html" + (
            f"#{anchor}" if anchor else "")
        return self.base + relative


def _timestamp(day: _dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _stands_of_plan(entries: tuple[StandChanges, ...], plan_id: str | None) -> list[StandChanges]:
    """The stands a feed has: all for the site's; for a plan's, those at which the plan was on the site. Of a stand
    whose data are unknown, the nearest later stand with data tells (entries are newest first, the newest known)."""
    if plan_id is None:
        return list(entries)
    chosen, present = [], True
    for entry in entries:
        if entry.current.site is not None:
            present = any(p.id == plan_id for p in entry.current.site.plannen)
        if present:
            chosen.append(entry)
    return chosen


def feed(entries: tuple[StandChanges, ...], site: m.Site, settings: FeedSettings, reference_date: _dt.date,
         plan: m.Plan | None = None) -> bytes:
    """One Atom document: the site's feed, or the feed of one plan."""
    path = feed_path(plan.id if plan else None)
    links = AbsoluteLinks(settings.site_url) if settings.site_url else Links(path[:-len(".xml")] + ".md")
    self_href = links.base + path if settings.site_url else path.rsplit("/", 1)[1]
    chosen = _stands_of_plan(entries, plan.id if plan else None)

    def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, tag, attributes)
        element.text = text
        return element

    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})  # Atom's namespace for every element
    add(root, "id", feed_id(settings, plan.id if plan else None))
    add(root, "title", feed_title(settings, plan))
    add(root, "updated", _timestamp(chosen[0].current.peildatum if chosen else reference_date))
    add(add(root, "author"), "name", settings.author)
    add(root, "link", rel="self", type="application/atom+xml", href=self_href)
    add(root, "link", rel="alternate", type="text/html", href=links.to(PAGE))
    for entry in chosen:
        item = add(root, "entry")
        add(item, "id", entry_id(settings, entry, plan.id if plan else None))
        add(item, "title", entry_title(entry, plan.id if plan else None))
        add(item, "updated", _timestamp(entry.current.peildatum))
        add(item, "link", rel="alternate", type="text/html", href=links.to(PAGE, entry.anchor))
        content = stand_section(entry, links, site, plan_id=plan.id if plan else None, markdown=False, heading=False)
        add(item, "content", content, type="html")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def all_feeds(entries: tuple[StandChanges, ...], site: m.Site, settings: FeedSettings,
              reference_date: _dt.date) -> dict[str, bytes]:
    """Every feed by its path in the built site: feeds/alle.xml and feeds/<plan>.xml for each plan now on it."""
    out = {feed_path(): feed(entries, site, settings, reference_date)}
    for plan in site.plannen:
        out[feed_path(plan.id)] = feed(entries, site, settings, reference_date, plan)
    return out
