"""Loading and validation: real data loads; every kind of mistake gets a Dutch message with file and line.

Exact values and the mistakes are on the fixed copy of the real plans (tests/fixtures/referentie), in a copy of
the project; the checks on data/ itself hold for every plan there."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.loader import load_site
from macros.problems import PlanDataError

BEWIND = Path("data/plannen/bewind")


def test_real_data_loads_into_the_model(reference_site):
    plan = reference_site.plan("bewind")
    assert plan.nummer == "2023-866"
    assert [p.id for p in plan.onderdelen] == ["I", "II", "III", "IV", "V", "VI"]
    assert all(a.onderdeel in {p.id for p in plan.onderdelen} for a in plan.acties)


def test_every_action_of_the_seed_is_in_the_data(reference_site):
    # The action labels of plan 2023-866, chapter 2, as listed in the issue.
    expected = (["I." + c for c in "abcdef"] + ["II"] + ["III.a", "III.b"] + ["IV." + c for c in "abcdefgh"]
                + ["V." + c for c in "abc"] + ["VI." + c for c in "abc"])
    assert [a.id for a in reference_site.plan("bewind").acties] == expected


def test_every_status_beyond_gepland_rests_on_words_of_the_plan(site_model, reference_site):
    for plan in site_model.plannen + reference_site.plannen:
        for action in plan.acties:
            assert action.status == "gepland" or action.status_citaten, (plan.id, action.id)


def test_a_status_without_a_quote_is_refused(project_copy):
    _break(project_copy, "acties.yaml", "    status: gepland\n", "    status: gestart\n")
    err = _problems(project_copy)
    assert any("geen citaat" in p.message and p.file.name == "acties.yaml" and p.line for p in err.problems)


def test_a_quote_that_is_not_in_the_source_is_refused_with_its_line(project_copy):
    _break(project_copy, "acties.yaml", "      - \"welke in 2022 is gestart\"", "      - \"welke in 2021 is gestart\"")
    err = _problems(project_copy)
    problem = next(p for p in err.problems if "niet letterlijk in de bron" in p.message)
    assert "welke in 2021 is gestart" in problem.message
    assert problem.line == _line_of(project_copy, "acties.yaml", "status_citaten:")


def test_a_plan_without_its_source_text_is_refused(project_copy):
    import shutil

    shutil.rmtree(project_copy / BEWIND / "bron")
    err = _problems(project_copy)
    assert any("geen map bron/" in p.message for p in err.problems)


def _break(project: Path, file: str, old: str, new: str) -> None:
    path = project / BEWIND / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(project: Path):
    with pytest.raises(PlanDataError) as info:
        load_site(project / "data", project)
    return info.value


def _line_of(project: Path, file: str, needle: str) -> int:
    lines = (project / BEWIND / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("file, old, new, needle, message", [
    ("acties.yaml", "status: gestart", "status: bezig", "status: bezig", "'bezig' is geen geldige waarde voor 'status'"),
    ("acties.yaml", "trekker: verandermanager", "trekker: veranderaar", "trekker: veranderaar",
     "'veranderaar' is geen bekende actor"),
    ("acties.yaml", "onderdeel: I\n", "onderdeeltje: I\n", "onderdeeltje: I", "onbekende sleutel 'onderdeeltje'"),
    ("plan.yaml", "datum: 2023-10-03", "datum: 3-10-2023", "datum: 3-10-2023", "geen geldige datum"),
    ("begroting.yaml", "bedrag: 680000", "bedrag: € 680.000", "bedrag: € 680.000", "moet een getal zijn"),
    ("begroting.yaml", "totaal: 1200000", "totaal: 1300000", "totaal: 1300000", None),
    ("adviezen.yaml", "- actie: IV.b", "- actie: IV.z", "- actie: IV.z", "'IV.z' is geen bekende actie"),
    ("adviezen.yaml", "citaat: \"Aandacht voor het inlevingsvermogen", "citaat: \"Aandacht voor het invoelingsvermogen",
     "citaat: \"Aandacht voor het invoelingsvermogen", "staat niet"),
])
def test_mistakes_are_explained_with_file_and_line(project_copy, file, old, new, needle, message):
    _break(project_copy, file, old, new)
    err = _problems(project_copy)
    text = str(err)
    assert "De site is niet gebouwd" in text
    problem = err.problems[0]
    assert problem.file == BEWIND / file
    if message:
        assert message in problem.message
        assert problem.line == _line_of(project_copy, file, needle)
    assert problem.fix, "every problem says how to fix it"


def test_a_stated_total_that_differs_from_the_sum_is_reported(project_copy):
    _break(project_copy, "begroting.yaml", "totaal: 1200000", "totaal: 1300000")
    err = _problems(project_copy)
    assert any("het vermelde totaal is € 1.300.000, de som van de regels is € 1.200.000" in p.message.replace("\u00a0", " ")
               for p in err.problems)


def test_a_known_difference_that_disappeared_is_reported(project_copy):
    _break(project_copy, "begroting.yaml", "bedrag: 390000", "bedrag: 370000")
    err = _problems(project_copy)
    assert any("bestaat niet (meer)" in p.message for p in err.problems)


def test_an_unexplained_difference_between_estimates_fails(project_copy):
    _break(project_copy, "begroting.yaml", "        bedrag: 100000\n", "        bedrag: 90000\n")
    err = _problems(project_copy)
    assert any("(VI)" in p.message and "€\u00a090.000" in p.message for p in err.problems)


def test_yaml_syntax_errors_are_translated(project_copy):
    _break(project_copy, "acties.yaml", "  - id: I.b", "  - id: I.b\n\tfout: tab")
    err = _problems(project_copy)
    problem = err.problems[0]
    assert "geen geldige YAML" in problem.message and "tab" in problem.message
    assert problem.line is not None


def test_a_missing_colon_points_at_its_own_line(project_copy):
    _break(project_copy, "acties.yaml", "    trekker: verandermanager", "    trekker verandermanager")
    problem = _problems(project_copy).problems[0]
    assert "dubbele punt" in problem.message
    assert problem.line == _line_of(project_copy, "acties.yaml", "trekker verandermanager")


def test_duplicate_keys_are_not_silently_dropped(project_copy):
    _break(project_copy, "plan.yaml", "team: DEV-BLD", "team: DEV-BLD\nteam: ANDER")
    err = _problems(project_copy)
    assert "twee keer" in err.problems[0].message
    assert err.problems[0].line == _line_of(project_copy, "plan.yaml", "team: ANDER")


def test_duplicate_ids_and_unknown_links_are_reported_together(project_copy):
    _break(project_copy, "acties.yaml", "  - id: I.b", "  - id: I.a")
    _break(project_copy, "onderdelen.yaml", "thema: clientenperspectief", "thema: klantperspectief")
    err = _problems(project_copy)
    messages = " | ".join(p.message for p in err.problems)
    assert "'I.a' (actie) komt twee keer voor" in messages
    assert "'klantperspectief' is geen bekende thema" in messages


def test_outlook_safelinks_are_refused(project_copy):
    _break(project_copy, "plan.yaml", "  - titel: Motie 2.1. raadsvergadering 22 maart 2023",
           "  - titel: Motie 2.1. raadsvergadering 22 maart 2023\n"
           "    link: https://eur02.safelinks.protection.outlook.com/?url=x")
    err = _problems(project_copy)
    assert "safelinks" in err.problems[0].message
