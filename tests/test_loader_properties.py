"""Property-based: whatever staff type into a data file, the loader answers with a model or Dutch problems.

Hypothesis mutates the real data files: a value replaced by another type, a key removed, a list
emptied, text cut off halfway, random characters in between. The loader must never crash with a
Python error; it returns a valid site or raises PlanDataError whose problems name a file of the
project and say in Dutch what is wrong.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.loader import load_site
from macros.problems import PlanDataError

DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yaml")
                    if "taal" not in p.parts)
DUTCH_WORDS = ("staat", "bestaat", "geen", "niet", "moet", "ontbreekt", "onbekend", "regel", "fout", "bestand",
               "waarde", "hoort", "kan", "is", "mist", "leeg", "dubbel", "gebruik", "datum", "bedrag")

odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**9, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.lists(st.text(max_size=10), max_size=3), st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
    st.sampled_from(["300.000", "1.200.000,50", "€ 25.000", "25k", "2023-02-30", "2024-K5", "Q0 2024",
                     "<script>alert(1)</script>", "{{ 7*7 }}", "", " ", "null", "~", "ja", "nee"]),
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """data/ and the source texts it points at, copied once; each example restores what it changed."""
    root = tmp_path_factory.mktemp("eigenschappen")
    shutil.copytree(ROOT / "data", root / "data")
    return root


def paths_in(data, prefix=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield prefix + (key,)
            yield from paths_in(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield prefix + (index,)
            yield from paths_in(value, prefix + (index,))


def mutate_structure(data, path, how, value):
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "vervang":
        parent[last] = value
    elif how == "verwijder":
        del parent[last]
    elif how == "leeg":
        parent[last] = [] if isinstance(parent[last], list) else {} if isinstance(parent[last], dict) else ""
    return data


def assert_answer_is_a_model_or_dutch_problems(root: Path):
    try:
        site = load_site(root / "data", root)
    except PlanDataError as err:
        assert err.problems, "an error without problems"
        for problem in err.problems:
            text = str(problem)
            assert str(problem.file).startswith("data"), text
            assert any(word in text.lower() for word in DUTCH_WORDS), f"not Dutch? {text}"
            assert "Traceback" not in text and "Error" not in text.split(":", 1)[-1][:40], text
        return
    assert site.plannen


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(DATA_FILES), data=st.data())
def test_a_changed_value_gives_a_model_or_dutch_problems(workspace, file, data):
    path = workspace / file
    original = path.read_text(encoding="utf-8")
    parsed = yaml.safe_load(original)
    paths = list(paths_in(parsed))
    try:
        if paths:
            where = data.draw(st.sampled_from(paths), label="plek")
            how = data.draw(st.sampled_from(["vervang", "verwijder", "leeg"]), label="wijziging")
            value = data.draw(odd_values, label="waarde")
            changed = mutate_structure(parsed, where, how, value)
            path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert_answer_is_a_model_or_dutch_problems(workspace)
    finally:
        path.write_text(original, encoding="utf-8")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(DATA_FILES), data=st.data())
def test_damaged_text_gives_a_model_or_dutch_problems(workspace, file, data):
    path = workspace / file
    original = path.read_text(encoding="utf-8")
    try:
        cut = data.draw(st.integers(0, len(original)), label="positie")
        insert = data.draw(st.one_of(st.text(max_size=30), st.sampled_from(
            ["\t", ": :", "- [", "{", "'", '"', "\ufeff", "\r\n", "&anker", "*anker", "!!python/object:os.system",
             "---\n", "...\n", "key: [1, 2", "\x00"])), label="tekst")
        how = data.draw(st.sampled_from(["invoegen", "afkappen"]), label="schade")
        damaged = original[:cut] + insert + original[cut:] if how == "invoegen" else original[:cut]
        path.write_text(damaged, encoding="utf-8", errors="surrogatepass")
        assert_answer_is_a_model_or_dutch_problems(workspace)
    finally:
        path.write_text(original, encoding="utf-8")


DATE_VALUE = r"(?<=: )\d{4}-\d{2}-\d{2}(?=\s*(?:#.*)?$)"  # a date written as a YAML value, not inside text
DATED_FILES = [f for f in DATA_FILES if re.search(DATE_VALUE, (ROOT / f).read_text("utf-8"), re.M)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(DATED_FILES), data=st.data())
def test_an_impossible_date_gives_dutch_problems(workspace, file, data):
    """Unquoted dates are read by YAML itself; 2023-02-30 used to end in a Python ValueError."""
    path = workspace / file
    original = path.read_text(encoding="utf-8")
    dates = list(re.finditer(DATE_VALUE, original, re.M))
    try:
        match = data.draw(st.sampled_from(dates), label="datum")
        wrong = data.draw(st.sampled_from(["2023-02-30", "2023-13-01", "2023-00-10", "2024-04-31"]), label="fout")
        path.write_text(original[:match.start()] + wrong + original[match.end():], encoding="utf-8")
        with pytest.raises(PlanDataError) as caught:
            load_site(workspace / "data", workspace)
        assert any(wrong in str(p) or "datum" in str(p).lower() for p in caught.value.problems), caught.value
    finally:
        path.write_text(original, encoding="utf-8")
