"""One PDF per plan, for the council's documents: made from the built site, offline, in Debian's Chromium.

A post-build step: after `mkdocs build --strict`, make_plan_pdfs() reads the built site, and for each plan
  1. takes the plan's pages in menu order from the built menu (the overview, its parts, all actions, budget,
     advice, organisation, planning, goals, the pages staff wrote), each page's article with its "In het kort"
     summary, and drops what only works on a screen (buttons, filter forms, "Lees voor", permalinks, edit links);
  2. puts a cover (plan, municipality, peildatum, the stand of a release, the documents it comes from) and a
     table of contents in front, and prints it all with the site's own stylesheets (print.css keeps tables on
     A4, repeats header rows, never cuts a row) plus scripts/plan_pdf.css;
  3. prints twice (or more): the first print shows on which page each part lands, the second fills the page
     numbers into the table of contents, until they no longer move;
  4. gives the PDF fixed metadata (dates = peildatum, an /ID from the content), so two runs on the same build
     give the same bytes;
  5. writes <site>/<plan>/<plan>.pdf and puts a link to it, with its size and number of pages, under
     "In het kort" on the plan's overview page (<site>/<plan>/index.html). Without this step there is no PDF
     and no link: an ordinary build never links to a missing file.

Nothing is fetched from the internet: the pages, stylesheets and images are files of the built site.

Usage: python scripts/plan_pdf.py --site-dir site [--peildatum 2026-06-30] [--plan bewind ...]
"""
from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import datetime as dt
import hashlib
import html
import io
import os
import posixpath
import re
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import release_info  # noqa: E402
from macros.action_state import reference_date, reports_until  # noqa: E402
from macros.dutch import datum, getal  # noqa: E402
from macros.problems import PlanDataError  # noqa: E402
from macros.yaml_source import ConfigLoader, load_yaml  # noqa: E402

STYLESHEET = Path(__file__).with_name("plan_pdf.css")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
# A4; the sides as in print.css (10 mm: tables are made to fit 190 mm), room for the header and footer.
MARGIN = {"top": "18mm", "bottom": "16mm", "left": "10mm", "right": "10mm"}
LINK_CLASS = "pva-pdf"  # the paragraph with the link on the overview page
# What only works on a screen, inside an article: the skip-link target, permalinks, read-aloud buttons, filter
# forms, edit links, Material's edit button, and the PDF link itself.
SCREEN_ONLY = ("#inhoud", ".headerlink", ".pva-voorlees", "form", "button", ".pva-bewerk", ".md-content__button",
               ".md-source-file", f".{LINK_CLASS}", "script", "noscript", "[hidden]")
ID_REFERENCES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
                 "aria-details", "aria-flowto", "aria-activedescendant", "aria-errormessage")
MAX_PRINTS = 4  # the page numbers settle after two prints; four is the limit before giving up


class PlanPdfError(Exception):
    """A problem staff can fix, said in Dutch; never a traceback."""


@dataclasses.dataclass(frozen=True)
class MenuEntry:
    title: str  # as the menu shows it
    page: str | None  # the built page, relative to the site: "bewind/acties.html"; None for a group without page
    children: tuple["MenuEntry", ...] = ()

    def pages(self) -> list[str]:
        return ([self.page] if self.page else []) + [p for child in self.children for p in child.pages()]


@dataclasses.dataclass(frozen=True)
class Cover:
    """What the cover says; every fact from the plan's data, the build's peildatum or the release."""
    titel: str
    korte_titel: str
    gemeente: str | None
    peildatum: dt.date
    stand: str | None  # "Stand juni 2026" in a release, else None
    site_name: str
    plan_bron: str | None  # "<titel> (nummer 2023-866, 3 oktober 2023)"; None when the plan has neither
    documenten: tuple[str, ...]
    rapportages: tuple[str, ...]  # the progress reports known on the peildatum, oldest first


# --- Which pages, in which order: the built menu ----------------------------------------------------------

def _soup(text: str):
    from bs4 import BeautifulSoup
    return BeautifulSoup(text, "html.parser")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanPdfError(f"{path} ontbreekt. Bouw eerst de site: mkdocs build --strict.") from None


