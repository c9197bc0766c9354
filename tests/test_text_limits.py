"""Texts staff write themselves have documented length limits (issue 9, item 1): one table
(macros/text_limits.py) that the loader, the page check, the JSON Schema and the editors' guide all use.

Exact values are tested on the fictitious fixture plan; the real content is tested for the invariant."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from macros.loader import load_site
from macros.problems import PlanDataError
from macros.text_limits import LIMITS, limit, page_text_problems
from macros.text_files import read_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "fictief"
PLAN = Path("data/plannen/fictief-actielijnen")
REPORT = """\
peildatum: 2024-06-30
titel: Testrapportage
bron:
  titel: Fictieve raadsmededeling
acties:
  - actie: "1.1"
    status: gestart
    toelichting: {text}
"""


def _insert_after(path: Path, anchor: str, line: str) -> int:
    """Put line under the first line that is anchor; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(anchor) + 1
    lines.insert(at, line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def _plan_key(root, text):
    return PLAN / "plan.yaml", _insert_after(root / PLAN / "plan.yaml", "onderdeel_soort: actielijn", text)


def _part_key(root, text):
    return PLAN / "onderdelen.yaml", _insert_after(root / PLAN / "onderdelen.yaml", "    titel: Actielijn uit rapport A",
                                                   "    " + text)


def _action_key(root, text):
    return PLAN / "acties.yaml", _insert_after(root / PLAN / "acties.yaml", "    trekker: projectgroep", "    " + text)


def _report(root, text):
    folder = root / PLAN / "rapportages"
    folder.mkdir()
    (folder / "2024-06-30.yaml").write_text(REPORT.format(text=text.split(": ", 1)[1]), encoding="utf-8")
    return PLAN / "rapportages/2024-06-30.yaml", REPORT.count("\n")


# (the limit, how a value gets into the fixture) for every limit on a data field
DATA_FIELDS = {
    ("plan.yaml", "korte_titel"): _plan_key,
    ("plan.yaml", "samenvatting"): _plan_key,
    ("plan.yaml", "status_toelichting"): _plan_key,
    ("onderdelen.yaml", "korte_titel"): _part_key,
    ("onderdelen.yaml", "label"): _part_key,
    ("onderdelen.yaml", "in_het_kort"): _part_key,
    ("acties.yaml", "status_toelichting"): _action_key,
    ("voortgang/*.yaml", "toelichting"): _report,
}


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "fictief"))


def text_of(length: int) -> str:
    words = ("Dit is een korte zin. " * (length // 22 + 1))[:length]
    return words[:-1] + "x" if words.endswith(" ") else words  # YAML drops a trailing space


def test_every_data_limit_is_tested_and_every_limit_is_documented_by_one_table():
    pages = {("pagina (docs/*.md)", "title"), ("pagina (docs/*.md)", "in_het_kort")}
    assert {(item.file, item.key) for item in LIMITS} == set(DATA_FIELDS) | pages


@pytest.mark.parametrize("file, key", DATA_FIELDS, ids=[f"{f}:{k}" for f, k in DATA_FIELDS])
def test_a_text_over_its_limit_is_a_dutch_problem_with_file_and_line(fixture_copy, file, key):
    item = limit(file, key)
    shown, line = DATA_FIELDS[(file, key)](fixture_copy, f"{key}: {text_of(item.most + 7)}")
    with pytest.raises(PlanDataError) as info:
        load_site(fixture_copy / "data", fixture_copy)
    found = [p for p in info.value.problems if "tekens lang" in p.message]
    assert len(found) == 1, "\n".join(map(str, info.value.problems))
    problem = found[0]
    assert (problem.file, problem.line) == (shown, line), str(problem)
    assert f"'{key}' bij" in problem.message and f"is {item.most + 7} tekens lang; de grens is {item.most}" \
        in problem.message
    assert problem.fix == f"Maak de tekst 7 tekens korter (hoogstens {item.most})."


@pytest.mark.parametrize("file, key", DATA_FIELDS, ids=[f"{f}:{k}" for f, k in DATA_FIELDS])
def test_a_text_at_its_limit_is_accepted(fixture_copy, file, key):
    item = limit(file, key)
    DATA_FIELDS[(file, key)](fixture_copy, f"{key}: {text_of(item.most)}")
    load_site(fixture_copy / "data", fixture_copy)


def test_a_page_title_or_summary_over_its_limit_names_the_line_of_its_key():
    raw = ("---\ntitle: " + "T" * 71 + "\nin_het_kort: >-\n  " + "Kort. " * 100 + "\n---\n\n# Kop\n")
    _, meta = get_data(raw)
    found = page_text_problems(meta, raw)
    assert [(line, message.split(";")[0]) for line, message, _ in found] == [
        (2, "'title' is 71 tekens lang"), (3, f"'in_het_kort' is {len(meta['in_het_kort'].strip())} tekens lang")]
    assert found[0][2] == "Maak de tekst 1 tekens korter (hoogstens 70)."
    ok = "---\ntitle: " + "T" * 70 + "\nin_het_kort: Kort.\n---\n"
    assert page_text_problems(get_data(ok)[1], ok) == []


def test_the_real_pages_and_data_keep_to_every_limit(site_model):
    """The invariant on real content: the data loaded (the loader checks its limits), and every page fits."""
    assert site_model.plannen
    for path in sorted((ROOT / "docs").rglob("*.md")):
        raw = read_text(path)
        assert page_text_problems(get_data(raw)[1], raw) == [], path


def test_the_schema_carries_the_same_limits():
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schema").glob("*.schema.json")}
    text = json.dumps(schemas)
    for item in LIMITS:
        if not item.file.startswith("pagina"):
            assert f'"maxLength": {item.most}' in text, item


def test_the_guide_shows_the_limits_from_the_table_and_its_numbers_agree(built_site):
    soup = BeautifulSoup((built_site / "redactie.html").read_text(encoding="utf-8"), "html.parser")
    table = next(t for t in soup.select("table") if t.caption and "Hoe lang een tekst mag zijn" in t.caption.get_text())
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert [(r[0], r[1], int(r[2])) for r in rows] == [(i.key, i.file, i.most) for i in LIMITS]
    # Where the guide or a template names a limit in its text, it is the enforced one.
    for path in [ROOT / "docs/redactie.md", *sorted(p for p in (ROOT / "sjablonen").rglob("*") if p.is_file())]:
        for number in re.findall(r"hoogstens (\d+) tekens", path.read_text(encoding="utf-8")):
            assert int(number) in {i.most for i in LIMITS}, (path, number)
