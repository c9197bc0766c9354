"""Command for staff: python -m plain_language PAD [PAD ...] [--pagina]

Checks the B1 summaries (and with --pagina the whole pages) of Markdown files,
the summaries in plan.yaml files, or any .txt file, and prints per sentence
what makes it hard and what to write instead. Exits 1 when a text is not B1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checker import TextReport, check_text, decimal
from .sources import find
from .vocabulary import Vocabulary


def explain(label: str, report: TextReport) -> str:
    verdict = "B1" if report.is_b1 else "NIET B1"
    average = f"{report.average_sentence_length:.1f}".replace(".", ",")
    lines = [f"{label}: {verdict} — Flesch-Douma {decimal(report.flesch_douma)}, gemiddeld {average} woorden per zin"]
    for reason in report.reasons:
        lines.append(f"  * {reason}")
    for number, sentence in enumerate(report.sentences, 1):
        if not sentence.findings:
            continue
        lines.append(f"  Zin {number}: \"{sentence.text}\"")
        for finding in sentence.findings:
            lines.append(f"    - {finding.message}. {finding.advice}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plain_language",
                                     description="Controleer teksten op taalniveau B1, zin voor zin.")
    parser.add_argument("paden", nargs="+", type=Path, help="bestanden of mappen (docs/, data/plannen/, tekst.txt)")
    parser.add_argument("--pagina", action="store_true", help="controleer ook de hele pagina, niet alleen 'in het kort'")
    parser.add_argument("--alleen-fouten", action="store_true", help="toon alleen teksten die niet B1 zijn")
    args = parser.parse_args(argv)
    vocabulary = Vocabulary.load()
    failed = checked = 0
    for path in args.paden:
        if not path.exists():
            print(f"{path}: bestaat niet.", file=sys.stderr)
            return 2
        for source in find(path, args.pagina):
            report = check_text(source.text, vocabulary)
            checked += 1
            failed += not report.is_b1
            if report.is_b1 and args.alleen_fouten:
                continue
            print(explain(source.label, report) + "\n")
    print(f"{checked} teksten gecontroleerd, {failed} niet op B1-niveau.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