def _resolve(page: str, href: str) -> str:
    """A relative link on a built page, as a path from the site's root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(href)))


def _text(element) -> str:
    """What a reader sees: without the hidden expansions of abbreviations."""
    copy = _soup(str(element))
    for hidden in copy.select(".pva-sr"):
        hidden.decompose()
    return re.sub(r"\s+", " ", copy.get_text(" ")).strip()


def plan_menu(site_dir: Path, plan_id: str) -> MenuEntry:
    """The plan's section of the built menu: its overview, then its pages and groups in menu order."""
    overview = f"{plan_id}/index.html"
    soup = _soup(_read(site_dir / overview))
    nav = soup.select_one("nav.md-nav--primary")
    for item in nav.select("li.md-nav__item") if nav else ():
        link = item.find("a", class_="md-nav__link", recursive=False) or \
            (item.select_one(":scope > .md-nav__container > a.md-nav__link"))
        if link is not None and link.get("href") == "index.html" and item.find("nav"):
            return _menu_entry(item, overview)
    raise PlanPdfError(f"{overview}: het menu van het plan is niet gevonden. Bouw de site opnieuw.")


def _menu_entry(item, here: str) -> MenuEntry:
    container = item.select_one(":scope > .md-nav__container")
    link = (container or item).find("a", class_="md-nav__link", recursive=False)
    label = link or (container or item).find("label", class_="md-nav__link", recursive=False)
    page = _resolve(here, link["href"]) if link is not None and link.get("href") else None
    nested = item.find("nav", recursive=False)
    children = ()
    if nested is not None:
        children = tuple(_menu_entry(li, here) for li in nested.find("ul").find_all("li", recursive=False))
    return MenuEntry(_text(label) if label is not None else "", page, children)


# --- One print document ----------------------------------------------------------------------------------

def page_key(page: str) -> str:
    """The id of a page in the print document: 'bewind/aanbevelingen/I.html' -> 'pdf-aanbevelingen-I'."""
    inside = page.split("/", 1)[1].removesuffix(".html")
    return "pdf-" + re.sub(r"[^A-Za-z0-9]+", "-", inside).strip("-")


@dataclasses.dataclass(frozen=True)
class Part:
    page: str
    key: str
    title: str
    article: str  # cleaned HTML
    headings: tuple[str, ...] = ()  # the text of its headings, as a reader sees them


# Material writes the content of a page as one <article>; there is no other article on a page.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>.*?</article>', re.S)


def _article(site_dir: Path, page: str):
    found = _ARTICLE.search(_read(site_dir / page))  # parsing only the article: the menu is most of a page
    if found is None:
        raise PlanPdfError(f"{page}: de pagina heeft geen inhoud (article). Bouw de site opnieuw.")
    return _soup(found[0]).article


def _clean_article(site_dir: Path, page: str, keys: dict[str, str]):
    """The page's article without what only works on a screen, its ids and links made unique in the document."""
    article = _article(site_dir, page)
    for selector in SCREEN_ONLY:
        for element in article.select(selector):
            element.decompose()
    key = keys[page]

    def local(name: str) -> str:
        return f"{key}--{name}"

    for element in article.find_all(True):
        if element.get("id"):
            element["id"] = local(element["id"])
        for attribute in ID_REFERENCES:
            if element.get(attribute):
                value = element[attribute]
                names = value if isinstance(value, list) else value.split()
                element[attribute] = " ".join(local(n) for n in names)
        if element.name == "details":
            element["open"] = ""  # folded text is printed too
        if element.name == "img":
            element.attrs.pop("loading", None)
            if element.get("src") and not urlsplit(element["src"]).scheme:
                element["src"] = (site_dir / _resolve(page, element["src"].split("#")[0])).as_uri()
            element.attrs.pop("srcset", None)
    for link in article.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.scheme:
            continue  # outside the site: print.css prints the address after the link
        target = page if not parts.path else _resolve(page, parts.path)
        if target in keys:
            fragment = unquote(parts.fragment)
            link["href"] = "#" + (f"{keys[target]}--{fragment}" if fragment else keys[target])
        else:
            link.unwrap()  # another part of the site: on paper it is only text
    article.attrs = {"class": ["md-content__inner", "md-typeset", "pva-pdf-deel"], "id": key}
    return article


