"""Prints how well the B1 checker separates the labelled texts in tests/fixtures/b1-corpus.yaml.

Usage: python scripts/calibrate_b1.py [--details]
Precision and recall are for the class "b1": of the texts called B1, how many are; of the B1 texts, how many are found.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plain_language import check_text  # noqa: E402
from plain_language.vocabulary import Vocabulary  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "b1-corpus.yaml"


def evaluate(corpus: Path = CORPUS):
    """(precision, recall, rows) where rows are (id, label, verdict, report)."""
    vocabulary = Vocabulary.load()
    rows = []
    for item in yaml.safe_load(corpus.read_text(encoding="utf-8"))["teksten"]:
        report = check_text(item["tekst"], vocabulary)
        rows.append((item["id"], item["label"], "b1" if report.is_b1 else "boven-b1", report))
    true_pos = sum(1 for _, label, verdict, _ in rows if label == verdict == "b1")
    called_b1 = sum(1 for _, _, verdict, _ in rows if verdict == "b1")
    actual_b1 = sum(1 for _, label, _, _ in rows if label == "b1")
    precision = true_pos / called_b1 if called_b1 else 0.0
    recall = true_pos / actual_b1 if actual_b1 else 0.0
    return precision, recall, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--details", action="store_true", help="show every misclassified text and why")
    args = parser.parse_args()
    precision, recall, rows = evaluate()
    b1 = sum(label == "b1" for _, label, _, _ in rows)
    print(f"teksten: {len(rows)} ({b1} b1, {len(rows) - b1} boven-b1)")
    print(f"precisie: {precision:.3f}".replace(".", ","))
    print(f"recall:   {recall:.3f}".replace(".", ","))
    for text_id, label, verdict, report in rows:
        if label != verdict or args.details:
            mark = "FOUT" if label != verdict else "goed"
            print(f"  {mark} {text_id}: label {label}, checker {verdict}; FD {report.flesch_douma:.0f}, "
                  f"gem. {report.average_sentence_length:.1f}; {'; '.join(report.reasons) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
