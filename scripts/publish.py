"""Build the site into a fresh folder and only then replace the published one.

MkDocs empties its output folder before it renders pages, so a page that
fails halfway would leave a broken public site. Here a failed build changes
nothing: staff get the Dutch explanation and the old site stays online.

Usage: python scripts/publish.py [--site-dir site]
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NOISE = re.compile(r"^\s*(INFO|DEBUG)\b|Aborted with|^\s*$|^Error reading page")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


_MACRO_ERROR = re.compile(
    r"_File_: `(?P<page>[^`]+)`.*?_(?P<kind>\w+)_: (?P<message>[^\n]*)(?P<rest>.*?)(?=_File_:|\Z)", re.S)
_TEMPLATE_LINE = re.compile(r'File "<(?:template|unknown)>", line (\d+)')


def _front_matter_lines(page: str) -> int:
    """Macro errors count lines from the end of the page's front matter; staff count from the top."""
    path = ROOT / "docs" / page
    if not path.exists():
        return 0
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
    if not end:
        return 0
    blank = 0  # MkDocs also drops the blank lines right after the front matter
    while end + 1 + blank < len(lines) and not lines[end + 1 + blank].strip():
        blank += 1
    return end + 1 + blank


def _macro_problem(match: re.Match) -> str:
    """mkdocs-macros reports a failing page as an English traceback; say it in Dutch."""
    page, kind, message = match["page"], match["kind"], match["message"].strip()
    line = _TEMPLATE_LINE.search(match["rest"])
    where = f"docs/{page}" + (f", regel {int(line[1]) + _front_matter_lines(page)}" if line else "")
    undefined = re.match(r"'([^']+)' is undefined", message)
    if kind == "UndefinedError" and undefined:
        return (f"{where}: '{undefined[1]}' bestaat niet als macro of gegeven.\n"
                "    Oplossing: controleer de spelling tussen {{ en }}; de macro's staan in de README.")
    if kind == "TemplateSyntaxError":
        return (f"{where}: de tekst tussen {{{{ en }}}} of {{% en %}} klopt niet ({message}).\n"
                "    Oplossing: controleer of elke {{ een }} heeft en de aanhalingstekens kloppen.")
    return f"{where}: een macro op deze pagina gaf een fout: {message.strip(chr(34))}.\n" \
           "    Oplossing: controleer de id's die u aan de macro meegeeft."


def explain(output: str) -> str:
    """The lines a staff member needs: Dutch messages, without tracebacks or INFO chatter."""
    output = _ANSI.sub("", output)
    macro_errors = [_macro_problem(m) for m in _MACRO_ERROR.finditer(output)]
    if macro_errors:
        return "\n".join(macro_errors)
    lines = output.splitlines()
    if any(line.startswith("Traceback") for line in lines):
        # Keep only the final message of a traceback; the stack is for developers.
        lines = [line for line in lines if not line.startswith(("Traceback", "  File ", "    "))]
    keep = [re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line) for line in lines
            if not _NOISE.search(line) and "│" not in line and "To disable this" not in line]
    return "\n".join(keep).strip() or "De build is mislukt zonder melding."


def build(site_dir: Path) -> int:
    site_dir = site_dir if site_dir.is_absolute() else ROOT / site_dir
    staging = Path(tempfile.mkdtemp(prefix=".site-nieuw-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0 or not (staging / "index.html").exists():
        shutil.rmtree(staging, ignore_errors=True)
        print("De site is NIET bijgewerkt. De gepubliceerde site blijft zoals hij was.\n", file=sys.stderr)
        print(explain(result.stdout + "\n" + result.stderr), file=sys.stderr)
        return 1
    old = site_dir.with_name(site_dir.name + ".oud")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"De site is bijgewerkt in {site_dir}.")
    return 0


def summaries_are_b1() -> bool:
    """Every "in het kort" and plan summary on B1 level, checked before building, as in the tests."""
    sys.path.insert(0, str(ROOT))
    from plain_language.__main__ import main as check_b1

    with contextlib.chdir(ROOT):  # messages name files as staff see them: docs/..., data/...
        if check_b1(["docs", "data/plannen", "--alleen-fouten"]) == 0:
            return True
    print("De site is NIET bijgewerkt: de samenvattingen hierboven zijn niet op taalniveau B1. "
          "De gepubliceerde site blijft zoals hij was.", file=sys.stderr)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site veilig en publiceer alleen als alles klopt.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    if not summaries_are_b1():
        return 1
    return build(args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
