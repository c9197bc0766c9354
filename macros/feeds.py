"""Atom feeds (RFC 4287) of what changed at each published stand: one for the whole site, one per plan.

One entry per stand, newest first, with what changed since the stand before it (macros/changes.py), shown as
on the page "Wat is er veranderd" (macros/render_changes.py). Nothing depends on the moment of the build: an
entry's `updated` is its stand's peildatum and the feed's is its newest entry's, so two builds of the same
stands are byte for byte the same.

Ids are tag: URIs (RFC 4151) made of the site's name and municipality, a fixed date, the stand's slug and the
plan: `tag:plannen-van-aanpak-deventer.deventer,2026:stand/2026-06-30/plan/bewind`. They never change for the
same site and stand.

Where the feeds live. A release (scripts/release.py) puts each stand in a folder of its own, <map>/<slug>/,
and the newest stand's feeds/ in <map>/feeds/: one address to subscribe to, the same at every release. So in a
release build the feeds are written for that place: each entry links into the folder of its own stand
(../<slug>/wat-is-er-veranderd.html#stand-<slug>, and its actions as they were then), and every page links
<map>/feeds/ in its head. A build that is no published stand has feeds in its own feeds/, without entries, so
the links in every page's head never point at a missing file.

Links are relative to the feed (RFC 4287 resolves them against the feed's own address), so the site also works
from a folder; with `site_url` in mkdocs.yml they are absolute (in a release: the address of <map>/).
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
    site_url: str | None  # where the feeds' folder sits under (in a release: <map>/); None: relative links
    release: bool = False  # the feeds are served from <map>/feeds/, above the folders of the stands

    @property
    def authority(self) -> str:
        return ".".join(slug(x) for x in (self.site_name, self.gemeente) if x and slug(x))


def feed_title(settings: FeedSettings, plan: m.Plan | None = None) -> str:
    return f"{TITLE}: {plan.korte_titel if plan else settings.site_name}"


def feed_id(settings: FeedSettings, plan_id: str | None = None) -> str:
    return f"tag:{settings.authority},{TAG_DATE}:feeds/{plan_id or 'alle'}"


def entry_id(settings: FeedSettings, entry: StandChanges, plan_id: str | None = None) -> str:
    return f"tag:{settings.authority},{TAG_DATE}:stand/{entry.stand.slug}" + (f"/plan/{plan_id}" if plan_id else "")


class RootLinks(Links):
    """Links to the pages of one site (a stand's folder), from outside it: a fixed prefix, then the page's path."""

    def __init__(self, prefix: str):
        super().__init__("index.md")
        self.prefix = prefix

    def to(self, target_src: str, anchor: str | None = None) -> str:
        path = "index.html" if target_src == self.current else super().to(target_src)
        return self.prefix + path + (f"#{anchor}" if anchor else "")


def _site_links(settings: FeedSettings, entry: StandChanges | None) -> RootLinks:
    """From <feeds>/: into the folder of the entry's stand (a release), or into the site the feeds are in."""
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else "../"
    return RootLinks(base + (f"{entry.stand.slug}/" if settings.release and entry else ""))


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
    """One Atom document: the site's feed, or the feed of one plan. site: the data of this build."""
    plan_id = plan.id if plan else None
    path = feed_path(plan_id)
    chosen = _stands_of_plan(entries, plan_id)

    def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, tag, attributes)
        element.text = text
        return element

    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})  # Atom's namespace for every element
    add(root, "id", feed_id(settings, plan_id))
    add(root, "title", feed_title(settings, plan))
    add(root, "updated", _timestamp(chosen[0].current.peildatum if chosen else reference_date))
    add(add(root, "author"), "name", settings.author)
    self_href = settings.site_url.rstrip("/") + "/" + path if settings.site_url else path.rsplit("/", 1)[1]
    add(root, "link", rel="self", type="application/atom+xml", href=self_href)
    add(root, "link", rel="alternate", type="text/html", href=_site_links(settings, chosen[0] if chosen else None)
        .to(PAGE))
    for entry in chosen:
        links = _site_links(settings, entry)
        item = add(root, "entry")
        add(item, "id", entry_id(settings, entry, plan_id))
        add(item, "title", entry_title(entry, plan_id))
        add(item, "updated", _timestamp(entry.current.peildatum))
        add(item, "link", rel="alternate", type="text/html", href=links.to(PAGE, entry.anchor))
        # In a release each entry shows its own stand, so its links go to the actions as that stand has them.
        pages = entry.current.site if settings.release else site
        content = stand_section(entry, links, pages, plan_id=plan_id, markdown=False, heading=False)
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
