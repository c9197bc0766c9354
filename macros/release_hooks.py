"""MkDocs hook: in a release build (scripts/release.py), which stand this version is, for the stand bar on
every page (overrides/partials/stand.html) and the version list (javascripts/standen.js); and the address
the version will have on a server, <site>/<slug>/, for its canonical links, sitemap and 404 page."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from mkdocs.exceptions import PluginError  # noqa: E402

from macros import release_info  # noqa: E402
from macros.dutch import datum  # noqa: E402


_SITE_URL: dict[str, str] = {}


def _publication():
    try:
        return release_info.current()
    except ValueError as err:
        raise PluginError(str(err)) from None


def on_config(config):
    publication = _publication()
    if publication is not None:
        stand = publication.stand
        config.extra["publicatie"] = {"titel": stand.titel, "slug": stand.slug,
                                      "peildatum": stand.peildatum.isoformat(), "datum": datum(stand.peildatum),
                                      # the publication's own address, above the stands: where its feeds live
                                      "site_url": config.site_url or None}
        if config.site_url:  # every version lives in a folder of its own under the site's address
            config.site_url = config.site_url.rstrip("/") + f"/{stand.slug}/"
    return config


def on_pre_template(template, template_name, config):
    """The 404 page links from the server's root (MkDocs: the path of site_url, else "/"). Without a site_url
    a version still sits in /<slug>/ on the server, so that is where its 404 page must link to."""
    publication = _publication() if template_name == "404.html" else None
    if template_name == "404.html" and publication is not None and not config.site_url:
        _SITE_URL["saved"] = config.site_url
        config.site_url = f"/{publication.stand.slug}/"
    return template


def on_post_template(output_content, template_name, config):
    if template_name == "404.html" and "saved" in _SITE_URL:
        config.site_url = _SITE_URL.pop("saved")
    return output_content