def plan_parts(site_dir: Path, menu: MenuEntry) -> list[Part]:
    """Every page of the plan, in menu order, ready to print; a link to an anchor no printed page has is text."""
    pages = menu.pages()
    keys = {page: page_key(page) for page in pages}
    articles = {page: _clean_article(site_dir, page, keys) for page in pages}
    ids = {element["id"] for article in articles.values() for element in article.find_all(id=True)} | set(keys.values())
    parts = []
    for page, article in articles.items():
        for link in article.find_all("a", href=True):
            if link["href"].startswith("#") and link["href"][1:] not in ids:
                link.unwrap()
        h1 = article.find("h1")
        headings = tuple(_text(h) for h in article.find_all(re.compile(r"^h[1-6]$")))
        parts.append(Part(page, keys[page], _text(h1) if h1 else page, str(article), headings))
    return parts


def _cover_html(cover: Cover) -> str:
    e = html.escape
    lines = ['<section class="pva-pdf-cover" aria-label="Voorblad">']
    if not cover.titel.lower().startswith("plan van aanpak"):
        lines.append('<p class="pva-pdf-cover__soort">Plan van aanpak</p>')
    lines.append(f"<h1>{e(cover.titel)}</h1>")
    if cover.gemeente:
        lines.append(f'<p class="pva-pdf-cover__gemeente">Gemeente {e(cover.gemeente)}</p>')
    if cover.stand:
        lines.append(f'<p class="pva-pdf-cover__stand">{e(cover.stand)}</p>')
    lines.append(f'<p class="pva-pdf-cover__peildatum">Stand op {e(datum(cover.peildatum))}</p>')
    sources = []
    if cover.plan_bron:
        sources.append(("Het plan", [cover.plan_bron]))
    if cover.documenten:
        sources.append(("De stukken van het plan", list(cover.documenten)))
    sources.append(("Voortgangsrapportages", list(cover.rapportages) or
                    [f"Tot {datum(cover.peildatum)} is er geen voortgangsrapportage verwerkt. "
                     "De stand van de acties is die van het plan."]))
    lines.append('<h2 class="pva-pdf-cover__kop">Bronnen</h2><dl class="pva-pdf-cover__bronnen">')
    for term, items in sources:
        values = "".join(f"<li>{e(item)}</li>" for item in items)
        lines.append(f"<dt>{e(term)}</dt><dd><ul>{values}</ul></dd>")
    lines.append("</dl>")
    lines.append('<p class="pva-pdf-cover__uitleg">Dit document bevat de pagina\'s over dit plan van de website '
                 f"“{e(cover.site_name)}”. De stand van de acties is gemeten op {e(datum(cover.peildatum))}. "
                 "Bij elke status staat van wanneer die is en uit welke bron.</p>")
    lines.append("</section>")
    return "\n".join(lines)


def _toc_html(menu: MenuEntry, parts: dict[str, Part], numbers: dict[str, int]) -> str:
    def entry(item: MenuEntry) -> str:
        part = parts.get(item.page) if item.page else None
        out = []
        if part is not None:
            number = numbers.get(part.key)
            shown = str(number) if number else "–"
            out.append(f'<a class="pva-pdf-toc__regel" href="#{part.key}"><span class="pva-pdf-toc__titel">'
                       f'{html.escape(part.title)}</span><span class="pva-pdf-toc__pagina">{shown}</span></a>')
        elif item.children:
            out.append(f'<span class="pva-pdf-toc__groep">{html.escape(item.title)}</span>')
        if item.children:
            out.append("<ol>" + "".join(entry(child) for child in item.children) + "</ol>")
        return f"<li>{''.join(out)}</li>" if out else ""

    top = [entry(MenuEntry(menu.title, menu.page))] + [entry(child) for child in menu.children]
    return ('<nav class="pva-pdf-toc" aria-labelledby="pva-pdf-inhoud">'
            '<h2 id="pva-pdf-inhoud">Inhoud</h2><ol>' + "".join(top) + "</ol></nav>")


