"""The one rule for what counts as an abbreviation, for the build, the page check and the B1 checker.

A token is an abbreviation when it is written the way no ordinary Dutch word is written:

* two or more capitals with no lowercase letter between them: IOG, ASDD, DEV-BLD (capitals joined by a
  hyphen are one abbreviation), with a plural s after them (CJGs, ASDD's: the abbreviation is CJG, ASDD);
* a word that starts with a capital and has another capital after a lowercase letter, or lowercase after
  two capitals: ProFacto, DigiD, ICTer (names like these need explaining just as much). A word that starts
  in lowercase is not counted (eHerkenning), so a typo like "iIntegraliteit" is not mistaken for a name;
* an & between letters: B&W, P&O.

Capitals that are there for another reason are not abbreviations:

* a roman numeral, alone or at the start of an id: VI, VI.d; and capitals glued to a digit (PO1, Q4) or
  directly followed by a full stop and a letter or digit (PO.1): an id or a code, not a word in a sentence;
* the letters of a Dutch postcode and the place name after it on that line: 7411 HB Deventer, 7400 GC DEVENTER;
* an ordinary Dutch word in capitals (WIE, LET OP, BELANGRIJK). Ordinary means: a common word in wordfreq's
  Dutch list (Zipf >= 3, the B1 checker's "gewoon woord"), or a compound of common words, with a vowel in it.
  Frequency alone cannot tell: wordfreq folds case, so uwv (3.9), ict (4.5) and the
  abbreviations MEE, BAD and VET are "common words" too. Such a word is therefore only read as a word in
  capitals where it is plainly one: it has at least six letters (real abbreviations are shorter), it is a
  Markdown heading of one word ("## WIE"), or it stands next to another such word ("LET OP", "WIE DOET WAT").
  A short one alone among lowercase words ("de MEE", "WIE doet het") counts as an abbreviation.
  A word that is also an abbreviation in the glossary (MEE) is explained on the page either way.

Web and e-mail addresses are skipped. Whether an abbreviation is explained is one rule too: it is a spelling
(term or variant) of a term in data/begrippen.yaml, or each of its hyphen-joined parts is.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from plain_language.vocabulary import compound_parts, zipf

COMMON_WORD_ZIPF = 3.0  # as plain_language.checker.Settings.gewoon_woord_zipf
LONG_WORD = 6  # letters; a common word this long in capitals is a word, not an abbreviation

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = re.compile(rf"[{_UPPER}{_LOWER}](?:[{_UPPER}{_LOWER}]|&(?=[{_UPPER}{_LOWER}]))*")
_ADDRESSES = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CAPITALS = re.compile(rf"[{_UPPER}&]{{2,}}")
_PLURAL = re.compile(rf"([{_UPPER}&]{{2,}})s")
_MIXED = re.compile(rf"[{_UPPER}](?:.*[{_LOWER}][{_UPPER}]|[{_UPPER}]+[{_LOWER}])")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_CODE_AFTER = re.compile(r"\d|\.\w")  # PO1, VI.d, PO.1: an id or a code
_POSTCODE_BEFORE = re.compile(r"(?<!\d)\d{4} ?$")
_HEADING = re.compile(r" {0,3}#{1,6}\s+\S+\s*#*\s*")  # a Markdown heading of one word: "## WIE"
_VOWEL = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]")
# Every abbreviation has two capitals in one word (IOG, B&W, ProFacto, VNGs): a line without such a word has
# none, and most lines are skipped at this one search.
_TWO_CAPITALS = re.compile(rf"[{_UPPER}][{_UPPER}{_LOWER}&]*[{_UPPER}]")


@dataclasses.dataclass(frozen=True)
class Found:
    text: str  # the abbreviation as written, without a plural s: "IOG", "DEV-BLD", "ProFacto"
    line: int  # 1-based line within the text it was found in


def _is_common_word(word: str) -> bool:
    lower = word.lower()
    return "&" not in word and bool(_VOWEL.search(lower)) and (
        zipf(lower) >= COMMON_WORD_ZIPF or compound_parts(lower, COMMON_WORD_ZIPF) is not None)


def _line_findings(line: str, number: int) -> Iterator[Found]:
    line = _ADDRESSES.sub(lambda m: " " * len(m[0]), line)
    words = list(_WORD.finditer(line))
    capitals = [bool(_CAPITALS.fullmatch(w[0])) for w in words]
    common = [c and _is_common_word(w[0]) for c, w in zip(capitals, words)]
    in_address = False  # after a postcode: the capitalised words up to a comma or full stop are the place
    joined = ""  # the abbreviation just before, to join DEV-BLD
    for i, match in enumerate(words):
        word, start, end = match[0], match.start(), match.end()
        before = line[words[i - 1].end():start] if i else line[:start]
        after_joined, joined = (joined if before == "-" else ""), ""
        if in_address and word[0].isupper() and not re.search(r"[,;.]", before):
            continue
        in_address = False
        if capitals[i] and len(word) == 2 and _POSTCODE_BEFORE.search(line[:start]):
            in_address = True
            continue
        if _CODE_AFTER.match(line, end) or (start and line[start - 1].isdigit()) or _ROMAN.fullmatch(word):
            continue
        shape = word[1:] if word.startswith("IJ") and not capitals[i] else word  # IJssel: IJ is one letter
        if capitals[i]:
            among_capitals = (i > 0 and common[i - 1]) or (i + 1 < len(words) and common[i + 1])
            if common[i] and (len(word) >= LONG_WORD or among_capitals or _HEADING.fullmatch(line)):
                continue
            found = joined = f"{after_joined}-{word}" if after_joined else word
        elif plural := _PLURAL.fullmatch(shape):
            found = plural[1]
        elif _MIXED.search(shape):
            found = word
        else:
            continue
        yield Found(found, number)


def findings(text: str) -> list[Found]:
    """Every abbreviation in the text with its line; an abbreviation joined by hyphens is given once, whole."""
    out: list[Found] = []
    for number, line in enumerate(text.splitlines() or [""], 1):
        if not _TWO_CAPITALS.search(line):
            continue
        for found in _line_findings(line, number):
            if out and out[-1].line == number and found.text.startswith(out[-1].text + "-"):
                out[-1] = found  # DEV then DEV-BLD: keep the whole
            else:
                out.append(found)
    return out


def _lines(numbers: list[int]) -> str:
    *head, last = numbers
    return f"{', '.join(map(str, head))} en {last}" if head else str(last)


def problem_text(abbreviation: str, lines: list[int]) -> tuple[str, str]:
    """(message, fix) in Dutch for one unexplained abbreviation; lines: where it stands, the first one named
    with the file, the others in the message."""
    others = sorted(set(lines))[1:]
    also = f" (ook op regel {_lines(others)})" if others else ""
    return (f"'{abbreviation}' staat niet in de begrippenlijst{also}: lezers weten niet wat het betekent.",
            f"Zet '{abbreviation}' met uitleg in data/begrippen.yaml, of schrijf het voluit.")


def text_problems(text: str, known: frozenset[str], offset: int = 0) -> list[tuple[int, str, str]]:
    """(first line, message, fix) per unexplained abbreviation in a page's text; offset: lines above the text."""
    lines: dict[str, list[int]] = {}
    for f in unexplained(text, known):
        lines.setdefault(f.text, []).append(f.line + offset)
    return [(numbers[0], *problem_text(abbreviation, numbers)) for abbreviation, numbers in lines.items()]


