"""Build the site into a fresh folder and only then replace the published one.

MkDocs empties its output folder before it renders pages, so a page that
fails halfway would leave a broken public site. Here a failed build changes
nothing: staff get the Dutch explanation and the old site stays online.

Usage: python scripts/publish.py [--site-dir site]
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data  # the way MkDocs takes off a page's front matter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import engine  # noqa: E402  (scripts/engine.py: which program builds)
from macros.action_state import reference_date  # noqa: E402
from macros.problems import PlanDataError, Problem  # noqa: E402
from macros.yaml_source import ConfigLoader, Mapping, load_yaml  # noqa: E402

_NOISE = re.compile(r"^\s*(INFO|DEBUG)\b|Aborted with|^\s*$|^Error reading page")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


_MACRO_ERROR = re.compile(
    r"(?:\[macros\] - ERROR )?# _Macro (?P<head>Rendering|Syntax) Error_\s*_File_: `(?P<page>[^`]+)`\s*"
    r"(?:_(?P<kind>\w+)_: (?P<message>[^\n]*)|_Line (?P<mdline>\d+) in Markdown file:_ \*\*(?P<syntax>.*?)\*\*)"
    r"(?P<rest>.*?^```[^\n]*\n.*?^```)", re.DOTALL | re.MULTILINE)
_TEMPLATE_LINE = re.compile(r'File "<(?:template|unknown)>", line (\d+)')
_CALL = re.compile(r"\{\{-?\s*(\w+)\s*\(")
_TAG = re.compile(r"\{\{|\{%|\}\}|%\}")


def _where(file: str, line: int | None) -> str:
    return file + (f", regel {line}" if line else "")


def _problem(file: str, line: int | None, message: str, fix: str) -> str:
    return f"{_where(file, line)}: {message}\n    Oplossing: {fix[:1].upper()}{fix[1:]}"


def _source(file: str) -> list[str]:
    path = ROOT / file
    try:
        return path.read_text(encoding="utf-8-sig").splitlines() if path.is_file() else []
    except (OSError, UnicodeDecodeError):
        return []


def _line_with(file: str, *needles: str) -> int | None:
    """The first line of the file (as staff count, from 1) holding one of the needles, tried in order."""
    lines = _source(file)
    for needle in needles:
        for number, text in enumerate(lines, 1):
            if needle and needle in text:
                return number
    return None


def _front_matter_lines(page: str) -> int:
    """Macro errors count lines from the end of the page's front matter; staff count from the top."""
    path = ROOT / "docs" / page
    if not path.exists():
        return 0
    raw = path.read_text(encoding="utf-8-sig")
    return raw.count("\n") - get_data(raw)[0].count("\n")


def _unclosed_tag_line(lines: list[str], skip: int) -> int | None:
    """The first {{ or {% below the front matter that is not closed before the next one opens."""
    text = "\n".join(lines[skip:])
    opened = None
    for match in _TAG.finditer(text):
        if match.group() in ("{{", "{%"):
            if opened is not None:
                break
            opened = match.start()
        else:
            opened = None
    return None if opened is None else skip + text.count("\n", 0, opened) + 1


# What went wrong in a macro call (mkdocs-macros gives Python's English) -> Dutch; {macro} is its name.
_MACRO_MESSAGES = (
    (r"missing (\d+) required positional arguments?: (?P<names>.*)",
     "de macro {macro} mist een waarde: {names}.",
     ("geef elke waarde mee die de macro vraagt, tussen de haakjes en gescheiden door komma's; "
      "de macro's en hun waarden staan in de README.")),
    (r"takes (?:from \d+ to )?(?P<most>\d+) positional arguments? but (?P<given>\d+) (?:was|were) given",
     "de macro {macro} krijgt {given} waarden, maar neemt er hoogstens {most}.",
     "haal de waarden weg die te veel zijn; de macro's en hun waarden staan in de README."),
    (r"got an unexpected keyword argument '(?P<name>[^']+)'",
     "de macro {macro} kent geen waarde met de naam '{name}'.",
     "controleer de spelling van '{name}=' of laat die waarde weg."),
    (r".*", "een waarde die u aan de macro {macro} meegeeft heeft de verkeerde soort.",
     "geef id's als tekst tussen aanhalingstekens mee, bijvoorbeeld {macro}(\"bewind\")."),
)
_DUTCH_ERRORS = ("KeyError", "ValueError", "PluginError", "PlanDataError", "LookupError")