def _stylesheets(site_dir: Path, overview: str) -> tuple[list[str], dict[str, str]]:
    """The site's own stylesheets, in its order, as file addresses; and the colour scheme of its <body>."""
    text = _read(site_dir / overview)
    soup = _soup(text[:text.find(">", text.find("<body")) + 1])
    sheets = [(site_dir / _resolve(overview, link["href"])).as_uri()
              for link in soup.select('link[rel="stylesheet"]') if not urlsplit(link["href"]).scheme]
    body = soup.find("body")
    scheme = {name: value for name, value in (body.attrs.items() if body else ()) if name.startswith("data-md-color")}
    return sheets + [STYLESHEET.as_uri()], scheme


def compose(site_dir: Path, menu: MenuEntry, cover: Cover, parts: list[Part], numbers: dict[str, int]) -> str:
    """The print document of one plan: cover, contents with the page numbers given (a dash where unknown), pages."""
    sheets, scheme = _stylesheets(site_dir, menu.page)
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(sheet)}">' for sheet in sheets)
    body_attrs = "".join(f' {name}="{html.escape(value)}"' for name, value in sorted(scheme.items()))
    # No script may run; styles and images only from the site's files.
    policy = "default-src 'none'; style-src file:; img-src file: data:; font-src file: data:"
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{html.escape(cover.titel)}</title>
{links}
</head>
<body dir="ltr"{body_attrs}>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
{_cover_html(cover)}
{_toc_html(menu, {part.page: part for part in parts}, numbers)}
{"".join(part.article for part in parts)}
</div></div></main></div>
</body>
</html>
"""


# --- Printing --------------------------------------------------------------------------------------------

def _chromium_path(chromium: str | None) -> str:
    found = chromium or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        raise PlanPdfError(f"Chromium is niet gevonden ({found}); dat is nodig om de PDF te maken.\n"
                           "    Oplossing: Installeer Chromium: apt-get install chromium (of: make browser).")
    return found


class _Printer:
    """Debian's Chromium through Playwright; no scripts run, no network."""

    def __init__(self, chromium: str | None):
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise PlanPdfError("Playwright ontbreekt; dat is nodig om de PDF te maken.\n"
                               "    Oplossing: Installeer de Python-pakketten: make (of: .venv/bin/pip install -r "
                               "requirements.lock).") from None
        self._error = Error
        path = _chromium_path(chromium)
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        except Error as err:
            self._playwright.stop()
            raise PlanPdfError(f"Chromium ({path}) start niet: {str(err).splitlines()[0]}\n"
                               "    Oplossing: Installeer Chromium opnieuw: apt-get install --reinstall chromium."
                               ) from None

    def print(self, document: Path, header: str, *, tagged: bool = True) -> bytes:
        """A4 with the header and "Pagina N van M"; tagged (structure for screen readers) with bookmarks."""
        # A fresh context is a fresh renderer process: Chromium numbers the structure of a tagged PDF with the
        # process's DOM node ids (/ID (node00000164)), so what was printed before would change the bytes.
        context = self._browser.new_context(java_script_enabled=False, offline=True)
        page = context.new_page()
        try:
            page.goto(document.as_uri(), wait_until="load")
            return page.pdf(format="A4", margin=MARGIN, print_background=True, display_header_footer=True,
                            header_template=_header(header), footer_template=_FOOTER, tagged=tagged, outline=tagged)
        except self._error as err:
            raise PlanPdfError(f"Chromium kon {document.name} niet printen: {str(err).splitlines()[0]}") from None
        finally:
            context.close()

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


# Chromium prints these in the page margins; they need their own font size, and take no stylesheet.
_BAND = "font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; margin: 0 10mm;"
_FOOTER = (f'<div style="{_BAND} text-align: right;">Pagina <span class="pageNumber"></span> van '
           '<span class="totalPages"></span></div>')


def _header(text: str) -> str:
    return f'<div style="{_BAND}">{html.escape(text)}</div>'


