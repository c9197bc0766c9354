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


@pytest.fixture(scope="module")
def measured(built_site):
    node_tool(".bin/lighthouse")
    return lighthouse.measure(built_site, lighthouse.PAGES, CATEGORIES)


@pytest.mark.parametrize("page", lighthouse.PAGES)
def test_lighthouse_goals(measured, page):
    result = measured["pages"][page]
    short = {c: [f"{a['id']}: {a['title']}" for a in result["failing"][c]] for c in CATEGORIES}
    assert result["scores"]["accessibility"] == 100, short["accessibility"]
    assert result["scores"]["best-practices"] == 100, short["best-practices"]
    assert result["scores"]["seo"] >= lighthouse.GOALS["seo"], short["seo"]