def _macro_problem(match: re.Match) -> str:
    """mkdocs-macros reports a failing page as an English traceback; say it in Dutch."""
    page = match["page"]
    file, lines, skip = f"docs/{page}", _source(f"docs/{page}"), _front_matter_lines(page)
    if match["head"] == "Syntax":
        unclosed = _unclosed_tag_line(lines, skip)
        if unclosed:
            return _problem(file, unclosed, "hier begint een {{ (of {%) die niet wordt afgesloten.",
                            "Zet }} (of %}) achter de macro, bijvoorbeeld {{ acties_tabel(\"bewind\") }}.")
        return _problem(file, int(match["mdline"]) + skip, "de tekst tussen {{ en }} (of {% en %}) is geen geldige macro.",
                        "Controleer de haakjes, de komma's tussen de waarden en de aanhalingstekens.")
    kind, message = match["kind"], match["message"].strip()
    found = _TEMPLATE_LINE.search(match["rest"])
    line = int(found[1]) + skip if found else None
    text = lines[line - 1] if line and line <= len(lines) else ""
    calls = _CALL.findall(text)
    undefined = re.match(r"'([^']+)' is undefined", message)
    if kind == "UndefinedError" and undefined:
        name = undefined[1]
        if re.search(rf"[(,]\s*{re.escape(name)}\s*[,)]", text):  # an id without quotes: bewind instead of "bewind"
            return _problem(_where(file, line), None, f"'{name}' staat niet tussen aanhalingstekens.",
                            f"Schrijf \"{name}\" in plaats van {name}.")
        return _problem(_where(file, line), None, f"'{name}' bestaat niet als macro of gegeven.",
                        "Controleer de spelling tussen {{ en }}; de macro's staan in de README.")
    if kind == "TypeError":
        named = re.search(r"(\w+)\(\)", message)
        macro = calls[0] if calls else named[1] if named else "op deze regel"
        for english, dutch, fix in _MACRO_MESSAGES:
            said = re.search(english, message)
            if said:
                values = {"macro": macro, **{k: v for k, v in said.groupdict().items() if v}}
                return _problem(_where(file, line), None, dutch.format(**values), fix.format(**values))
    if kind not in _DUTCH_ERRORS:
        macro = calls[0] if calls else "op deze regel"
        return _problem(_where(file, line), None, f"de macro {macro} kan met deze waarden niet werken.",
                        "Controleer de id's en waarden die u meegeeft; de macro's staan in de README.")
    unquoted = re.search(r"[(,]\s*(-?\d[\w.]*)\s*[,)]", text)
    fix = (f"Gebruik een id die bestaat, als tekst tussen aanhalingstekens (\"...\"), niet {unquoted[1]}." if unquoted
           else "Controleer de id's die u aan de macro meegeeft.")
    return _problem(_where(file, line), None, f"een macro op deze pagina gaf een fout: {message.strip(chr(34))}.", fix)


def _page_link(m: dict) -> tuple[str, int | None]:
    file = f"docs/{m['page']}"
    return file, _line_with(file, f"]({m['link']}", f"({m['link']}", f"\"{m['link']}\"", m["link"])


def _hint(m: dict) -> str:
    return f" (bedoelt u '{m['hint']}'?)" if m.get("hint") else ""


_HEADING_FIX = ("Kijk hoe het kopje nu heet: de naam na # is de tekst van de kop in kleine letters, met - in plaats "
                "van spaties (ook te zien in de adresbalk als u op het kopje klikt).")