def destination_pages(pdf: bytes, keys: list[str]) -> dict[str, int]:
    """On which page (1 is the first) each part begins: the named destinations Chromium makes for link targets."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found = {}
    for name, destination in reader.named_destinations.items():
        key = unquote(name.lstrip("/"))
        if key in keys:
            found[key] = reader.get_destination_page_number(destination) + 1
    return found


# Skia writes the moment of printing as "D:20261203174506+00'00'", in the document information; a date of the same
# length keeps every byte offset in the file right.
_PRINT_DATE = re.compile(rb"\((D:\d{14}[+-]\d\d'\d\d')\)")


# In a tagged PDF Chromium names table headers after DOM node ids ("node00000164"), which depend on what the
# renderer did before (paint timing asks for ids too). Numbered again in their own order, they are the same every
# run; same length, so every byte offset stays right, and the same order, so the /IDTree stays sorted.
_NODE_ID = re.compile(rb"\((node(\d+))\)")


def _renumber_node_ids(pdf: bytes) -> bytes:
    defined = sorted({int(found[2]) for found in re.finditer(rb"/ID \((node(\d+))\)", pdf)})
    number = {old: new for new, old in enumerate(defined, 1)}

    def renumbered(found: re.Match) -> bytes:
        old = int(found[2])
        if old not in number:
            return found[0]
        return b"(node" + str(number[old]).zfill(len(found[2])).encode("ascii") + b")"
    return _NODE_ID.sub(renumbered, pdf)


def _pdf_date(day: dt.date) -> str:
    return f"D:{day:%Y%m%d}000000+00'00'"


def _fix_bookmarks(writer, headings: list[str]) -> None:
    """Chromium joins the lines of a heading that wraps without a space ("onderzoekbeschermingsbewind"): the
    bookmarks get the heading's own text back."""
    from pypdf.generic import NameObject, TextStringObject

    def key(text: str) -> str:
        return re.sub(r"\s+", "", text)

    known = {key(text): text for text in headings}
    outlines = writer.root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines is not None else []
    while stack:
        reference = stack.pop()
        if reference is None:
            continue
        item = reference.get_object()
        title = str(item.get("/Title", ""))
        if known.get(key(title), title) != title:
            item[NameObject("/Title")] = TextStringObject(known[key(title)])
        stack += [item.get("/Next"), item.get("/First")]


def finish(pdf: bytes, cover: Cover, headings: list[str] = ()) -> bytes:
    """Fixed metadata: the same build gives the same bytes. Dates are the peildatum, /ID comes from the content.

    Chromium already writes the title, the language (nl), a structure tree, bookmarks and "show the title". Its
    print date and node ids are replaced in place; an incremental update adds subject, author, the dates, an /ID
    and the bookmarks' own text, without rewriting the file.
    """
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    date = _pdf_date(cover.peildatum)
    pdf = _renumber_node_ids(_PRINT_DATE.sub(lambda found: b"(" + date.encode("ascii") + b")", pdf))
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    subject = f"Plan van aanpak {cover.korte_titel}, stand op {datum(cover.peildatum)}"
    info = {"/Title": cover.titel, "/Subject": subject, "/CreationDate": date, "/ModDate": date}
    if cover.gemeente:
        info["/Author"] = f"Gemeente {cover.gemeente}"
    writer.add_metadata(info)
    _fix_bookmarks(writer, [cover.titel, *headings])
    digest = hashlib.sha256(pdf + repr(sorted(info.items())).encode("utf-8")).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(pdf)).pages)


def print_plan(printer: _Printer, site_dir: Path, menu: MenuEntry, cover: Cover, parts: list[Part],
               work: Path) -> bytes:
    """Print until the page numbers in the table of contents are the pages the parts are on."""
    numbers: dict[str, int] = {}
    header = f"Plan van aanpak {cover.korte_titel} · stand op {datum(cover.peildatum)}"
    keys = [part.key for part in parts]
    for _ in range(MAX_PRINTS):
        document = compose(site_dir, menu, cover, parts, numbers)
        source = work / "plan.html"
        source.write_text(document, encoding="utf-8")
        # The first print only finds the pages (tags do not move anything, and cost time); the next is the real one.
        pdf = printer.print(source, header, tagged=bool(numbers))
        found = destination_pages(pdf, keys)
        missing = [key for key in keys if key not in found]
        if missing:
            raise PlanPdfError(f"De PDF van {menu.page}: de onderdelen {', '.join(missing)} zijn niet gevonden.")
        if found == numbers:
            return pdf
        numbers = found
    raise PlanPdfError(f"De paginanummers in de inhoud van {menu.page} blijven verschuiven; "
                       "meld dit aan de ontwikkelaars.")


