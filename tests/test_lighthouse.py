"""Lighthouse in Debian's Chromium, mobile emulation: accessibility 100, best practices 100, SEO at least 95.

Runs scripts/lighthouse.py's own measure() on the built site, without the performance category
(information only, and the slowest part), so the three pages take well under two minutes.
"""
from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT, node_tool

_spec = importlib.util.spec_from_file_location("lighthouse_script", ROOT / "scripts" / "lighthouse.py")
lighthouse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lighthouse)

CATEGORIES = tuple(lighthouse.GOALS)  # accessibility, best-practices, seo


# The home page, a plan's overview and the all-actions page, as scripts/lighthouse.py measures them; its plan
# page is replaced by the first plan's overview, so the test follows the data folder.
KINDS = ("home", "plan", "all actions")


def pages_of(site_model) -> dict[str, str]:
    return {"home": "index.html", "plan": f"{site_model.plannen[0].id}/index.html", "all actions": "acties.html"}


@pytest.fixture(scope="module")
def measured(built_site, site_model):
    node_tool(".bin/lighthouse")
    return lighthouse.measure(built_site, tuple(pages_of(site_model).values()), CATEGORIES)


def test_lighthouse_measures_the_script_s_kinds_of_page():
    """scripts/lighthouse.py's pages are of the same three kinds: home, one plan's overview, all actions."""
    home, plan, actions = lighthouse.PAGES
    assert home == "index.html" and actions == "acties.html" and plan.endswith("/index.html")


@pytest.mark.parametrize("kind", KINDS)
def test_lighthouse_goals(measured, site_model, kind):
    result = measured["pages"][pages_of(site_model)[kind]]
    short = {c: [f"{a['id']}: {a['title']}" for a in result["failing"][c]] for c in CATEGORIES}
    assert result["scores"]["accessibility"] == 100, short["accessibility"]
    assert result["scores"]["best-practices"] == 100, short["best-practices"]
    assert result["scores"]["seo"] >= lighthouse.GOALS["seo"], short["seo"]
