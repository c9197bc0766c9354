"""MkDocs hook: the page "Wat is er veranderd", the Atom feeds in the built site, and their place in each page's head.

What changed is computed once per build (macros/changes_site.py, from macros/__init__.py); this adapter makes
the page (unless staff wrote docs/wat-is-er-veranderd.md themselves), tells the theme where the feeds are and
which plan feed belongs to a plan's pages (overrides/main.html links them), and writes feeds/alle.xml and
feeds/<plan>.xml after the build. In a release build the feeds are meant for the publication folder above the
stands (<map>/feeds/, where scripts/release.py copies the newest stand's feeds/): see macros/feeds.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

import macros  # noqa: E402  (the same module mkdocs-macros loaded, holding this build's data)
from macros.feeds import FeedSettings, all_feeds, feed_title  # noqa: E402
from macros.plan_pages import MadePage  # noqa: E402
from macros.render_changes import PAGE, TITLE, feeds_folder, summary  # noqa: E402


@event_priority(-100)  # after mkdocs-macros read the data and the stands (its on_config calls define_env)
def on_config(config):
    """Where the feeds are, from the root of this site: feeds/, or in a release the publication folder's."""
    config.extra["pva_feeds"] = feeds_folder(bool(macros.BUILD.get("stands")))
    return config


def on_files(files, config):
    if "stands" in macros.BUILD and files.get_file_from_path(PAGE) is None:
        page = MadePage(PAGE, TITLE, TITLE, summary(macros.BUILD["stands"]), "{{ wat_is_er_veranderd() }}")
        files.append(File.generated(config, PAGE, content=page.markdown()))
    return files


def on_page_markdown(markdown, page, config, files):
    """A page of a plan (under <plan>/) links that plan's feed too: title and path for overrides/main.html."""
    site = macros.BUILD.get("site")
    folder = page.file.src_uri.split("/")[0] if "/" in page.file.src_uri else None
    plan = next((p for p in site.plannen if p.id == folder), None) if site and folder else None
    if plan is not None:
        page.meta["pva_plan_feed"] = {"titel": feed_title(_settings(config), plan), "plan": plan.id}
    return markdown


def on_post_build(config):
    site = macros.BUILD.get("site")
    if site is None:
        return
    feeds = all_feeds(macros.BUILD.get("stands", ()), site, _settings(config), macros.BUILD["peildatum"])
    for path, content in feeds.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _settings(config) -> FeedSettings:
    extra = config.extra or {}
    organisation = (extra.get("contact") or {}).get("organisatie")
    stands = macros.BUILD.get("stands", ())
    # a release's site_url names the stand's folder; the feeds live above it (macros/release_hooks.py)
    url = (extra.get("publicatie") or {}).get("site_url") if stands else config.site_url or None
    return FeedSettings(config.site_name, extra.get("gemeente"), organisation or config.site_name, url,
                        release=bool(stands))