_DID_YOU_MEAN = r"(?: Did you mean '(?P<hint>[^']+)'\?)?"
# MkDocs' English warnings -> (where, what is wrong, what to do). Each regex names the parts it needs.
_MKDOCS = (
    (r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found "
     r"among documentation files\." + _DID_YOU_MEAN, _page_link,
     lambda m: f"de link '{m['link']}' wijst naar een pagina die niet bestaat.",
     lambda m: f"Controleer de bestandsnaam achter de link{_hint(m)}; een link gaat naar een .md-bestand in "
               "docs/, gezien vanaf deze pagina, bijvoorbeeld [tekst](over.md)."),
    ((r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not "
      r"contain an anchor '#(?P<anchor>[^']+)'\."), _page_link,
     lambda m: f"de link '{m['link']}' wijst naar het kopje '#{m['anchor']}', maar dat kopje staat niet op "
               f"docs/{m['target']}.",
     lambda m: _HEADING_FIX),
    (r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but there is no such anchor on this page\.[^\n]*",
     _page_link, lambda m: f"de link '{m['link']}' wijst naar een kopje dat niet op deze pagina staat.",
     lambda m: _HEADING_FIX),
    (r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\."
     + _DID_YOU_MEAN, _page_link,
     lambda m: f"de link '{m['link']}' wijst niet naar een pagina (er staat geen .md in).",
     lambda m: f"Link naar het .md-bestand{_hint(m)}, bijvoorbeeld [tekst](over.md)."),
    (r"Doc file '(?P<page>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as is\." + _DID_YOU_MEAN,
     _page_link, lambda m: f"de link '{m['link']}' begint met / en werkt daardoor niet overal.",
     lambda m: f"Schrijf de link zonder / vooraan, gezien vanaf deze pagina{_hint(m)}."),
    ((r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
      r"(?P<pages>(?:\n\s+- [^\n]+)+)"),  # one problem per page in the list
     lambda m: (f"docs/{m['page']}", None),
     lambda m: "deze pagina staat niet in het menu (nav in mkdocs.yml), dus niemand kan haar vinden.",
     lambda m: f"Zet de pagina in mkdocs.yml onder nav:, op de plek waar ze in het menu hoort, bijvoorbeeld "
               f"'- Titel van de pagina: {m['page']}'. Of haal het bestand weg."),
    ((r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is not found in the "
      r"documentation files\."),
     lambda m: ("mkdocs.yml", _line_with("mkdocs.yml", f" {m['target']}")),
     lambda m: f"het menu (nav) noemt '{m['target']}', maar docs/{m['target']} bestaat niet.",
     lambda m: f"Controleer de bestandsnaam in mkdocs.yml, of maak de pagina docs/{m['target']}."),
)
_MKDOCS += (
    (r"Config value '(?P<key>[^']+)': Unrecognised configuration name: [^\n]*",
     lambda m: ("mkdocs.yml", _line_with("mkdocs.yml", f"{m['key']}:")),
     lambda m: f"'{m['key']}' is geen instelling die MkDocs kent.",
     lambda m: "Controleer de spelling (de instellingen heten bijvoorbeeld site_name, nav en extra) of haal de "
               "regel weg. Een eigen gegeven hoort onder extra:."),
    (r"Config value 'plugins': The \"(?P<name>[^\"]+)\" plugin is not installed",
     lambda m: ("mkdocs.yml", _line_with("mkdocs.yml", f"- {m['name']}:", f"- {m['name']}")),
     lambda m: f"de plug-in '{m['name']}' bestaat niet of is niet geïnstalleerd.",
     lambda m: "Controleer de spelling onder plugins: in mkdocs.yml; zet de regel terug zoals hij was (de vorige "
               "versie staat in git)."),
    (r"Config value '(?P<key>[^']+)': (?P<english>[^\n]*)",  # any other: said in Dutch, MkDocs' words quoted
     lambda m: ("mkdocs.yml", _line_with("mkdocs.yml", f"{m['key']}:")),
     lambda m: f"de instelling '{m['key']}' klopt niet. MkDocs meldt (in het Engels): {m['english']}",
     lambda m: "Zet de instelling terug zoals ze was (de vorige versie staat in git), of vraag de beheerder van "
               "de site."),
)
_MKDOCS = tuple((re.compile(english), *rest) for english, *rest in _MKDOCS)


def _marker(problems: list[str], problem: str) -> str:
    """Stands in the output where the English was, so the problems keep the order of the run."""
    problems.append(problem)
    return f"\x00{len(problems) - 1}\x00"


def _mkdocs_problem(problems: list[str], where, message, fix):
    def translate(match: re.Match) -> str:
        found = match.groupdict()
        items = [{**found, "page": page.strip()[2:]} for page in found["pages"].strip().split("\n")] \
            if found.get("pages") else [found]
        return "\n".join(_marker(problems, _problem(*where(m), message(m), fix(m))) for m in items)
    return translate


def config_problems(root: Path = ROOT) -> list[str]:
    """mkdocs.yml read the way the data files are read: a YAML mistake or an impossible date in Dutch, with
    its line. MkDocs itself says these in English, or with a Python error."""
    try:
        config = load_yaml(root / "mkdocs.yml", Path("mkdocs.yml"), ConfigLoader)
    except PlanDataError as err:
        return [str(problem) for problem in err.problems]
    extra = config.get("extra") if isinstance(config, dict) else None
    if isinstance(extra, Mapping) and extra.get("peildatum"):
        try:
            reference_date(None, extra["peildatum"])
        except ValueError as err:
            return [str(Problem(Path("mkdocs.yml"), extra.line_of("peildatum"), str(err).split(". ")[0].lower() + ".",
                                "Schrijf de peildatum als JJJJ-MM-DD, bijvoorbeeld 2026-06-01, of haal de regel weg "
                                "(dan geldt de dag van het bouwen)."))]
    return []