# --- The link on the overview page ------------------------------------------------------------------------

def _size(size: int) -> str:
    kilobytes = (size + 1023) // 1024
    if kilobytes < 1024:
        return f"{getal(kilobytes)} kB"
    return f"{getal(round(size / 1024 / 1024, 1), 1)} MB"


def link_html(plan_id: str, size: int, pages: int) -> str:
    return (f'<p class="{LINK_CLASS}"><a href="{html.escape(plan_id)}.pdf" type="application/pdf" download>'
            f"Download dit plan als PDF</a> ({_size(size)}, {pages} {'pagina' if pages == 1 else 'pagina&#39;s'})</p>")


_OLD_LINK = re.compile(rf'\n?<p class="{LINK_CLASS}">.*?</p>', re.S)
_SUMMARY = re.compile(r'<section class="pva-kort"[^>]*>.*?</section>', re.S)
_TITLE = re.compile(r"<h1[^>]*>.*?</h1>", re.S)


def add_link(overview: Path, plan_id: str, size: int, pages: int) -> None:
    """The link to the PDF under "In het kort" on the overview page (or under the title); replaces an older one."""
    text = _OLD_LINK.sub("", overview.read_text(encoding="utf-8"))
    anchor = _SUMMARY.search(text) or _TITLE.search(text)
    if anchor is None:
        raise PlanPdfError(f"{overview}: geen plek voor de link naar de PDF (geen 'In het kort' en geen titel).")
    text = text[:anchor.end()] + "\n" + link_html(plan_id, size, pages) + text[anchor.end():]
    overview.write_text(text, encoding="utf-8")


# --- All plans -------------------------------------------------------------------------------------------

def _config(project_dir: Path) -> dict:
    try:
        config = load_yaml(project_dir / "mkdocs.yml", Path("mkdocs.yml"), ConfigLoader)
    except PlanDataError as err:
        raise PlanPdfError(str(err)) from None
    return config if isinstance(config, dict) else {}


def _source_line(plan) -> str | None:
    bits = [f"nummer {plan.nummer}" if plan.nummer else None, str(plan.datum) if plan.datum else None]
    bits = [b for b in bits if b]
    return f"{plan.titel} ({', '.join(bits)})" if bits else None


def _document_line(document) -> str:
    bits = [document.soort, str(document.datum) if document.datum else None, document.auteur]
    bits = [b for b in bits if b]
    return document.titel + (f" ({', '.join(bits)})" if bits else "")


def _report_line(report) -> str:
    source = report.bron.titel + (f", nummer {report.bron.nummer}" if report.bron.nummer else "")
    return f"{report.titel}: stand op {datum(report.peildatum)}, uit {source}"


def cover_of(plan, peildatum: dt.date, publication, config: dict) -> Cover:
    extra = config.get("extra") or {}
    return Cover(
        titel=plan.titel, korte_titel=plan.korte_titel, gemeente=plan.gemeente or extra.get("gemeente"),
        peildatum=peildatum, stand=publication.stand.titel if publication else None,
        site_name=str(config.get("site_name") or ""), plan_bron=_source_line(plan),
        documenten=tuple(_document_line(d) for d in plan.documenten),
        rapportages=tuple(_report_line(r) for r in reports_until(plan, peildatum)))


def make_plan_pdfs(site_dir: Path, project_dir: Path = ROOT, peildatum: dt.date | None = None, *,
                   plans: list[str] | None = None, publication=None, chromium: str | None = None,
                   add_links: bool = True) -> list[Path]:
    """Print every plan of the built site (or the plans named) to <site>/<plan>/<plan>.pdf; link each from its overview.

    peildatum: the build's; None takes the release's (PVA_PUBLICATIE), else PEILDATUM, else extra.peildatum,
    else today, as the build does. publication: None reads PVA_PUBLICATIE (release_info.current()).
    Raises PlanPdfError with a Dutch message.
    """
    # Playwright's sync API refuses to start where an asyncio loop runs (a test session that has a browser open
    # already): the printing gets a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(_make_plan_pdfs, Path(site_dir).resolve(), Path(project_dir).resolve(), peildatum, plans,
                           publication, chromium, add_links).result()


