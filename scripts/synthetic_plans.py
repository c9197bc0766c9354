"""Made-up plans of any size, in the real data format, for benchmarks only: never content.

Every file says BENCHMARKGEGEVENS in its first line and every plan id starts with "synthetisch-", so that
nobody mistakes them for a plan. The plans use what the real ones use: parts with a source, actions with
text, a lead, RACI roles, a planning, a status with its quote from the source text, links within the
plan and to other plans, a budget with a declared total, recommendations and one progress report.
The words are drawn from a fixed list with a fixed seed, so two runs write the same bytes.

    python scripts/synthetic_plans.py DATA_DIR --acties 1000 [--per-plan 100]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HEADER = "# BENCHMARKGEGEVENS — verzonnen door scripts/synthetic_plans.py, alleen om de snelheid te meten.\n"
PREFIX = "synthetisch-"
PARTS_PER_PLAN = 10
WORDS = """inwoner gemeente wijk team hulp zorg jeugd wonen werk schuld geld budget aanvraag loket gesprek plan
afspraak overleg netwerk partner school buurt huis woning inkomen armoede toegang regie casus dossier
signaal melding wachttijd kwaliteit monitor rapport advies raad college wethouder beleid uitvoering
samenwerking vrijwilliger mantelzorg ondersteuning begeleiding bewind toezicht opvang veiligheid gezondheid
sport cultuur onderwijs stage scholing taal digitaal website folder brief telefoon spreekuur huisbezoek
evaluatie onderzoek pilot proef werkwijze methode training cursus bijeenkomst avond week maand kwartaal
jaar nieuw beter sneller samen dichtbij eenvoudig duidelijk eerlijk open vast extra eigen""".split()
VERBS = ["We versterken", "We onderzoeken", "We organiseren", "We verbeteren", "We starten", "We maken",
         "We bespreken", "We zorgen voor", "We breiden uit", "We evalueren"]
ACTORS = [("college", "College van burgemeester en wethouders", "orgaan"), ("raad", "Gemeenteraad", "orgaan"),
          ("stuurgroep", "Stuurgroep", "orgaan"), ("projectgroep", "Projectgroep", "team"),
          ("team-wijk", "Wijkteam", "team"), ("team-toegang", "Team Toegang", "team"),
          ("team-inkomen", "Team Inkomen", "team"), ("adviesraad", "Adviesraad", "orgaan")]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _action_ids(actions: int) -> set[str]:
    per_part = -(-actions // PARTS_PER_PLAN)
    return {f"{i // per_part + 1}.{i % per_part + 1}" for i in range(actions)}


def plan_files(number: int, actions: int, plans: int, next_size: int, rng: random.Random) -> dict[str, str]:
    """The files of plan `number` (1-based) of `plans`, with `actions` actions, as {relative path: text};
    `next_size`: the number of actions of the next plan, which some actions link to."""
    plan_id = f"{PREFIX}{number:03d}"
    files = {}
    files["plan.yaml"] = HEADER + (
        f"id: {plan_id}\ngemeente: Deventer\ntitel: Synthetisch plan {number}\nkorte_titel: Synthetisch {number}\n"
        f"datum: 2024-01-15\nstatus: vastgesteld\nonderdeel_soort: actielijn\nrapportages_per_jaar: 2\n"
        f"samenvatting: >-\n  Dit plan is verzonnen om de snelheid te meten.\n  Het is geen echt plan.\n")
    part_titles = [_sentence(rng, 4)[:-1] for _ in range(PARTS_PER_PLAN)]
    parts = [f'  - id: "{p}"\n    nummer: {p}\n    titel: {_quote(part_titles[p - 1])}\n    bron: rapport\n'
             for p in range(1, PARTS_PER_PLAN + 1)]
    files["onderdelen.yaml"] = HEADER + (
        "bronnen:\n  - id: rapport\n    titel: Verzonnen rapport\n    auteur: Verzonnen bureau\n    datum: 2023-03\n"
        "onderdelen:\n" + "".join(parts))
    files["actoren.yaml"] = HEADER + "actoren:\n" + "".join(
        f"  - id: {a}\n    naam: {n}\n    soort: {s}\n" for a, n, s in ACTORS)
    source_lines, rows, started = list(part_titles), [], []
    per_part = -(-actions // PARTS_PER_PLAN)
    for index in range(actions):
        part = index // per_part + 1
        action_id = f"{part}.{index % per_part + 1}"
        title = f"{rng.choice(VERBS)} {_sentence(rng, 5)[:-1].lower()}"
        text = " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(3))
        source_lines.append(f"{title}. {text}")
        lead, *others = rng.sample([a for a, _, _ in ACTORS], 3)
        year = 2024 + index % 3
        row = (f'  - id: "{action_id}"\n    onderdeel: "{part}"\n    titel: {_quote(title)}\n'
               f"    tekst: {_quote(title + '. ' + text)}\n    trekker: {lead}\n"
               f"    raci:\n      {lead}: AR\n      {others[0]}: C\n      {others[1]}: I\n"
               f"    planning:\n      start: {year}-Q1\n      eind: {year}-Q{1 + index % 4}\n")
        if index % 3 == 0:
            row += f"    status: gestart\n    status_citaten:\n      - {_quote(text.split('.')[0])}\n"
            started.append(action_id)
        else:
            row += "    status: gepland\n"
        if index % 10 == 5 and plans > 1 and action_id in _action_ids(next_size):  # the same id in the next plan
            row += f'    zie_ook: ["{PREFIX}{number % plans + 1:03d}/{action_id}"]\n'
        if index % 10 == 1 and index + 1 < actions and (index + 1) // per_part + 1 == part:
            row += f'    randvoorwaarde_voor: ["{part}.{(index + 1) % per_part + 1}"]\n'
        rows.append(row)
    files["acties.yaml"] = HEADER + "acties:\n" + "".join(rows)
    lines = [f'      - onderdelen: ["{p}"]\n        omschrijving: Uitvoering onderdeel {p}\n'
             f"        bedrag: {10000 * p}\n        soort: incidenteel\n        periode: 2024-2025\n"
             for p in range(1, PARTS_PER_PLAN + 1)]
    files["begroting.yaml"] = HEADER + (
        "ramingen:\n  - id: plan\n    titel: Verzonnen raming\n    soort: raming\n    door: het verzonnen plan\n"
        "    leidend: true\n    regels:\n" + "".join(lines) +
        f"    totaal: {sum(10000 * p for p in range(1, PARTS_PER_PLAN + 1))}\n")
    said = [_sentence(rng, 10) for _ in range(20)]
    source_lines.extend(said)  # a recommendation quotes its report, here the same source text
    recommendations = [f"  - rapport: rapport\n    nummer: {r}\n    tekst: {_quote(said[r - 1])}\n"
                       f'    acties: ["{r % PARTS_PER_PLAN + 1}.{r // PARTS_PER_PLAN + 1}"]\n'
                       for r in range(1, min(20, actions) + 1)
                       if r // PARTS_PER_PLAN + 1 <= per_part and
                       (r % PARTS_PER_PLAN) * per_part + r // PARTS_PER_PLAN < actions]
    files["bron/plan.txt"] = "\n\n".join(source_lines) + "\n"
    files["aanbevelingen.yaml"] = HEADER + "aanbevelingen:\n" + "".join(recommendations)
    entries = [f'  - actie: "{a}"\n    status: gestart\n    voortgang: {10 * (i % 9 + 1)}\n'
               f"    toelichting: Het werk loopt.\n" for i, a in enumerate(started)]
    files["rapportages/2025-03-31-eerste.yaml"] = HEADER + (
        "peildatum: 2025-03-31\ntitel: Verzonnen rapportage\nbron:\n  titel: Verzonnen raadsmededeling\n"
        "acties:\n" + "".join(entries))
    return files


def write_plans(data_dir: Path, actions: int, per_plan: int = 100, seed: int = 12) -> list[str]:
    """Write plans of `per_plan` actions (the last one smaller) until there are `actions`; return their ids."""
    rng = random.Random(seed)
    plans = -(-actions // per_plan)
    sizes = [min(per_plan, actions - n * per_plan) for n in range(plans)]
    ids = []
    for number, size in enumerate(sizes, start=1):
        folder = data_dir / "plannen" / f"{PREFIX}{number:03d}"
        for name, text in plan_files(number, size, plans, sizes[number % plans], rng).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        ids.append(folder.name)
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verzonnen plannen om de snelheid te meten (nooit publiceren).")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--acties", type=int, required=True)
    parser.add_argument("--per-plan", type=int, default=100)
    args = parser.parse_args(argv)
    ids = write_plans(args.data_dir, args.acties, args.per_plan)
    print(f"{len(ids)} verzonnen plannen met samen {args.acties} acties in {args.data_dir / 'plannen'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
