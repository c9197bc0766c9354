"""mkdocs-macros adapter: loads the plans once and exposes the renderers as macros.

This module and mkdocs_hooks.py are the only ones that know about MkDocs. The
model, checks, views and renderers are plain Python, tested on their own.
"""
from __future__ import annotations

import datetime as _dt
import logging
import os
import re
from pathlib import Path

import jinja2
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from . import action_state
from . import changes_site
from .edit_links import data_links, plans_on_page
from .abbreviations import spellings, text_problems
from .loader import load_site
from .locations import Links
from .problems import PlanDataError
from .site_pages import register_pages
from .text_files import NotUtf8, read_text
from .text_limits import page_text_problems

BUILD: dict = {}  # this build's data, shared with mkdocs_hooks.py


def reference_date(env) -> _dt.date:
    try:
        return action_state.reference_date(os.environ.get("PEILDATUM"), env.conf.get("extra", {}).get("peildatum"))
    except ValueError as err:
        raise PluginError(str(err)) from None


def define_env(env) -> None:
    project = Path(env.project_dir)
    try:
        site = load_site(project / "data", project)
    except PlanDataError as err:
        raise PluginError(str(err)) from None
    BUILD["site"] = site
    peildatum = reference_date(env)
    BUILD["peildatum"] = peildatum  # the open data (open_data_hooks.py) is dated like the pages

    def links() -> Links:
        return Links(env.page.file.src_uri)

    register_pages(env, site, links, peildatum, env.conf.get("extra", {}).get("gemeente"),
                   open_data=lambda: BUILD.get("open_data"), overview_pages=lambda: BUILD.get("overview_pages", {}))
    try:  # the published stands this build compares: the page "Wat is er veranderd" and the feeds
        BUILD["stands"] = changes_site.stands_of_build(site, peildatum, project)
    except ValueError as err:
        raise PluginError(str(err)) from None
    changes_site.register(env, BUILD["stands"], site, links, peildatum)


def on_pre_page_macros(env) -> None:
    """Check what staff wrote on this page before the macros run, and say every problem in Dutch.

    Problems are logged as warnings, so MkDocs (strict) reports the problems of all pages in one run
    and then refuses to publish; a page whose {{ }} cannot even be read is not rendered at all.
    """
    page = f"docs/{env.page.file.src_uri}"
    raw = _source_of(env)
    offset = _body_offset(raw) if raw is not None else 0
    problems = _front_matter_problems(page, raw) if raw is not None else []
    if raw is not None and not problems:
        problems += [_problem(page, line, message, fix) for line, message, fix in
                     page_text_problems(env.page.meta, raw)]
    summary = env.page.meta.get("in_het_kort")
    if not problems and (not isinstance(summary, str) or not summary.strip()):
        problems.append(_problem(page, None, "de pagina heeft geen samenvatting in eenvoudige taal.",
                                 "voeg bovenaan in de kop 'in_het_kort: >-' toe met een paar korte zinnen "
                                 "op taalniveau B1."))
    template, calls = _template_problem(env, page, offset)
    if template:
        problems.append(template)
        env.markdown = ""  # mkdocs-macros would stop the whole build at this page; the others still get checked
    if not template:
        problems += _unknown_macros(env, page, offset, calls)
    site = BUILD.get("site")
    if site and not template:
        problems += _missing_plan_files(env, page, offset, site, calls)
        env.page.meta["pva_gegevens_links"] = data_links(env.conf.get("repo_url"), env.conf.get("edit_uri"),
                                                         plans_on_page(env.markdown, site))
    if site and site.begrippen and not template:
        problems += [_problem(page, line, message, fix) for line, message, fix in
                     text_problems(env.markdown, spellings(site.begrippen), offset)]
    for problem in problems:
        _log.warning(problem)


# --- Checks of a page as staff wrote it ------------------------------------------------------------
_log = logging.getLogger("mkdocs.plugins.planpublicatie")  # under "mkdocs": strict mode counts these

# Macros that show one plan file: called for a plan without that file, the page would be empty.
_SHOWS_FILE = {
    "begroting": "begroting.yaml", "adviezen": "adviezen.yaml", "aanbevelingen": "aanbevelingen.yaml",
    "organisatie": "organisatie.yaml", "organisatie_raci": "organisatie.yaml",
    "fasen": "planning.yaml", "detailplanning": "planning.yaml", "capaciteit": "planning.yaml",
    "rapportages": "planning.yaml",
    "indicatoren": "doelen.yaml", "lijsten": "doelen.yaml", "lijst": "doelen.yaml", "escalatie": "doelen.yaml",
}
_TAG = re.compile(r"\{\{|\{%|\}\}|%\}")


def _problem(page: str, line: int | None, message: str, fix: str) -> str:
    """The same shape as the data problems: file, line, what is wrong, and what to do."""
    where = page + (f", regel {line}" if line else "")
    return f"{where}: {message}\n    Oplossing: {fix[:1].upper()}{fix[1:]}"


def _source_of(env) -> str | None:
    path = getattr(env.page.file, "abs_src_path", None)
    try:
        return read_text(Path(path)) if path else None
    except (OSError, NotUtf8):
        return None


def _body_offset(raw: str) -> int:
    """How many lines MkDocs took off the top (front matter, blank lines): staff count from line 1."""
    body, _ = get_data(raw)
    return raw.count("\n") - body.count("\n")


