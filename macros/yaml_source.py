"""Reads YAML while remembering the line of every key, for Dutch error messages.

PyYAML forgets where a value came from and silently keeps the last of two
equal keys; staff need "regel 12" and a warning about the duplicate instead.

Files are parsed with libyaml (PyYAML's C parser, about ten times faster on this data) with the same
constructors, so values and lines are the same. A file libyaml rejects is parsed again by PyYAML's own
parser, whose messages the Dutch translations below know; so a broken file is explained exactly as before.
A file with a tab goes to PyYAML straight away: libyaml accepts a tab inside a text, PyYAML does not.
tests/test_yaml_source.py holds both parsers to the same values, lines and verdicts.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import PlanDataError, Problem
from .text_files import NotUtf8, read_text


class Mapping(dict):
    """A YAML mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def source_text(self, key) -> str | None:
        """The value of key exactly as typed, if YAML read it as a number or yes/no: '300.000', not 300.0."""
        return getattr(self, "number_texts", {}).get(key)


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.number_texts = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int)):
            raise yaml.constructor.ConstructorError(
                None, None, "een sleutel moet tekst zijn", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"de sleutel '{key}' staat twee keer in hetzelfde blok", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag in _NUMBER_TAGS:
            result.number_texts[key] = value_node.value
    return result


_FLOAT_TAG = "tag:yaml.org,2002:float"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", _FLOAT_TAG, "tag:yaml.org,2002:bool")  # YAML reads yes/no as a boolean


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    """A date that does not exist (2023-02-30) stays text; the field checks explain it with its line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return node.value


def _construct_float(loader: _LineLoader, node: yaml.ScalarNode):
    """A float PyYAML cannot convert stays text, so the field checks report it instead of a traceback."""
    try:
        return yaml.SafeLoader.construct_yaml_float(loader, node)
    except (ValueError, OverflowError):
        return node.value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(_FLOAT_TAG, _construct_float)


_FastLineLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLineLoader(yaml.CSafeLoader):  # noqa: N801 - the C twin of _LineLoader
        pass

    for _tag, _constructor in _LineLoader.yaml_constructors.items():
        if _FastLineLoader.yaml_constructors.get(_tag) is not _constructor:
            _FastLineLoader.add_constructor(_tag, _constructor)


class ConfigLoader(_LineLoader):
    """For mkdocs.yml, where MkDocs' own tags (!ENV, !relative, !!python/name:...) are allowed."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_yaml(path: Path, shown_as: Path | None = None, loader: type[yaml.SafeLoader] = _LineLoader):
    """Load one YAML file; raise PlanDataError with a Dutch message on bad syntax."""
    shown = shown_as or path
    try:
        text = read_text(path, shown)
    except NotUtf8 as err:
        raise PlanDataError([Problem(shown, err.line, err.message, err.fix)]) from None
    # libyaml accepts a tab inside a text, which PyYAML (and so every message staff know) refuses.
    if loader is _LineLoader and _FastLineLoader is not None and "\t" not in text:
        try:
            return yaml.load(text, Loader=_FastLineLoader)
        except yaml.YAMLError:
            pass  # PyYAML's parser below says what is wrong, in the words the translations know
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if (err.problem or "").startswith("could not find expected ':'") and err.context_mark:
            mark = err.context_mark  # the key without its colon, not the line after it
        line = mark.line + 1 if mark else None
        raise PlanDataError([Problem(shown, line, _dutch_yaml_problem(err), _YAML_FIX)]) from None
    except yaml.YAMLError as err:  # pragma: no cover - unmarked errors are rare
        raise PlanDataError([Problem(shown, None, f"het bestand is geen geldige YAML ({err}).", _YAML_FIX)]) from None


_YAML_FIX = (
    "Controleer de inspringing (spaties, geen tabs), de dubbele punt na elke sleutel "
    "en aanhalingstekens rond tekst met een dubbele punt of #."
)

_TRANSLATIONS = {
    "found character '\\t' that cannot start any token": "er staat een tab; gebruik spaties om in te springen",
    "mapping values are not allowed here": "hier staat een dubbele punt die YAML niet verwacht (zet de tekst tussen aanhalingstekens)",
    "could not find expected ':'": "er ontbreekt een dubbele punt na een sleutel",
    "found undefined alias": "er staat een * die YAML als verwijzing leest (zet de tekst tussen aanhalingstekens)",
    "expected <block end>, but found": "de inspringing klopt niet",
    "did not find expected key": "de inspringing klopt niet of er ontbreekt een sleutel",
    "did not find expected '-' indicator": "de inspringing van een lijst klopt niet",
    "expected the node content, but found '<stream end>'": "het bestand houdt op waar nog een waarde moet komen",
    "found unexpected end of stream": "het bestand houdt op midden in een tekst (ontbreekt een aanhalingsteken?)",
    "found unknown escape character": "er staat een backslash (\\) die in deze tekst niet mag",
}


def _dutch_yaml_problem(err: yaml.MarkedYAMLError) -> str:
    problem = err.problem or ""
    for english, dutch in _TRANSLATIONS.items():
        if problem.startswith(english):
            return f"het bestand is geen geldige YAML: {dutch}."
    if "twee keer" in problem or "sleutel moet" in problem:
        return f"{problem}."
    return f"het bestand is geen geldige YAML ({problem})."
