"""One abbreviation rule for every rendered text (issue 10, item 5): the detector, its use by the build and the
B1 checker, file and line in the data errors, and every text field of the model walked."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import types
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from macros import abbreviations as ab
from macros import model as m
from macros.dutch import Moment, Periode
from macros.loader import load_site
from macros.problems import PlanDataError
from plain_language import check_text
from plain_language.__main__ import main as plain_language_main
from plain_language.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
VOORTGANG = ROOT / "tests" / "fixtures" / "voortgang"  # has a (fictitious) begrippenlijst: QRT, ZWT, FVO

DETECTOR = [
    # (text, abbreviations found)
    ("De IOG helpt.", {"IOG"}),
    ("Het advies van de ASDD en het CJG.", {"ASDD", "CJG"}),
    ("De CJGs in de wijk.", {"CJG"}),  # a plural s is not part of the abbreviation
    ("Het team DEV-BLD en de IOG-regeling.", {"DEV-BLD", "IOG"}),  # capitals joined by a hyphen are one
    ("PM/TM/RM", {"PM", "TM", "RM"}),
    ("Het college (B&W) besluit.", {"B&W"}),
    ("ProFacto helpt met geld.", {"ProFacto"}),
    ("Log in met DigiD.", {"DigiD"}),
    ("Een ICTer helpt.", {"ICTer"}),
    ("Met eHerkenning en een iIntegraliteit-typfout.", set()),  # a word starting in lowercase is no name
    ("Actie VI.d volgt op IV en XII.", set()),  # roman numerals and action ids
    ("Zie actie PO.1 en PO1-PO4.", set()),  # capitals glued to a digit or followed by .x: an id
    ("Gemeente Deventer, Postbus 5000, 7400 GC DEVENTER.", set()),  # postcode letters and the place after them
    ("Stationsplein 1, 7411 HB Deventer", set()),
    ("7411 HB DEN HAAG, daarna de ASDD", {"ASDD"}),  # the place ends at the comma
    ("## WIE", set()),  # an ordinary word as a heading
    ("LET OP: de brief komt later.", set()),  # ordinary words next to each other in capitals
    ("WIE DOET WAT", set()),
    ("Dit is BELANGRIJK voor u.", set()),  # a long ordinary word
    ("WIE doet het?", {"WIE"}),  # a short word alone among lowercase words: read as an abbreviation
    ("De MEE helpt.", {"MEE"}),  # MEE is also an ordinary word; alone it is the organisation
    ("De GGD en de gemeente", {"GGD"}),  # no vowel: never an ordinary word (ggd has Zipf 3.7)
    ("Het IJsselhuis aan de IJSSEL", set()),  # IJ is one capital letter in Dutch
    ("Zie https://www.example.nl/IOG of mail IOG@example.nl", set()),
    ("Q4 en A1", set()),  # one capital with a digit is not in the rule
]


@pytest.mark.parametrize("text,expected", DETECTOR, ids=[t for t, _ in DETECTOR])
def test_the_detector_finds_exactly_the_abbreviations(text, expected):
    assert ab.abbreviations_in(text) == expected


def test_findings_give_the_line_within_the_text():
    assert ab.findings("Eerste regel.\nDe IOG en de\nASDD, weer IOG.") == [
        ab.Found("IOG", 2), ab.Found("ASDD", 3), ab.Found("IOG", 3)]


def test_an_abbreviation_is_explained_by_any_spelling_of_any_term_or_by_all_its_parts():
    known = frozenset({"PM", "TM", "DEV-BLD", "GeldFit"})
    assert ab.explained("PM-TM", known) and ab.explained("DEV-BLD", known) and ab.explained("GeldFit", known)
    assert not ab.explained("PM-XQ", known) and not ab.explained("DEV", known)
    assert [f.text for f in ab.unexplained("De PM-TM, GeldFit en de DEV met IOG.", known)] == ["DEV", "IOG"]


# --- The build and the B1 checker agree -----------------------------------------------------------------------------

AGREEMENT = [
    ("ProFacto helpt met geld.", {"ProFacto"}),
    ("WIE DOET WAT", set()),
    ("## WIE\n\nDe brief komt.", set()),
    ("WIE doet het?", {"WIE"}),
    ("Schrijf naar Postbus 5000, 7400 GC DEVENTER.", set()),
    ("Het college (B&W) besluit.", {"B&W"}),
    ("De IOG helpt.", {"IOG"}),
    ("Actie VI.d is klaar.", set()),
    ("Het QRT en de FVO praten.", set()),  # in the fixture's begrippenlijst
    ("Het QRT-overleg en het\nPM-QRT-team.", {"PM-QRT"}),
]


def _fixture(tmp_path: Path) -> Path:
    return Path(shutil.copytree(VOORTGANG, tmp_path / "voortgang"))


def _build_verdict(copy: Path) -> set[str]:
    """The abbreviations the data check of the build refuses."""
    try:
        load_site(copy / "data", copy)
    except PlanDataError as err:
        return {p.message.split("'")[1] for p in err.problems if "begrippenlijst" in p.message}
    return set()


def _checker_verdict(text: str, glossary: Path) -> set[str]:
    report = check_text(text, Vocabulary.load(glossary_file=glossary))
    found = {f.message.split("'")[1] for s in report.sentences for f in s.findings if f.kind == "afkorting"}
    assert ("er staan afkortingen in die de begrippenlijst niet uitlegt" in report.reasons) == bool(found)
    return found


@pytest.mark.parametrize("text,expected", AGREEMENT, ids=[t for t, _ in AGREEMENT])
def test_the_build_the_page_check_and_the_b1_checker_give_the_same_verdict(tmp_path, text, expected):
    copy = _fixture(tmp_path)
    parts = copy / "data/plannen/fictief-voortgang/onderdelen.yaml"
    block = "".join(f"      {line}\n" if line else "\n" for line in text.splitlines())
    parts.write_text(parts.read_text(encoding="utf-8") + f"    inleiding: |\n{block}", encoding="utf-8")
    glossary = copy / "data/begrippen.yaml"
    known = ab.spellings(load_site(VOORTGANG / "data", VOORTGANG).begrippen)

    assert _build_verdict(copy) == expected
    assert {message.split("'")[1] for _, message, _ in ab.text_problems(text, known)} == expected  # page check
    assert _checker_verdict(text, glossary) == expected



@pytest.mark.parametrize("text", [t for t, _ in AGREEMENT])
def test_the_staff_command_follows_the_build_rule_on_the_real_begrippenlijst(tmp_path, text, site_model, capsys):
    """python -m plain_language (and scripts/controleer.py, which runs it) reads data/begrippen.yaml."""
    expected = {f.text for f in ab.unexplained(text, ab.spellings(site_model.begrippen))}
    txt = tmp_path / "tekst.txt"
    txt.write_text(text, encoding="utf-8")
    code = plain_language_main([str(txt)])
    out = capsys.readouterr().out
    assert {line.split("'")[1] for line in out.splitlines() if "staat niet in de begrippenlijst" in line} == expected
    assert ("afkortingen in die de begrippenlijst niet uitlegt" in out) == bool(expected)
    if expected:
        assert code == 1


# --- Data errors name the file and the line -------------------------------------------------------------------------

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_an_unexplained_abbreviation_is_reported_per_file_with_every_line_where_it_stands(tmp_path):
    copy = _fixture(tmp_path)
    plan = copy / "data/plannen/fictief-voortgang"
    report = plan / "rapportages/2024-06-15-eerste.yaml"
    _edit(report, "toelichting: Het werk kost meer tijd.",
          "toelichting: >-\n      Het werk kost meer tijd.\n      De XQZ helpt daarbij.")  # a report's toelichting
    _edit(report, "reden: Er was minder personeel.", "reden: Er was minder personeel bij de XQZ.")  # a reason
    _edit(plan / "planning.yaml", "naam: Fase 1", "naam: Fase 1 met de XQZ")  # a phase name

    with pytest.raises(PlanDataError) as info:
        load_site(copy / "data", copy)
    problems = [p for p in info.value.problems if "begrippenlijst" in p.message]
    assert [(str(p.file), p.line) for p in problems] == [
        ("data/plannen/fictief-voortgang/planning.yaml", _line(plan / "planning.yaml", "XQZ")),
        ("data/plannen/fictief-voortgang/rapportages/2024-06-15-eerste.yaml", _line(report, "De XQZ helpt")),
    ]
    assert problems[0].message == "'XQZ' staat niet in de begrippenlijst: lezers weten niet wat het betekent."
    assert problems[1].message == (f"'XQZ' staat niet in de begrippenlijst (ook op regel {_line(report, 'de XQZ.')})"
                                   ": lezers weten niet wat het betekent.")
    assert problems[1].fix == "Zet 'XQZ' met uitleg in data/begrippen.yaml, of schrijf het voluit."
    assert "Traceback" not in str(info.value)
    assert f"rapportages/2024-06-15-eerste.yaml, regel {_line(report, 'De XQZ helpt')}: 'XQZ'" in str(info.value)


def test_an_abbreviation_in_the_begrippenlijst_itself_is_reported_with_its_line(tmp_path):
    copy = _fixture(tmp_path)
    glossary = copy / "data/begrippen.yaml"
    _edit(glossary, "uitleg: Een verzonnen overleg, alleen voor tests.", "uitleg: Een overleg van de XQZ.")
    with pytest.raises(PlanDataError) as info:
        load_site(copy / "data", copy)
    (problem,) = info.value.problems
    assert (str(problem.file), problem.line) == ("data/begrippen.yaml", _line(glossary, "XQZ"))


# --- Every text field of the model is walked ------------------------------------------------------------------------

_SAMPLES = {Moment: Moment.lees("2024-Q1"), Periode: Periode.lees(2024), Decimal: Decimal(1), int: 1, bool: False,
            dt.date: dt.date(2024, 1, 1)}


def _marker(n: int) -> str:
    """A made-up abbreviation per field: XQA, XQB, …, XQBA: never a word, a numeral or a known term."""
    letters = ""
    while True:
        n, r = divmod(n, 26)
        letters = chr(ord("A") + r) + letters
        if not n:
            return "XQ" + letters


def _value(hint, counter: list, planted: dict, where: str):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str:
        counter[0] += 1
        planted[where] = _marker(counter[0])
        return f"Tekst met {planted[where]} erin."
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), counter, planted, where)
    if origin is tuple:
        items = args[:-1] if args[-1] is Ellipsis else args
        return tuple(_value(a, counter, planted, f"{where}[{i}]") for i, a in enumerate(items))
    if dataclasses.is_dataclass(hint):
        return _filled(hint, counter, planted, where)
    return _SAMPLES[hint]


def _filled(cls, counter: list, planted: dict, path: str = ""):
    hints = typing.get_type_hints(cls, vars(m))
    values = {}
    for f in dataclasses.fields(cls):
        if f.init:
            values[f.name] = _value(hints[f.name], counter, planted, f"{path}.{f.name}" if path else f.name)
    return cls(**values)


def test_every_string_field_of_the_model_is_walked_and_its_abbreviations_found():
    planted: dict[str, str] = {}
    site = _filled(m.Site, [0], planted)
    walked = {where: {f.text for f in ab.unexplained(text, frozenset())} for where, text in ab.texts(site)}
    excluded = {where for where in planted if where not in walked}
    for where, marker in planted.items():
        if where not in excluded:
            assert marker in walked[where], where
    # Not walked: exactly what EXCLUDED names, and the fields the loader fills in itself (metadata 'intern').
    assert excluded == {
        "plannen[0].acties[0].raci[0][0]", "plannen[0].acties[0].raci[0][1]",  # Action.raci
        "plannen[0].kader[0].link", "plannen[0].bronnen[0].link", "plannen[0].voortgangsrapportages[0].bron.link",
        "plannen[0].nummer", "plannen[0].kader[0].nummer", "plannen[0].bronnen[0].nummer",  # document numbers
        "plannen[0].voortgangsrapportages[0].bron.nummer",
        "plannen[0].brontekst.bestanden[0]", "plannen[0].brontekst.paginakoppen[0]",  # Plan.brontekst
        "plannen[0].begroting.file", "plannen[0].voortgangsrapportages[0].id",  # intern
        "plannen[0].voortgangsrapportages[0].file",
    }
    assert len(walked) > 100  # every class of the plan tree, down to report entries and list items


def test_the_walk_covers_the_fields_the_old_hand_kept_list_missed():
    planted: dict[str, str] = {}
    site = _filled(m.Site, [0], planted)
    walked = dict(ab.texts(site))
    for where in ("plannen[0].adviezen[0].antwoord", "plannen[0].actoren[0].naam", "plannen[0].acties[0].planning.tekst",
                  "plannen[0].acties[0].status_toelichting", "plannen[0].doelen.lijsten[0].items[0].titel",
                  "plannen[0].doelen.indicatoren[0].norm", "plannen[0].acties[0].planning.herhaling",
                  "plannen[0].begroting.ramingen[0].regels[0].omschrijving",
                  "plannen[0].voortgangsrapportages[0].acties[0].toelichting", "begrippen[0].uitleg"):
        assert planted[where] in walked[where]


def test_the_real_plans_have_no_unexplained_abbreviation_in_any_text(site_model):
    known = ab.spellings(site_model.begrippen)
    texts = list(ab.texts(site_model))
    assert len(texts) > 1000
    assert [(w, f.text) for w, t in texts for f in ab.unexplained(t, known)] == []


def test_skipping_lines_without_two_capitals_in_a_word_changes_no_finding():
    """findings() skips a line unless one word has two capitals. Every line of every text in the YAML files and
    pages of the project and its fixtures gives the same findings as the full detector."""
    import yaml
    from conftest import ROOT

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    texts = [t for folder in ("data", "tests/fixtures") for path in sorted((ROOT / folder).rglob("*.yaml"))
             for t in strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    lines = skipped = 0
    for text in texts:
        for number, line in enumerate(text.splitlines() or [""], 1):
            lines += 1
            if not ab._TWO_CAPITALS.search(line):
                skipped += 1
                assert list(ab._line_findings(line, number)) == [], line
    assert lines > 5000 and skipped > lines / 4, (lines, skipped)
