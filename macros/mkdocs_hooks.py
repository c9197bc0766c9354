"""MkDocs hooks: mark up abbreviations on every page with the glossary loaded by the macros adapter,
escape page titles wherever the theme prints them, and refuse scripts that staff typed into pages or data."""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

import macros  # noqa: E402  (the same module mkdocs-macros loaded, holding this build's data)
from macros.glossary import abbreviate  # noqa: E402
from macros.text_files import NotUtf8, read_text  # noqa: E402

_log = logging.getLogger("mkdocs.plugins.planpublicatie")  # under "mkdocs": strict mode counts these


def on_page_content(html, page, config, files):
    site = macros.BUILD.get("site")
    return abbreviate(html, site.abbreviations()) if site else html


# --- Titles are text, never HTML -----------------------------------------------------------------
# Material prints page titles and these front-matter fields with {{ }} and no escaping (MkDocs' theme
# environment has no autoescape), in <title>, the header, nav, path, footer, search index and our own
# <h1>. Escaping once at the source, as Markup, covers all of them, and `| e` does not escape twice.
_PRINTED_RAW = ("title", "description", "author", "subtitle")


def _text(value):
    return value if isinstance(value, Markup) or value is None else Markup.escape(str(value))


def on_nav(nav, config, files):
    def walk(items):
        for item in items:
            if isinstance(item, (Section, Link)):
                item.title = _text(item.title)
            elif isinstance(item, Page) and "title" in vars(item):  # a title given in mkdocs.yml's nav
                item.title = _text(item.title)
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


def on_page_markdown(markdown, page, config, files):
    for key in _PRINTED_RAW:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = _text(page.meta[key])
    return markdown


# --- One skip link ------------------------------------------------------------------------------
# Material prints its own skip link in base.html, outside any block, only on pages with headings and
# pointing past "In het kort". overrides/main.html adds ours on every page; take Material's out.
_MATERIAL_SKIP = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.S)


def on_post_page(output, page, config):
    return _MATERIAL_SKIP.sub(r"\1\2", output, count=1)


# --- No scripts from staff text ------------------------------------------------------------------
# The site's own scripts are files it ships; the Content-Security-Policy blocks anything else. This
# check says so at build time, in Dutch, instead of leaving a silently dead script on the site. It
# reads what staff wrote (the .md sources and the data folder), not the HTML the macros produce.
_SCRIPT = re.compile(r"<\s*script\b", re.I)
_HANDLER = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*=", re.S)
_JS_URL = re.compile(r"(?:\]\(\s*<?|href\s*=\s*[\"']?\s*|<)javascript\s*:", re.I)  # only as a link target
_FENCE = re.compile(r"^(\s*)(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)

_FIX = {
    "script": ("er staat een <script> in de tekst",
               "haal het stuk van <script> tot en met </script> weg. De site voert alleen haar eigen "
               "scripts uit. Wilt u code laten zien als voorbeeld, zet die dan tussen `backticks`."),
    "handler": ("er staat een HTML-attribuut '{name}=' in de tekst; daarmee voert de browser code uit",
                "haal '{name}=\"...\"' uit de HTML weg. Moet er iets gebeuren bij een klik, vraag het dan "
                "aan de beheerder van de site."),
    "js-url": ("er staat een link met 'javascript:'; zo'n link voert code uit",
               "gebruik een gewone link naar een pagina of website (https://...)."),
}


def _blank(match: re.Match) -> str:
    """Blank out code but keep the newlines, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match[0])


def _without_code(text: str) -> str:
    lines, fence = [], None
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening[2] == fence:
                fence = None
            lines.append("")
        elif opening:
            fence = opening[2]
            lines.append("")
        else:
            lines.append(line)
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def _body_start(text: str) -> int:
    """Offset after the front matter: a title there is escaped (see above), not refused."""
    match = re.match(r"---[ \t]*\n.*?\n(---|\.\.\.)[ \t]*(\n|$)", text, re.S)
    return match.end() if match else 0


def script_problems(text: str, shown: str, markdown: bool = True) -> list[str]:
    if markdown:
        start = _body_start(text)
        body = re.sub(r"[^\n]", " ", text[:start]) + _without_code(text[start:])
    else:
        body = text
    found = []
    for kind, pattern in (("script", _SCRIPT), ("handler", _HANDLER), ("js-url", _JS_URL)):
        for match in pattern.finditer(body):
            if not markdown and body[: match.start()].rsplit("\n", 1)[-1].lstrip().startswith("#"):
                continue  # a YAML comment is not published
            line = body.count("\n", 0, match.start(1 if kind == "handler" else 0)) + 1
            name = match[1] if kind == "handler" else ""
            what, fix = (part.format(name=name) for part in _FIX[kind])
            found.append((line, f"{shown}, regel {line}: {what}.\n    Oplossing: {fix}"))
    return [message for _, message in sorted(found)]


def on_files(files, config):
    """Scripts are logged as warnings, so strict mode refuses the build after naming every other problem too;
    a page that is not UTF-8 cannot be read at all, so that stops the build here, all such pages at once."""
    project = Path(config.config_file_path).parent
    sources = [(Path(file.abs_src_path), f"docs/{file.src_uri}", True) for file in files.documentation_pages()
               if file.abs_src_path]  # a page made from data has no file; the data files are read below
    sources += [(path, str(path.relative_to(project)), False) for path in sorted((project / "data").rglob("*.y*ml"))]
    unreadable = []
    for path, shown, markdown in sources:
        try:
            text = read_text(path, shown)
        except NotUtf8 as err:
            unreadable.append(str(err))
            continue
        for problem in script_problems(text, shown, markdown):
            _log.warning(problem)
    if unreadable:
        raise PluginError("\n".join(unreadable))
    return files
