"""The build's check that every abbreviation in the data is explained, with the file and line where it stands.

The texts come from the model (macros.abbreviations.texts walks every string field), so a field added to the
model is checked without a change here. The lines come from the YAML files themselves: the model keeps no
line per text, and the line of the key is not the line of a word deep in a folded block.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from . import model as m
from .abbreviations import findings, problem_text, spellings, texts, unexplained
from .problems import Problem, shown_path
from .text_files import read_text


def unexplained_abbreviations(site: m.Site, plans_dir: Path, root: Path) -> list[Problem]:
    """One problem per unexplained abbreviation per file, naming every line where it stands."""
    if not site.begrippen:
        return []  # a project without a glossary (a test fixture) does not check abbreviations
    known = spellings(site.begrippen)
    problems = []
    glossary = plans_dir.parent / "begrippen.yaml"
    for folder, obj in [*((plans_dir / p.id, p) for p in site.plannen), (None, site.begrippen)]:
        used: dict[str, set[str]] = defaultdict(set)  # abbreviation -> the texts it stands in
        for _, text in texts(obj):
            for found in unexplained(text, known):
                used[found.text].add(text.strip())
        if used:
            files = _plan_files(folder) if folder else [glossary]
            problems += _located(used, files, folder or glossary, root)
    return problems


def _plan_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted((folder / "rapportages").glob("*.yaml"))


def _located(used: dict[str, set[str]], files: list[Path], fallback: Path, root: Path) -> list[Problem]:
    lines: dict[tuple[str, Path], list[int]] = defaultdict(list)
    for file in files:
        text = read_text(file)
        for node in _scalars(text):
            for abbreviation, where in used.items():
                if node.value.strip() in where:
                    lines[abbreviation, file] += _lines_in(text, node, abbreviation)
    problems = []
    for abbreviation in sorted(used):
        found = [(file, numbers) for (a, file), numbers in lines.items() if a == abbreviation]
        for file, numbers in found or [(fallback, [])]:  # a text the loader made itself has no line of its own
            message, fix = problem_text(abbreviation, numbers)
            problems.append(Problem(shown_path(file, root), min(numbers, default=None), message, fix))
    return problems


def _scalars(text: str):
    """Every scalar value (not key) in a YAML file, as a node that knows where it starts and ends."""
    stack = [yaml.compose(text, Loader=yaml.SafeLoader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)


def _lines_in(text: str, node: yaml.ScalarNode, abbreviation: str) -> list[int]:
    """The lines of the file where the abbreviation stands within this value; else the line the value starts."""
    raw = text[node.start_mark.index:node.end_mark.index]
    lines = [node.start_mark.line + f.line for f in findings(raw) if f.text == abbreviation]
    return lines or [node.start_mark.line + 1]
