"""The Dutch B1 checker: its measures, its calibration, the staff command, and every summary on the site."""
from __future__ import annotations

import subprocess
import sys

from pathlib import Path

import pytest

from conftest import ROOT
from plain_language import Settings, check_text
from plain_language.__main__ import explain
from macros.loader import load_site
from macros.plan_pages import plan_site
from plain_language.sources import Source, find
from plain_language.text import sentences, syllables
from plain_language.vocabulary import Vocabulary, compound_parts

sys.path.insert(0, str(ROOT / "scripts"))
from calibrate_b1 import evaluate  # noqa: E402


FIXTURE_DATA = sorted((ROOT / "tests" / "fixtures").glob("*/data"))


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary.load()


def test_flesch_douma_follows_the_formula(vocabulary):
    report = check_text("De kat zit op de mat.", vocabulary)  # 6 words, 6 syllables, 1 sentence
    assert report.words == 6 and sum(s.syllables for s in report.sentences) == 6
    assert report.flesch_douma == pytest.approx(206.84 - 0.77 * 100 - 0.93 * 6)


def test_syllables_come_from_the_dutch_hyphenation_dictionary():
    assert syllables("ervaringsdeskundigheid") == 7
    assert syllables("huis") == 1
    assert syllables("eten") == 2


def test_sentences_do_not_end_at_abbreviations():
    assert len(sentences("Dit geldt o.a. voor IO. En voor BAD.")) == 2


def test_compounds_are_split_before_judging_rarity():
    assert compound_parts("schuldhulpverlening", 3.0) is not None
    assert compound_parts("qwzxplork", 3.0) is None


def test_difficult_words_get_their_b1_alternative(vocabulary):
    report = check_text("Wij betalen middels een overschrijving.", vocabulary)
    finding = next(f for f in report.sentences[0].findings if f.kind == "moeilijk-woord")
    assert "middels" in finding.message and finding.advice == "Schrijf: met."
    assert not report.is_b1


def test_difficult_words_list_is_large_and_written_for_the_project(vocabulary):
    assert len(vocabulary.difficult) >= 300
    assert vocabulary.difficult["teneinde"] == "om"
    assert vocabulary.difficult["derhalve"] == "daarom"


def test_passive_voice_and_stacked_clauses_are_found(vocabulary):
    passive = check_text("Er wordt een nieuw plan gemaakt.", vocabulary).sentences[0]
    active = check_text("De gemeente maakt een nieuw plan.", vocabulary).sentences[0]
    assert passive.passive and not active.passive
    clauses = check_text("Wij blijven thuis omdat het regent, terwijl jij gaat.", vocabulary).sentences[0]
    assert any(f.kind == "bijzinnen" for f in clauses.findings)


def test_abbreviations_need_the_glossary(vocabulary):
    assert any(f.kind == "afkorting" for f in check_text("De XYZQ helpt u.", vocabulary).sentences[0].findings)
    assert not any(f.kind == "afkorting" for f in check_text("De ASDD helpt u.", vocabulary).sentences[0].findings)


def test_long_sentences_are_reported_with_advice(vocabulary):
    long = " ".join(["De gemeente helpt inwoners met geld en werk en zorg"] * 2) + "."
    report = check_text(long, vocabulary)
    finding = next(f for f in report.sentences[0].findings if f.kind == "lange-zin")
    assert "20 woorden" in finding.message and "twee of drie zinnen" in finding.advice


def test_thresholds_are_settings(vocabulary):
    text = "De gemeente helpt u graag. Bel ons als u vragen heeft over geld of werk of zorg in Deventer."
    assert check_text(text, vocabulary).is_b1
    assert not check_text(text, vocabulary, Settings(max_zinslengte=10)).is_b1


def test_calibration_precision_and_recall_stay_at_least_0_9():
    precision, recall, rows = evaluate()
    assert len(rows) >= 60
    assert sum(label == "b1" for _, label, _, _ in rows) >= 25
    assert sum(label == "boven-b1" for _, label, _, _ in rows) >= 25
    wrong = [(i, label, r.reasons) for i, label, verdict, r in rows if label != verdict]
    assert precision >= 0.9 and recall >= 0.9, wrong


def _summaries():
    return find(ROOT / "docs") + find(ROOT / "data" / "plannen") + _made_summaries(ROOT / "data")


def _made_summaries(data: Path):
    """The summaries of the pages the site makes from a data folder (macros/plan_pages.py)."""
    plans = plan_site(load_site(data, ROOT), ROOT / "docs")
    return [Source(f"{src} (gemaakt uit {data.relative_to(ROOT)}, in het kort)", page.in_het_kort)
            for src, page in plans.made.items()]


@pytest.mark.parametrize("source", _summaries(), ids=lambda s: s.label.replace(str(ROOT) + "/", ""))
def test_every_summary_on_the_site_is_b1(source, vocabulary):
    report = check_text(source.text, vocabulary)
    assert report.is_b1, explain(source.label, report)


@pytest.mark.parametrize("data", FIXTURE_DATA, ids=lambda p: p.parent.name)
def test_the_summaries_made_for_a_new_plan_are_b1(data, vocabulary):
    """A plan without texts of its own gets made summaries: these must be B1 in every shape of plan."""
    for source in _made_summaries(data):
        report = check_text(source.text, vocabulary)
        assert report.is_b1, explain(source.label, report)


def test_every_page_and_plan_has_a_summary_to_check():
    summaries = _summaries()
    written = list((ROOT / "docs").rglob("*.md"))
    site = load_site(ROOT / "data", ROOT)
    made = plan_site(site, ROOT / "docs").made
    plans = [plan for plan in site.plannen if plan.samenvatting]  # a plan without one gets a made overview text
    parts = [s for s in summaries if ", onderdeel " in s.label]
    assert len(summaries) == len(written) + len(made) + len(plans) + len(parts)


def test_staff_command_explains_per_sentence(tmp_path):
    hard = tmp_path / "tekst.txt"
    hard.write_text("Middels deze brief informeren wij u teneinde de implementatie te faciliteren. "
                    "Het college heeft derhalve besloten om de aanbevelingen die in het rapport zijn gedaan, "
                    "conform het voorstel over te nemen.", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "plain_language", str(hard)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "NIET B1" in result.stdout
    assert "Zin 1:" in result.stdout and "Zin 2:" in result.stdout
    assert "'middels' is een moeilijk woord. Schrijf: met." in result.stdout
    ok = subprocess.run([sys.executable, "-m", "plain_language", "docs/over.md"], cwd=ROOT, capture_output=True,
                        text=True)
    assert ok.returncode == 0 and "B1" in ok.stdout
