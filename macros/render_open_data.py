"""HTML for the open data: the files on the page "Open data", what each column means, and the link on a plan's overview.

Everything shown comes from the files themselves (name, size) and from macros/open_data_files.py (the columns
and their meaning), so the page never describes a file or a column that is not there.
"""
from __future__ import annotations

from . import model as m
from . import open_data_files as od
from .dutch import datum
from .html_text import esc
from .locations import Links
from .open_data_files import Published
from .render import md_text, table

def _src(f: od.OpenFile) -> str:
    return f"{od.FOLDER}/{f.path}"


def _file_rows(files: list[od.OpenFile], links: Links) -> list[str]:
    return [f'<tr><th scope="row"><a href="{esc(links.to(_src(f)))}">{esc(f.path.rsplit("/", 1)[-1])}</a></th>'
            f"<td>{esc(f.formaat)}</td><td>{esc(od.size_text(f.size))}</td><td>{esc(f.titel)}</td></tr>"
            for f in files]


_COLUMNS = ("Bestand", "Formaat", "Grootte", "Wat staat erin")


def about(published: Published) -> str:
    """As of when, under which licence: the facts every file shares."""
    s = published.settings
    stand = f" ({esc(s.stand)})" if s.stand else ""
    return (f'<dl class="pva-facts"><dt>Peildatum</dt><dd>{esc(datum(s.peildatum))}{stand}. De status van elke actie '
            f"is de stand op deze datum. Rapportages van na deze datum staan er niet in.</dd>"
            f'<dt>Licentie</dt><dd><a href="{esc(s.licentie.url)}">{esc(s.licentie.naam)}</a></dd></dl>')


def files_of_all_plans(published: Published, links: Links) -> str:
    return table("Bestanden met alle plannen", _COLUMNS, _file_rows(published.of_plan(None), links))


def files_per_plan(site: m.Site, published: Published, links: Links) -> str:
    """Per plan a heading (the anchor a plan's overview links to) and a table of its files."""
    out = []
    for plan in site.plannen:
        out.append(f"### {md_text(plan.korte_titel)} {{#{od.plan_anchor(plan.id)}}}")
        out.append(table(f"Bestanden van het plan {plan.korte_titel}", _COLUMNS,
                         _file_rows(published.of_plan(plan.id), links)))
    return "\n\n".join(out) + "\n"


def columns() -> str:
    """Per CSV file a heading and every column with its meaning, from the same definitions that write the files."""
    out = []
    for t in od.TABLES:
        out.append(f"### {t.naam}.csv {{#kolommen-{t.naam}}}")
        out.append(f"<p>{esc(t.titel)}: één regel per {esc(t.rij)}.</p>")
        rows = [f'<tr><th scope="row"><code>{esc(c.naam)}</code></th><td>{esc(c.uitleg)}</td></tr>'
                for c in t.kolommen]
        out.append(table(f"De kolommen van {t.naam}.csv", ("Kolom", "Betekenis"), rows))
    return "\n\n".join(out) + "\n"


def plan_fact(plan: m.Plan, published: Published, links: Links) -> tuple[str, str]:
    """('Open data', links to the plan's own files and to their explanation) for the facts on a plan's overview."""
    files = published.of_plan(plan.id)
    json_file = next(f for f in files if f.formaat == "JSON")
    tables = [f'<a href="{esc(links.to(_src(f)))}">{esc(f.path.rsplit("/", 1)[-1].removesuffix(".csv"))}</a>'
              for f in files if f.formaat == "CSV"]
    return ("Open data", f'De gegevens van dit plan om te downloaden: <a href="{esc(links.to(_src(json_file)))}">alles '
                         f'in één JSON-bestand</a>, of als tabellen (CSV): {", ".join(tables)}. '
                         f'<a href="{esc(links.to(od.OPEN_DATA_PAGE, od.plan_anchor(plan.id)))}">Uitleg over deze '
                         f"bestanden</a>.")
