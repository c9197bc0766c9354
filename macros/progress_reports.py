"""Progress reports (voortgangsrapportages): one YAML file each in a plan's rapportages/ folder.

A report never changes the plan's own text, status or planning; it adds what
was true on its peildatum, so the site can say "as of when, from which source".
"""
from __future__ import annotations

import datetime as _dt
import difflib
from pathlib import Path

from . import model as m
from .loader_fields import Fields
from .problems import PlanDataError, Problem, shown_path
from .text_limits import limit
from .yaml_source import load_yaml

FOLDER = "rapportages"
MAX_TOELICHTING = limit("voortgang/*.yaml", "toelichting").most  # a short B1 explanation, not the report


def load(plan_folder: Path, root: Path, problems: list[Problem], action_ids=None) -> tuple[m.ProgressReport, ...]:
    """Every report of a plan, oldest first; with action_ids, an entry naming another action is a problem too."""
    folder = plan_folder / FOLDER
    if not folder.is_dir():
        return ()
    reports = []
    for path in sorted(folder.iterdir()):
        shown = shown_path(path, root)
        if path.suffix not in (".yaml", ".yml"):
            if not path.name.startswith("."):
                problems.append(Problem(shown, None, f"'{path.name}' is geen rapportagebestand.",
                                        "Zet in deze map alleen rapportages als .yaml-bestand."))
            continue
        try:
            data = load_yaml(path, shown)
        except PlanDataError as err:
            problems.extend(err.problems)
            continue
        report = _report(path.stem, data, shown, problems, action_ids)
        if report is not None:
            reports.append(report)
    return tuple(sorted(reports, key=lambda r: (r.peildatum, r.id)))



def _report(report_id: str, data, file: Path, problems: list[Problem], action_ids) -> m.ProgressReport | None:
    before = len(problems)
    f = Fields(data, file, problems, "de rapportage", ("peildatum", "titel", "bron", "acties"))
    peildatum = f.date("peildatum")
    if f.ok and peildatum is None and "peildatum" not in f.data:
        f.problem(None, "bij de rapportage ontbreekt 'peildatum'.",
                  "Voeg 'peildatum: JJJJ-MM-DD' toe: de datum waarop de feiten in de rapportage slaan.")
    bron = None
    raw_source = f._get("bron", True)
    if raw_source is not None:
        sf = Fields(raw_source, file, problems, "de bron van de rapportage", ("titel", "nummer", "datum", "link"),
                    line=f.line_of("bron"))
        link = sf.text("link")
        if link and not link.startswith("https://"):
            sf.problem("link", "de link bij de bron begint niet met https://.", "Gebruik het volledige adres.")
        bron = m.Source(id="", titel=sf.text("titel", True), nummer=sf.text("nummer"), datum=sf.moment("datum"),
                        link=link)
    entries = [_entry(item, file, problems, f.line_of("acties"), action_ids) for item in f.items("acties", True)]
    report = m.ProgressReport(id=report_id, peildatum=peildatum, titel=f.text("titel", True), bron=bron,
                              acties=tuple(e for e in entries if e), file=str(file))
    return report if len(problems) == before else None


def _entry(data, file: Path, problems: list[Problem], line: int, action_ids) -> m.ReportEntry | None:
    f = Fields(data, file, problems, "een actie in de rapportage",
               ("actie", "status", "voortgang", "toelichting", "herplanning"), line=line)
    action_id = f.text("actie", True)
    if action_id:
        f.what = f"actie {action_id} in de rapportage"
    if action_id and action_ids is not None and action_id not in action_ids:
        near = difflib.get_close_matches(action_id, sorted(i for i in action_ids if i), n=1)  # ids that failed are None
        hint = f"Bedoelt u '{near[0]}'? " if near else ""
        f.problem("actie", f"'{action_id}' is geen actie van dit plan.", f"{hint}Gebruik een id uit acties.yaml.")
    status = f.choice("status", m.STATUSES)
    voortgang = f.integer("voortgang", low=0, high=100)
    toelichting = f.text("toelichting", True, limit("voortgang/*.yaml", "toelichting"))
    if status == "gepland" and voortgang is not None:
        f.problem("voortgang", f"{f.what} is 'gepland' maar heeft voortgang {voortgang}%.",
                  "Zet de status op 'gestart' of haal de voortgang weg.")
    if status == "afgerond" and voortgang not in (None, 100):
        f.problem("voortgang", f"{f.what} is 'afgerond' maar heeft voortgang {voortgang}%.",
                  "Zet de voortgang op 100 of de status op 'gestart'.")
    herplanning = None
    raw = f._get("herplanning", False)
    if raw is not None:
        hf = Fields(raw, file, problems, f"de herplanning van {f.what}", ("eind", "reden"),
                    line=f.line_of("herplanning"))
        eind, reden = hf.moment("eind"), hf.text("reden", True)
        if hf.ok and eind is None and "eind" not in hf.data:
            hf.problem(None, f"bij de herplanning van {f.what} ontbreekt 'eind'.",
                       "Schrijf het nieuwe geplande einde: eind: 2025-Q2 (of 2025, 2025-06, 2025-06-30).")
        if eind and reden:
            herplanning = m.Replanning(eind, reden)
    if not f.ok:
        return None
    return m.ReportEntry(actie=action_id, status=status, toelichting=toelichting, voortgang=voortgang,
                         herplanning=herplanning, line=f.line)


def check(plan: m.Plan) -> list[Problem]:
    """One statement per action per report, and dates that make sense, across all reports of the plan."""
    problems = []
    dated: dict[_dt.date, m.ProgressReport] = {}
    for report in plan.voortgangsrapportages:
        file = Path(report.file)
        plan_start = plan.datum.begin if plan.datum else None
        if plan_start and report.peildatum < plan_start:
            problems.append(Problem(file, None, f"de peildatum {report.peildatum} ligt vóór de datum van het plan.",
                                    "Controleer de peildatum: een rapportage gaat over de tijd na het plan."))
        if plan.historisch:
            problems.append(Problem(file, None, "dit plan is historisch; het krijgt geen voortgangsrapportages.",
                                    "Haal 'historisch: true' weg in plan.yaml als er toch over dit plan gerapporteerd "
                                    "wordt."))
        if report.peildatum in dated:
            problems.append(Problem(file, None, f"twee rapportages hebben dezelfde peildatum {report.peildatum}: "
                                                f"{Path(dated[report.peildatum].file).name} en {file.name}.",
                                    "Voeg ze samen tot één rapportage, of controleer de peildatum."))
        dated[report.peildatum] = report
        seen = set()
        for entry in report.acties:
            if entry.actie in seen:
                problems.append(Problem(file, entry.line, f"actie {entry.actie} staat twee keer in deze rapportage.",
                                        "Houd één regel per actie over."))
            seen.add(entry.actie)
            if entry.herplanning and entry.herplanning.eind.einde <= report.peildatum:
                problems.append(Problem(file, entry.line,
                                        f"de herplanning van actie {entry.actie} eindigt ({entry.herplanning.eind}) "
                                        f"niet na de peildatum van de rapportage ({report.peildatum}).",
                                        "Een nieuw gepland einde ligt na de peildatum. Controleer de datum."))
    return problems
