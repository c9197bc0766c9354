"""libyaml reads the data as PyYAML's own parser does: the same values, the same lines, the same verdicts.

The loader parses with libyaml for speed and falls back to PyYAML's parser only to explain a broken file
(macros/yaml_source.py). That is safe only if libyaml never accepts what PyYAML rejects and never reads a
value or a line differently. Checked on every YAML file of the project and its fixtures, and on thousands
of damaged copies of them: a character removed, a tab, a colon, a quote or a dash put in, a line doubled
or indented.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros import yaml_source
from macros.problems import PlanDataError

YAML_FILES = sorted(p for folder in ("data", "tests/fixtures") for p in (ROOT / folder).rglob("*.yaml"))


def _both(text: str):
    """(verdict, value) of each parser: verdict is 'ok' or 'fout'."""
    results = []
    for loader in (yaml_source._FastLineLoader, yaml_source._LineLoader):
        if "\t" in text and loader is yaml_source._FastLineLoader:
            loader = yaml_source._LineLoader  # as load_yaml does: libyaml allows a tab in a text, PyYAML does not
        try:
            results.append(("ok", _plain(yaml.load(text, Loader=loader))))
        except yaml.YAMLError:
            results.append(("fout", None))
    return results


def _plain(value):
    """The value with every line and every number as typed, so equal means: read the same way."""
    if isinstance(value, yaml_source.Mapping):
        return ("map", value.line, sorted((str(k), value.key_lines[k], value.source_text(k), _plain(v))
                                          for k, v in value.items()))
    if isinstance(value, list):
        return ("list", [_plain(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("nan",)
    return (type(value).__name__, value)


def test_libyaml_is_available_so_the_fast_path_is_taken():
    assert yaml_source._FastLineLoader is not None, "PyYAML zonder libyaml: de build is dan tien keer trager"


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_reads_the_same_with_both_parsers(path):
    fast, pure = _both(path.read_text(encoding="utf-8"))
    assert pure[0] == "ok", "a fixture meant to be broken is not YAML-broken but data-broken"
    assert fast == pure


def _damaged(text: str, rng: random.Random):
    lines = text.splitlines(keepends=True)
    at = rng.randrange(len(text) + 1)
    row = rng.randrange(len(lines))
    kind = rng.randrange(6)
    if kind == 0:
        return text[:at] + text[at + 1:]
    if kind == 1:
        return text[:at] + rng.choice(["\t", ":", ": ", '"', "'", "- ", "#", "*", "&", "!", "{", "[", "|", ">"]) + text[at:]
    if kind == 2:
        return "".join(lines[:row + 1] + lines[row:])
    if kind == 3:
        return "".join(lines[:row] + ["  " + lines[row]] + lines[row + 1:])
    if kind == 4:
        return "".join(lines[:row] + [lines[row].lstrip(" ")] + lines[row + 1:])
    return text[:at]


def test_damaged_files_get_the_same_verdict_and_value_from_both_parsers():
    rng = random.Random(20261203)
    compared = failed = 0
    differences = []
    for path in YAML_FILES:
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            continue
        for _ in range(40):
            damaged = _damaged(text, rng)
            fast, pure = _both(damaged)
            compared += 1
            failed += pure[0] == "fout"
            # libyaml may reject more (the fallback then reads the file as before), never accept more or differently
            if fast != pure and not (fast[0] == "fout" and pure[0] == "ok"):
                differences.append((path.relative_to(ROOT).as_posix(), damaged[:200]))
    assert compared > 2000 and failed > compared / 10, (compared, failed)
    assert differences == []


def test_a_broken_file_is_explained_with_pyyamls_words_and_line(tmp_path):
    """The fast parser fails too, but the message is the Dutch translation of PyYAML's, with its line."""
    path = tmp_path / "acties.yaml"
    path.write_text("acties:\n  - id: A1\n    titel: Een\n\ttekst: tab\n", encoding="utf-8")
    with pytest.raises(PlanDataError) as caught:
        yaml_source.load_yaml(path, Path("data/plannen/x/acties.yaml"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.message) == (4, "het bestand is geen geldige YAML: er staat een tab; gebruik "
                                                  "spaties om in te springen.")
    path.write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    with pytest.raises(PlanDataError) as caught:
        yaml_source.load_yaml(path, Path("x.yaml"))
    assert (caught.value.problems[0].line, caught.value.problems[0].message) == (
        3, "de sleutel 'a' staat twee keer in hetzelfde blok.")


def test_values_and_lines_come_from_the_fast_parser(tmp_path, monkeypatch):
    path = tmp_path / "plan.yaml"
    path.write_text("id: x\ndatum: 2024-01-15\nbedrag: 300.000\nfout: 2023-02-30\n", encoding="utf-8")
    used = []
    real = yaml.load
    monkeypatch.setattr(yaml, "load", lambda text, Loader: used.append(Loader) or real(text, Loader=Loader))
    value = yaml_source.load_yaml(path)
    assert used == [yaml_source._FastLineLoader]
    assert value == {"id": "x", "datum": dt.date(2024, 1, 15), "bedrag": 300.0, "fout": "2023-02-30"}
    assert (value.line_of("bedrag"), value.source_text("bedrag")) == (3, "300.000")
