"""Finds the plain-language texts to check: page summaries, plan summaries, or whole text files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.text_files import NotUtf8, read_text


@dataclass(frozen=True)
class Source:
    label: str  # e.g. "docs/bewind/index.md (in het kort)"
    text: str


def _front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match[1]) or {}, text[match.end():]


def _page_body(body: str) -> str:
    """Page text without macros, HTML, Markdown markup, headings and table rows."""
    body = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>", " ", body, flags=re.S)
    body = re.sub(r"^\s*(#+|\||[-*]|\d+\.)\s*", "", body, flags=re.M)
    body = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", body)
    return re.sub(r"[*_`]", "", body)


def find(path: Path, whole_pages: bool = False) -> list[Source]:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    found = []
    for file in files:
        if file.suffix == ".md":
            try:
                meta, body = _front_matter(read_text(file))
            except (NotUtf8, yaml.YAMLError):
                continue  # the build explains it, with file and line; the other pages are still checked
            if isinstance(meta.get("in_het_kort"), str):
                found.append(Source(f"{file} (in het kort)", meta["in_het_kort"]))
            if whole_pages and body.strip():
                found.append(Source(f"{file} (pagina)", _page_body(body)))
        elif file.suffix in (".yaml", ".yml") and file.name == "plan.yaml":
            try:
                data = yaml.safe_load(read_text(file)) or {}
            except (yaml.YAMLError, NotUtf8):
                continue  # broken YAML is the data check's to explain, with file and line
            if isinstance(data, dict) and isinstance(data.get("samenvatting"), str):
                found.append(Source(f"{file} (samenvatting)", data["samenvatting"]))
        elif file.suffix in (".yaml", ".yml") and file.name == "onderdelen.yaml":
            found += _part_summaries(file)
        elif file.suffix == ".txt" and not path.is_dir():  # a text given by name, not every .txt in a folder
            found.append(Source(str(file), file.read_text(encoding="utf-8")))
    return found


def _part_summaries(file: Path) -> list[Source]:
    """The 'in het kort' of each part: the top of the page the site makes for it."""
    try:
        data = yaml.safe_load(read_text(file)) or {}
    except (yaml.YAMLError, NotUtf8):
        return []  # the data check explains it, with file and line
    parts = data.get("onderdelen") if isinstance(data, dict) else None
    return [Source(f"{file}, onderdeel {part.get('id')} (in het kort)", part["in_het_kort"])
            for part in (parts if isinstance(parts, list) else [])
            if isinstance(part, dict) and isinstance(part.get("in_het_kort"), str)]
