"""MkDocs hooks for the Dutch site search (Material's lunr search, overrides/.../lunr/min/lunr.nl.min.js).

After the search plugin wrote search/search_index.json, and before the offline plugin copies it into
search_index.js for file://:
- every glossary term becomes its own search entry, so a term finds its explanation first;
- the compound parts of the site's words are written in front of the Dutch language module, which
  indexes them next to the whole word ("hulpverlening" finds "schuldhulpverlening");
- then the index is built and written in parts that the project's search worker loads per query, and every
  page names that worker (macros/search_shards.py): no page load fetches the index any more.
"""
from __future__ import annotations

import json
import os
import re
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from mkdocs.exceptions import PluginError

from macros import search_shards
from macros.search_compounds import compound_map, words_of

MODULE = "assets/javascripts/lunr/min/lunr.nl.min.js"
MARKER = "self.pvaSearchCompounds"  # proves the theme file is the project's module, not lunr-languages'
GLOSSARY_CLASS = "pva-glossary"
# Glossary terms and action ids are what residents look up by name. They go in the search field `key`
# (boosted in mkdocs.yml), each word marked so that the module matches them only exactly (KEY_MARK there).
KEY_MARK = "qz"
ACTION_TITLE = re.compile(r"^Actie (\S+?):")


def _key(text: str) -> str:
    return " ".join(KEY_MARK + w for w in words_of(text))


_glossaries: dict[str, list[dict]] = {}


class _GlossaryReader(HTMLParser):
    """Collects (id, term, explanation) from <dl class="pva-glossary"><dt id=..>..<dd>..</dl>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[dict] = []
        self._in_list = 0
        self._field: str | None = None
        self._hidden = 0  # text for screen readers only repeats the term; a tag ("Alleen in ...") is no part of it

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "dl" and GLOSSARY_CLASS in (attrs.get("class") or "").split():
            self._in_list += 1
        elif self._in_list and tag == "dt" and attrs.get("id"):
            self.entries.append({"id": attrs["id"], "title": "", "text": ""})
            self._field = "title"
        elif self._in_list and tag == "dd" and self.entries:
            self._field = "text"
        elif tag == "span" and (self._hidden or (self._field and {"pva-sr", "pva-tag"} & set((attrs.get("class") or "").split()))):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag == "span" and self._hidden:
            self._hidden -= 1
        elif tag in ("dt", "dd"):
            self._field = None
        elif tag == "dl" and self._in_list:
            self._in_list -= 1

    def handle_data(self, data):
        if self._field and not self._hidden:
            self.entries[-1][self._field] += data


def on_post_page(output, page, config):
    try:
        output = search_shards.page_with_worker(output, config.theme.dirs)
    except search_shards.SearchBuildError as err:
        raise PluginError(str(err)) from None
    if f'class="{GLOSSARY_CLASS}"' in output:
        reader = _GlossaryReader()
        reader.feed(output)
        _glossaries[page.url] = [
            {"location": f"{page.url}#{e['id']}", "title": escape(" ".join(e["title"].split()), quote=False),
             "text": escape(" ".join(e["text"].split()), quote=False), "key": _key(e["title"].split(" (")[0])}
            for e in reader.entries]
    return output


def _with_glossary_entries(docs: list[dict]) -> list[dict]:
    result = []
    for doc in docs:
        entries = _glossaries.get(doc["location"])
        if entries:
            # The page's own entry keeps only its introduction; the terms follow as sections of it.
            first = doc["text"].find(entries[0]["title"].split(" (")[0])
            doc = {**doc, "text": doc["text"][:first].strip()} if first > 0 else doc
            result += [doc, *entries]
        else:
            action = ACTION_TITLE.match(doc["title"]) if "#actie-" in doc["location"] else None
            result.append({**doc, "key": _key(action.group(1))} if action else doc)
    return result


def _module_source(config) -> str:
    for folder in config.theme.dirs:
        path = Path(folder) / MODULE
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            if MARKER not in source:
                raise PluginError(f"{path} is not the project's Dutch search module (overrides/{MODULE})")
            return source
    raise PluginError(f"{MODULE} is missing from the theme")


def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file() or os.environ.get("PVA_VOORBEELD_DEEL"):
        return  # a partial preview build keeps the last full build's index (scripts/preview.py)
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"] = _with_glossary_entries(index["docs"])
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    compounds = compound_map(doc["title"] + " " + doc["text"] for doc in index["docs"])
    data = json.dumps(compounds, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    module = Path(config.site_dir) / MODULE
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text(f"/* Compound parts of this site's words, by macros/search_hooks.py. */\n"
                      f"{MARKER} = {data};\n{_module_source(config)}", encoding="utf-8")
    _glossaries.clear()
    try:
        search_shards.build(config.site_dir, config.theme.dirs)
    except search_shards.SearchBuildError as err:
        raise PluginError(str(err)) from None