_OUR_CODE = ("Er ging iets mis in de programmacode van de site, niet (voor zover te zien) in uw tekst of gegevens. "
             "De laatste melding was: {last}\n    Oplossing: Vraag de beheerder van de site om hulp en stuur deze "
             "melding mee. Uw wijziging kunt u bewaren.")


def explain(output: str, root: Path = ROOT) -> str:
    """The lines a staff member needs: every problem of the run in Dutch, without tracebacks or INFO chatter."""
    config = config_problems(root)
    if config:  # MkDocs stopped before anything else: the Dutch reading of mkdocs.yml says why
        return "\n".join(config)
    output = _ANSI.sub("", output)
    problems: list[str] = []
    output = _MACRO_ERROR.sub(lambda m: _marker(problems, _macro_problem(m)), output)
    for english, *dutch in _MKDOCS:
        output = english.sub(_mkdocs_problem(problems, *dutch), output)
    lines = output.splitlines()
    if any(line.startswith("Traceback") for line in lines):
        # Keep only the final message of a traceback; the stack is for developers. A Python error such as
        # KeyError: 'x' is not for staff to read: it means the site's own code failed.
        lines = [line for line in lines if not line.startswith(("Traceback", "  File ", "    "))
                 or line.startswith("    Oplossing")]
        lines = [_OUR_CODE.format(last=line.strip()) if re.match(r"[A-Z]\w*(Error|Exception)\b", line) else line
                 for line in lines]
    keep: list[str] = []
    for line in lines:
        if _NOISE.search(line) or "│" in line or "To disable this" in line:
            continue
        line = re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line)
        marker = re.fullmatch(r"\x00(\d+)\x00", line.strip())
        if marker:
            line = problems[int(marker[1])]
            if line in keep or line.split("\n")[0] in keep:  # a problem said twice (a link used twice) once
                continue
        keep.append(line)
    return "\n".join(keep).strip() or "De build is mislukt zonder melding."


def strict_build(out: Path, environment: dict[str, str] | None = None) -> str | None:
    """`mkdocs build --strict` (or the program BOUWPROGRAMMA names, scripts/engine.py) into out; None if it
    worked, else the Dutch explanation of every problem."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environment or {})}
    try:
        command = engine.build_command(out, environ=env)
    except engine.EngineError as err:
        return str(err)
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not (out / "index.html").exists():
        return explain(result.stdout + "\n" + result.stderr)
    return None


def build(site_dir: Path, swap: bool = True) -> int:
    """Build into a fresh folder; replace site_dir only if that worked and swap is allowed."""
    site_dir = site_dir if site_dir.is_absolute() else ROOT / site_dir
    staging = Path(tempfile.mkdtemp(prefix=".site-nieuw-", dir=site_dir.parent))
    problems = strict_build(staging)
    if problems is not None:
        shutil.rmtree(staging, ignore_errors=True)
        print("De site is NIET bijgewerkt. De gepubliceerde site blijft zoals hij was.\n", file=sys.stderr)
        print(problems, file=sys.stderr)
        return 1
    if not swap:
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    old = site_dir.with_name(site_dir.name + ".oud")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"De site is bijgewerkt in {site_dir}.")
    return 0


def summaries_are_b1() -> bool:
    """Every "in het kort" and plan summary on B1 level, checked before building, as in the tests."""
    sys.path.insert(0, str(ROOT))
    from plain_language.__main__ import main as check_b1

    with contextlib.chdir(ROOT):  # messages name files as staff see them: docs/..., data/...
        try:
            if check_b1(["docs", "data/plannen", "--alleen-fouten"]) == 0:
                return True
        except yaml.YAMLError:  # a page's front matter or a data file that is no YAML: the build says where
            return True
    print("De site wordt NIET bijgewerkt: de samenvattingen hierboven zijn niet op taalniveau B1. "
          "De gepubliceerde site blijft zoals hij was.", file=sys.stderr)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site veilig en publiceer alleen als alles klopt.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    b1 = summaries_are_b1()  # then the build still runs, so staff see every other problem in the same run
    return build(args.site_dir, swap=b1)


if __name__ == "__main__":
    sys.exit(main())
