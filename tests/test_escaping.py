"""Escaping proven: HTML in every free-text field of the data shows as text and never becomes markup.

Script in data never gets this far: the build refuses <script>, on...= and javascript: with a Dutch
message (tests/test_security.py), and titles with script are tested there too. Here each text value
in a copy of the reference plans gets its own numbered HTML payload that the guard lets through (bold text, an
image, an iframe to another host, a broken-off table, a Jinja expression); the copy is built with
--strict and every page is opened in Chromium. Quotes that the build checks word for word against the
plan's source text (bron/*.txt) are left as they are: changing them fails that check first. They pass
through the same escaping as every other text.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REFERENTIE

from macros.text_limits import LIMITS

TEXT_KEYS = {"titel", "naam", "functie", "voluit", "toelichting", "omschrijving", "activiteit", "onderwerp",
             "resultaat", "korte_titel", "uitleg", "inleiding", "opmerkingen", "kanttekening",
             "status_toelichting", "samenvatting", "doel", "rapport", "frequentie",
             "groep", "door", "auteur"}
# Checked word for word against bron/*.txt (macros/source_texts.py): (file name, key).
VERIFIED_QUOTES = {("acties.yaml", "tekst"), ("adviezen.yaml", "tekst"), ("onderdelen.yaml", "titel"),
                   ("onderdelen.yaml", "doel"), ("doelen.yaml", "titel"), ("doelen.yaml", "omschrijving"),
                   ("begroting.yaml", "besluit"), ("begroting.yaml", "toelichting"),
                   ("begroting.yaml", "kanttekening")}


def payload(n: int) -> str:
    return (f' "><b>pva{n}</b><img src=x alt=pva{n}><iframe src=https://example.org/pva{n}></iframe>'
            f"</td></tr></table>{{{{ 7*7 }}}}")


def short_payload(n: int) -> str:
    """For a field with a length limit (macros/text_limits.py) that the whole payload would exceed."""
    return f"<b>pva{n}</b>"


def poison(data, file_name: str, counter: list[int]):
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key in TEXT_KEYS and (file_name, key) not in VERIFIED_QUOTES \
                    and len(value) < 300:
                most = min((item.most for item in LIMITS if item.key == key), default=None)
                for text in (payload(counter[0] + 1), short_payload(counter[0] + 1)):
                    if most is None or len(value + text) <= most:  # a text over its limit fails the build
                        counter[0] += 1
                        data[key] = value + text
                        break
            else:
                poison(value, file_name, counter)
    elif isinstance(data, list):
        for item in data:
            poison(item, file_name, counter)


def test_no_payload_in_data_runs_and_each_shows_as_text(project_copy, browser):
    """The payloads go into the fixed copy of the real plans (tests/fixtures/referentie), whose keys the tables
    above describe; a plan that only data/ has is built as it is."""
    counter = [0]
    plans = [project_copy / "data/plannen" / plan.name for plan in (REFERENTIE / "data/plannen").iterdir()]
    for file in sorted(f for plan in plans for f in plan.rglob("*.yaml")) + [project_copy / "data/begrippen.yaml"]:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        before = counter[0]
        poison(data, file.name, counter)
        if counter[0] != before:
            file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    assert counter[0] > 200, "most text fields were given a payload"
    out = project_copy / "gebouwd"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": "2024-06-30"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=project_copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    pages = sorted(p for p in out.rglob("*.html") if "assets" not in p.parts)
    shown = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<b>pva\d|<iframe src=https://example|<img src=x alt=pva", html), page
        assert not re.search(r"pva\d+</b>&gt;?\s*49|pva\d+.{0,200}?</table>49", html), "data is never run as Jinja"
        shown |= {int(n) for n in re.findall(r"&lt;b&gt;pva(\d+)&lt;/b&gt;", html)}
    missing = sorted(set(range(1, counter[0] + 1)) - shown)
    # A payload that no page shows is a field the site does not publish; there must be few.
    assert len(missing) <= counter[0] // 10, f"{len(missing)} of {counter[0]} payloads shown nowhere: {missing[:20]}"

    tab = browser.new_page()
    outside = []
    tab.on("request", lambda request: outside.append(request.url) if request.url.startswith("http") else None)
    try:
        for page in pages:
            tab.goto(page.as_uri())
            tab.wait_for_load_state("load")
            assert tab.evaluate("document.querySelectorAll('article iframe, article b[class=\"\"], article img[alt^=pva]').length") == 0
        tab.goto((out / "bewind/acties.html").as_uri())
        text = tab.locator("article").inner_text()
        assert "<b>pva" in text and "{{ 7*7 }}" in text, "the payload reads as text"
    finally:
        tab.close()
    assert outside == [], "nothing from another host was loaded"