def abbreviations_in(text: str) -> set[str]:
    return {f.text for f in findings(text)}


def spellings(terms: Iterable) -> frozenset[str]:
    """Every way the glossary writes its terms (afkorting or begrip): what counts as explained."""
    return frozenset(s for t in terms for s in (t.term, *t.varianten))


def explained(abbreviation: str, known: frozenset[str] | set[str]) -> bool:
    return abbreviation in known or all(part in known for part in abbreviation.split("-"))


def unexplained(text: str, known: frozenset[str] | set[str]) -> list[Found]:
    """The abbreviations in the text that the glossary does not explain, in the order they stand."""
    return [f for f in findings(text) if not explained(f.text, known)]


# --- Every text of the model that reaches a page ---------------------------------------------------------------------

# Fields whose strings never reach a page as words; every other string field of the model is checked, so a field
# added later is covered without a change here.
EXCLUDED = {
    ("Action", "raci"): "actor ids and the RACI letters R, A, S, C, I, which every RACI matrix explains in its legend",
    ("Source", "link"): "a web address: shown as a link, not read as a word",
    ("Source", "nummer"): "a document number (2023-866, RIS-123): an identifier, not a word",
    ("Plan", "nummer"): "the number of the decision on the plan: an identifier, not a word",
    ("Plan", "brontekst"): "the paths of the source texts and their running headers; never shown",
}


def texts(obj, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every string in a model object and everything under it: 'acties[2].planning.tekst'.

    Fields the loader fills in itself (metadata 'intern': a file name, a line number) are not text of the plan."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            yield from texts(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.metadata.get("intern") or (type(obj).__name__, f.name) in EXCLUDED:
                continue
            yield from texts(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