def _make_plan_pdfs(site_dir: Path, project_dir: Path, peildatum: dt.date | None, plans, publication, chromium,
                    add_links: bool) -> list[Path]:
    from macros.loader import load_site

    if not (site_dir / "index.html").is_file():
        raise PlanPdfError(f"In {site_dir} staat geen gebouwde site. Bouw eerst de site: mkdocs build --strict.")
    _chromium_path(chromium)  # before reading the data: a missing browser is said at once
    publication = publication or release_info.current()
    config = _config(project_dir)
    if publication and peildatum and peildatum != publication.stand.peildatum:
        raise PlanPdfError(f"De peildatum {peildatum.isoformat()} is niet die van de publicatie "
                           f"{publication.stand.titel} ({publication.stand.peildatum.isoformat()}).\n"
                           "    Oplossing: Bouw en print met dezelfde peildatum.")
    if peildatum is None:
        try:
            peildatum = publication.stand.peildatum if publication else \
                reference_date(os.environ.get("PEILDATUM"), (config.get("extra") or {}).get("peildatum"))
        except ValueError as err:
            raise PlanPdfError(str(err)) from None
    try:
        site = load_site(project_dir / "data", project_dir)
    except PlanDataError as err:
        raise PlanPdfError(str(err)) from None
    chosen = [p for p in site.plannen if plans is None or p.id in plans]
    unknown = sorted(set(plans or ()) - {p.id for p in site.plannen})
    if unknown:
        raise PlanPdfError(f"Onbekend plan: {', '.join(unknown)}. Kies uit: {', '.join(p.id for p in site.plannen)}.")
    made = []
    printer = _Printer(chromium)
    try:
        with tempfile.TemporaryDirectory(prefix="pva-pdf-") as work:
            for plan in chosen:
                cover = cover_of(plan, peildatum, publication, config)
                menu = plan_menu(site_dir, plan.id)
                parts = plan_parts(site_dir, menu)
                pdf = print_plan(printer, site_dir, menu, cover, parts, Path(work))
                pdf = finish(pdf, cover, [heading for part in parts for heading in part.headings])
                target = site_dir / plan.id / f"{plan.id}.pdf"
                target.write_bytes(pdf)
                if add_links:
                    add_link(site_dir / plan.id / "index.html", plan.id, len(pdf), page_count(pdf))
                made.append(target)
    finally:
        printer.close()
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak per plan een PDF van de gebouwde site.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="de gebouwde site (standaard: site)")
    parser.add_argument("--project-dir", type=Path, default=ROOT, help="de map met mkdocs.yml en data/")
    parser.add_argument("--peildatum", help="JJJJ-MM-DD; standaard die van de publicatie, PEILDATUM of vandaag")
    parser.add_argument("--plan", action="append", dest="plans", help="alleen dit plan (mag vaker)")
    parser.add_argument("--chromium", help="het pad naar Chromium (standaard: chromium uit Debian)")
    args = parser.parse_args(argv)
    try:
        peildatum = reference_date(args.peildatum) if args.peildatum else None
        made = make_plan_pdfs(args.site_dir, args.project_dir, peildatum, plans=args.plans, chromium=args.chromium)
    except (PlanPdfError, ValueError) as err:
        print(f"De PDF is niet gemaakt. {err}", file=sys.stderr)
        return 1
    except OSError as err:  # a full disk, a folder without write permission
        print(f"De PDF is niet gemaakt: {err.filename or ''} {err.strerror or err}.\n"
              "    Oplossing: Controleer of de map bestaat, of u erin mag schrijven en of de schijf niet vol is.",
              file=sys.stderr)
        return 1
    for path in made:
        print(f"PDF gemaakt: {path} ({page_count(path.read_bytes())} pagina's)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