def _front_matter_problems(page: str, raw: str) -> list[str]:
    lines = raw.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return []
    end = next((i for i, line in enumerate(lines[1:], 2) if line.rstrip() in ("---", "...")), None)
    if end is None:
        return [_problem(page, 1, f"de kop (front matter) van {page} begint op regel 1 maar wordt niet afgesloten "
                         "met ---.", "zet een regel met alleen --- onder de laatste regel van de kop "
                         "(na de samenvatting 'in_het_kort').")]
    try:
        data = yaml.safe_load("\n".join(lines[1:end - 1]))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 2 if mark else 1
        return [_problem(page, line, f"de kop (front matter, regel 1 tot {end}) is geen geldige YAML.",
                         "controleer de inspringing (spaties, geen tabs), de dubbele punt na elke sleutel en "
                         "aanhalingstekens rond tekst met een dubbele punt.")]
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return [_problem(page, 2, f"de kop (front matter, regel 1 tot {end}) bevat geen sleutels.",
                         "schrijf de kop als 'sleutel: waarde', bijvoorbeeld 'title: ...' en 'in_het_kort: >-'.")]
    return []


def unclosed_tag_line(text: str) -> int | None:
    """The line of the first {{ or {% that is not closed before the next one opens."""
    opened = None
    for match in _TAG.finditer(text):
        if match.group() in ("{{", "{%"):
            if opened is not None:
                break
            opened = match.start()
        else:
            opened = None
    return text.count("\n", 0, opened) + 1 if opened is not None else None


def unclosed_block_line(text: str, name: str) -> int | None:
    """The line of the innermost {% name %} left open when each {% endname %} closes the one before it."""
    opened = []
    for match in re.finditer(r"\{%-?\s*(end)?" + re.escape(name) + r"\b", text):
        if match[1]:
            if opened:
                opened.pop()
        else:
            opened.append(match.start())
    return text.count("\n", 0, opened[-1]) + 1 if opened else None


def _template_problem(env, page: str, offset: int) -> tuple[str | None, list]:
    """A page whose {{ }} Jinja cannot read, in Dutch; else None and the macro calls on the page."""
    try:
        calls = list(env.env.parse(env.markdown).find_all(jinja2.nodes.Call))
    except jinja2.TemplateSyntaxError as err:
        return _syntax_problem(err, env.markdown, page, offset), []
    return None, calls


def _syntax_problem(err, markdown: str, page: str, offset: int) -> str:
    """Where Jinja gave up is often lines below the real mistake: an unclosed {{ is found by hand."""
    unclosed = unclosed_tag_line(markdown)
    if unclosed:
        return _problem(page, unclosed + offset, "hier begint een {{ (of {%) die niet wordt afgesloten.",
                        "zet }} (of %}) achter de macro, bijvoorbeeld {{ acties_tabel(\"bewind\") }}.")
    block = re.search(r"block that needs to be closed is '(\w+)'", err.message or "")
    if block:  # the {% if %} (or for, ...) that no {% endif %} closes, pairing them as Jinja does
        line = unclosed_block_line(markdown, block[1]) or err.lineno or 0
        return _problem(page, line + offset or None, f"hier begint een blok dat niet wordt afgesloten met "
                        f"{{% end{block[1]} %}}.", f"zet {{% end{block[1]} %}} onder de tekst die bij het blok hoort.")
    return _problem(page, (err.lineno or 0) + offset or None,
                    "de tekst tussen {{ en }} (of {% en %}) is geen geldige macro.",
                    "controleer de haakjes, de komma's tussen de waarden en de aanhalingstekens, "
                    "bijvoorbeeld {{ actie(\"bewind\", \"I.a\") }}.")


def _unknown_macros(env, page: str, offset: int, calls) -> list[str]:
    """Every call of a name that is no macro, at once: Jinja itself stops at the first failing call."""
    known = set(env.macros) | set(env.variables) | set(env.filters) | set(env.env.globals)
    return [_problem(page, call.lineno + offset, f"'{call.node.name}' bestaat niet als macro of gegeven.",
                     "controleer de spelling tussen {{ en }}; de macro's staan in de README.")
            for call in calls if isinstance(call.node, jinja2.nodes.Name) and call.node.name not in known]


def _missing_plan_files(env, page: str, offset: int, site, calls) -> list[str]:
    """A macro that shows a plan file the plan does not have: name the file and the line that needs it."""
    data = Path(env.project_dir) / "data" / "plannen"
    plans = {plan.id for plan in site.plannen}
    problems = []
    for call in calls:
        if isinstance(call.node, jinja2.nodes.Name) and call.args and isinstance(call.args[0], jinja2.nodes.Const):
            name, plan_id = call.node.name, call.args[0].value
            file = _SHOWS_FILE.get(name)
            if file and plan_id in plans and not (data / plan_id / file).exists():
                problems.append(_problem(page, call.lineno + offset,
                                         f"{{{{ {name}(\"{plan_id}\") }}}} toont data/plannen/{plan_id}/{file}, "
                                         "maar dat bestand bestaat niet.",
                                         f"zet data/plannen/{plan_id}/{file} terug (bijvoorbeeld uit de vorige "
                                         "versie), of haal deze regel van de pagina."))
    return problems
