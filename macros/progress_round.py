"""The progress round: trekkers fill in a spreadsheet, the editors turn it into a progress report.

Export writes one row per action of a plan, with the current state (status,
as of when and from which source, voortgang) and empty columns to fill in.
Import reads the filled-in sheet back (XLSX or CSV), checks every row and
writes a new report file in the plan's rapportages/ folder, or nothing at all
when a single row is wrong. Every message is in Dutch and points at a row and
a column letter as a staff member sees them in Excel.

Plain Python: no MkDocs. scripts/voortgangsronde.py is the command around it.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import difflib
import io
import os
import re
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import action_state as st
from . import model as m
from . import progress_reports
from .dutch import Moment, datum
from .loader import load_site
from .locations import slug
from .problems import PlanDataError, Problem, shown_path
from .render import lead_text, planned_end_text
from .render_status import stand_text

MAX_TOELICHTING = progress_reports.MAX_TOELICHTING
SHEET = "Voortgang"  # the sheet with one row per action
GUIDE = "Uitleg"  # the sheet with the instructions
PLAN_ID_LABEL = "Plan-id"  # in the guide sheet: which plan the file is for
END_FORMATS = "2025, 2025-Q2, 2025-06 of 2025-06-30"
MAX_NOTES = 5  # notes about typing in the grey columns; more would hide the summary


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    fill_in: bool  # True: trekkers fill it in; False: the current state, for information only
    width: int
    note: str  # shown as a comment on the header cell


COLUMNS = (
    Column("actie", "Actie", False, 9, "De id van de actie. Niet veranderen."),
    Column("titel", "Titel", False, 40, "De titel van de actie, zoals in het plan."),
    Column("trekker", "Trekker", False, 22, "Wie de actie trekt, volgens het plan."),
    Column("planning", "Planning", False, 28, "De planning volgens het plan, met eerdere herplanningen."),
    Column("huidige_status", "Huidige status", False, 13, "De status zoals de site die nu toont. Alleen ter informatie."),
    Column("stand", "Stand", False, 30, "Van wanneer de huidige status is en uit welke bron."),
    Column("huidige_voortgang", "Huidige voortgang (%)", False, 11, "De voortgang zoals de site die nu toont."),
    Column("status", "Nieuwe status", True, 14,
           "Kies de status op de peildatum: gepland, gestart, afgerond, opgeschort of vervallen. "
           "Ook invullen als de status gelijk blijft."),
    Column("voortgang", "Voortgang (%)", True, 11,
           "Een heel getal van 0 tot en met 100. Niet bij 'gepland'. Bij 'afgerond' 100 of leeg."),
    Column("toelichting", "Toelichting", True, 50,
           f"Verplicht. Een paar korte zinnen in eenvoudige taal, hoogstens {MAX_TOELICHTING} tekens."),
    Column("eind", "Nieuw gepland einde", True, 14,
           f"Alleen als de actie later klaar is dan gepland. Schrijf {END_FORMATS}. Na de peildatum."),
    Column("reden", "Reden herplanning", True, 40, "Verplicht bij een nieuw gepland einde: waarom het later wordt."),
)
FILL_IN = tuple(c for c in COLUMNS if c.fill_in)
BY_KEY = {c.key: c for c in COLUMNS}


def letter(index: int) -> str:
    """1 -> A, 27 -> AA: the column letters Excel shows."""
    text = ""
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


EXPORT_LETTERS = {c.key: letter(i) for i, c in enumerate(COLUMNS, 1)}


class RoundError(Exception):
    """Something the editor must fix before anything is read or written; the message is Dutch."""


# --- messages ------------------------------------------------------------------

@dataclass(frozen=True)
class RowProblem:
    """A problem in one cell of the sheet, as a staff member finds it in Excel."""

    row: int | None
    column: str | None  # the column letter
    header: str | None
    message: str
    fix: str = ""
    actie: str | None = None

    def __str__(self) -> str:
        where = []
        if self.row:
            where.append(f"Rij {self.row}" + (f" (actie {self.actie})" if self.actie else ""))
        if self.column:
            where.append(f"kolom {self.column} ({self.header})" if self.header else f"kolom {self.column}")
        text = (", ".join(where) + ": " if where else "") + self.message
        return text + (f"\n    Oplossing: {self.fix}" if self.fix else "")


@dataclass
class Outcome:
    """What a command did: the exit status, the lines to show, and the files it wrote."""

    exit_code: int = 0
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


# --- dates -----------------------------------------------------------------------

def parse_date(value: str, what: str) -> _dt.date:
    text = (value or "").strip()
    if not text:
        raise RoundError(f"{what} ontbreekt. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-06-30.")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise RoundError(f"{what} '{text}' is geen geldige datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 2024-06-30.")
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise RoundError(f"{what} '{text}' bestaat niet. Controleer dag en maand (JJJJ-MM-DD).") from None


def reference_date(root: Path, environ=None) -> _dt.date:
    """The build's reference date, read as the build reads it (macros.action_state.reference_date)."""
    environ = os.environ if environ is None else environ
    try:
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
        configured = (config.get("extra") or {}).get("peildatum")
    except (OSError, yaml.YAMLError, AttributeError):
        configured = None
    try:
        return st.reference_date(environ.get("PEILDATUM"), configured)
    except ValueError as err:
        raise RoundError(str(err)) from None


# --- loading the plan ----------------------------------------------------------------

def load_plan(root: Path, plan_id: str) -> m.Plan:
    try:
        site = load_site(root / "data", root)
    except PlanDataError as err:
        raise RoundError(str(err)) from None
    ids = [p.id for p in site.plannen]
    if not plan_id:
        raise RoundError(f"Geef het plan op, bijvoorbeeld PLAN=bewind. Kies uit: {', '.join(ids)}.")
    if plan_id not in ids:
        near = difflib.get_close_matches(plan_id or "", ids, n=1)
        hint = f"Bedoelt u '{near[0]}'? " if near else ""
        raise RoundError(f"Er is geen plan '{plan_id}'. {hint}Kies uit: {', '.join(ids)}.")
    plan = site.plan(plan_id)
    if plan.historisch:
        raise RoundError(f"Het plan '{plan_id}' is historisch: er komen geen voortgangsrapportages meer. "
                         "Er is niets gemaakt.")
    return plan


# --- export ------------------------------------------------------------------------

def current_values(plan: m.Plan, action: m.Action, peildatum: _dt.date) -> dict[str, object]:
    """The informational columns of one action: its state on the reference date."""
    state = st.state(plan, action, peildatum)
    return {
        "actie": action.id,
        "titel": action.titel,
        "trekker": lead_text(plan, action),
        "planning": planned_end_text(plan, action, state),
        "huidige_status": state.status,
        "stand": stand_text(plan, state),
        "huidige_voortgang": state.voortgang,
    }


def export_rows(plan: m.Plan, peildatum: _dt.date) -> list[list[object]]:
    """Header and one row per action, in the order of acties.yaml; the fill-in columns are empty."""
    rows: list[list[object]] = [[c.header for c in COLUMNS]]
    for action in plan.acties:
        values = current_values(plan, action, peildatum)
        rows.append([values.get(c.key) for c in COLUMNS])
    return rows


def export_names(plan: m.Plan, peildatum: _dt.date) -> str:
    return f"voortgangsronde-{plan.id}-{peildatum.isoformat()}"


def guide_lines(plan: m.Plan, peildatum: _dt.date) -> list[str]:
    info = [c for c in COLUMNS if not c.fill_in]
    first_info, last_info = EXPORT_LETTERS[info[0].key], EXPORT_LETTERS[info[-1].key]
    first_fill, last_fill = EXPORT_LETTERS[FILL_IN[0].key], EXPORT_LETTERS[FILL_IN[-1].key]
    L = EXPORT_LETTERS
    return [
        f"Voortgangsronde: {plan.titel}",
        "",
        f"Elke rij op het blad '{SHEET}' is één actie van het plan.",
        f"De grijze kolommen ({first_info} tot en met {last_info}) laten zien hoe de actie er nu voor staat, "
        f"op {datum(peildatum)}. Wat u daar verandert, telt niet mee.",
        f"Vul de gele kolommen ({first_fill} tot en met {last_fill}) alleen in bij een actie waarover u iets te "
        "melden hebt. Laat de rij leeg als er niets te melden is.",
        "",
        f"{L['status']} Nieuwe status: kies uit de lijst: gepland, gestart, afgerond, opgeschort of vervallen. "
        "Vul de status ook in als die gelijk blijft.",
        f"{L['voortgang']} Voortgang (%): een heel getal van 0 tot en met 100, bijvoorbeeld 40. "
        "Niet bij 'gepland'. Bij 'afgerond' 100 of leeg.",
        f"{L['toelichting']} Toelichting: verplicht. Schrijf in een paar korte zinnen in eenvoudige taal wat er "
        f"is gebeurd. Hoogstens {MAX_TOELICHTING} tekens.",
        f"{L['eind']} Nieuw gepland einde: alleen als de actie later klaar is dan gepland. "
        f"Schrijf {END_FORMATS}. De datum ligt na de peildatum van de rapportage.",
        f"{L['reden']} Reden herplanning: verplicht bij een nieuw gepland einde.",
        "",
        "Verander de kolomkoppen in rij 1 niet. Stuur het ingevulde bestand terug naar de redactie.",
    ]


def write_csv(plan: m.Plan, peildatum: _dt.date, path: Path) -> None:
    """UTF-8 with BOM and ';' between fields: Dutch Excel opens it as a table with the right letters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in export_rows(plan, peildatum):
        writer.writerow(["" if v is None else v for v in row])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def write_xlsx(plan: m.Plan, peildatum: _dt.date, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = export_rows(plan, peildatum)
    last = max(len(rows), 2)
    wb = Workbook()
    wb.properties.creator = "voortgangsronde"
    wb.properties.title = f"Voortgangsronde {plan.korte_titel}"
    ws = wb.active
    ws.title = SHEET

    info_head = PatternFill("solid", fgColor="D9D9D9")
    info_cell = PatternFill("solid", fgColor="F2F2F2")
    fill_head = PatternFill("solid", fgColor="FFD966")
    fill_cell = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    for r, row in enumerate(rows, 1):
        for c, (column, value) in enumerate(zip(COLUMNS, row), 1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.alignment = wrap
            cell.border = border
            if r == 1:
                cell.font = Font(bold=True)
                cell.fill = fill_head if column.fill_in else info_head
                comment = Comment(column.note, "Voortgangsronde")
                comment.width, comment.height = 300, 110
                cell.comment = comment
                continue
            cell.fill = fill_cell if column.fill_in else info_cell
            if not column.fill_in:
                cell.font = Font(color="404040")
            if column.key in ("actie", "eind"):
                cell.number_format = "@"  # keeps 1.1 and 2025-06 as typed, not as a number or a date

    for column in COLUMNS:
        ws.column_dimensions[EXPORT_LETTERS[column.key]].width = column.width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "B2"  # the header row and the action id stay in view
    ws.auto_filter.ref = f"A1:{letter(len(COLUMNS))}{len(rows)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    def span(key: str) -> str:
        col = EXPORT_LETTERS[key]
        return f"{col}2:{col}{last}"

    status = DataValidation(type="list", formula1='"' + ",".join(m.STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, showInputMessage=True)
    status.errorTitle, status.error = "Onbekende status", "Kies een status uit de lijst: " + ", ".join(m.STATUSES) + "."
    status.promptTitle, status.prompt = "Nieuwe status", "Kies de status op de peildatum uit de lijst."
    status.add(span("status"))
    progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                              showErrorMessage=True)
    progress.errorTitle, progress.error = "Voortgang", "Vul een heel getal van 0 tot en met 100 in, zonder procentteken."
    progress.add(span("voortgang"))
    length = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_TOELICHTING),
                            allow_blank=True, showErrorMessage=True)
    length.errorTitle, length.error = "Toelichting te lang", f"Een toelichting is hoogstens {MAX_TOELICHTING} tekens."
    length.add(span("toelichting"))
    for validation in (status, progress, length):
        ws.add_data_validation(validation)

    guide = wb.create_sheet(GUIDE)
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 90
    lines = guide_lines(plan, peildatum)
    guide.cell(row=1, column=1, value=lines[0]).font = Font(bold=True, size=14)
    for r, text in enumerate(lines[1:], 2):
        cell = guide.cell(row=r, column=1, value=text)
        guide.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if text:
            guide.row_dimensions[r].height = 30
    r = len(lines) + 2
    for label, value in (("Plan", plan.titel), (PLAN_ID_LABEL, plan.id),
                         ("Stand van dit bestand", datum(peildatum))):
        guide.cell(row=r, column=1, value=label).font = Font(bold=True)
        guide.cell(row=r, column=2, value=value)
        r += 1
    ws.cell(row=1, column=1).comment = Comment(
        "Lees eerst het blad 'Uitleg'. " + COLUMNS[0].note, "Voortgangsronde", width=300, height=110)
    wb.active = 0
    wb.save(path)


def run_export(root: Path, plan_id: str, peildatum: _dt.date, folder: Path, overwrite: bool = False) -> Outcome:
    plan = load_plan(root, plan_id)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / export_names(plan, peildatum)
    xlsx, csv_path = base.with_suffix(".xlsx"), base.with_suffix(".csv")
    existing = [p for p in (xlsx, csv_path) if p.exists()]
    if existing and not overwrite:
        names = " en ".join(str(shown_path(p, root)) for p in existing)
        raise RoundError(f"{names} bestaat al; er is niets geschreven. Misschien is dat bestand al ingevuld. "
                         "Verplaats of hernoem het, of gebruik --overschrijven.")
    try:
        write_xlsx(plan, peildatum, xlsx)
        write_csv(plan, peildatum, csv_path)
    except PermissionError:
        raise RoundError(f"Kan niet schrijven in {shown_path(folder, root)}. Is het bestand nog open in Excel? "
                         "Sluit het en probeer het opnieuw.") from None
    outcome = Outcome(written=[xlsx, csv_path])
    outcome.lines += [
        f"Voortgangsronde voor {plan.titel} ({len(plan.acties)} acties, stand op {datum(peildatum)}):",
        f"  {shown_path(xlsx, root)}",
        f"  {shown_path(csv_path, root)}",
        "Stuur het Excel-bestand naar de trekkers. Lees het ingevulde bestand in met:",
        f"  make ronde-import PLAN={plan.id} BESTAND=<bestand> PEILDATUM=JJJJ-MM-DD TITEL=\"…\" BRON=\"…\"",
    ]
    return outcome


# --- reading a filled-in sheet ----------------------------------------------------------

@dataclass(frozen=True)
class CellValue:
    value: object
    number_format: str | None = None  # XLSX only: tells a percentage or a month from a plain number


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number as Excel shows it
    cells: dict[str, CellValue]

    def get(self, key: str) -> CellValue:
        return self.cells.get(key, CellValue(None))


@dataclass
class Sheet:
    name: str  # the file name, for messages
    letters: dict[str, str]  # column key -> column letter in this file
    rows: list[SheetRow]
    plan_id: str | None = None  # as the guide sheet of an XLSX export says


def _header_key(value) -> str | None:
    text = " ".join(str(value or "").split()).casefold()
    for column in COLUMNS:
        if text == column.header.casefold():
            return column.key
    return None


def _table(name: str, raw_rows: list[tuple[int, list[CellValue]]]) -> Sheet:
    """Find the header row (normally row 1) and turn the rows below into SheetRows."""
    for number, cells in raw_rows[:10]:
        letters = {}
        for i, cell in enumerate(cells, 1):
            key = _header_key(cell.value)
            if key and key not in letters:
                letters[key] = letter(i)
        if "actie" in letters:
            break
    else:
        raise RoundError(f"In {name} staat geen kolom 'Actie' in de eerste rij. Gebruik het bestand dat de export "
                         "heeft gemaakt, met de kolomkoppen in rij 1.")
    missing = [c.header for c in FILL_IN if c.key not in letters]
    if missing:
        raise RoundError(f"In {name} ontbreken deze kolommen in rij {number}: {', '.join(missing)}. Zet de kolomkoppen "
                         "terug zoals de export ze maakte.")
    index = {key: _column_index(col) for key, col in letters.items()}
    rows = []
    for row_number, cells in raw_rows:
        if row_number <= number:
            continue
        rows.append(SheetRow(row_number, {key: cells[i - 1] if i - 1 < len(cells) else CellValue(None)
                                          for key, i in index.items()}))
    return Sheet(name, letters, rows)


def _column_index(col: str) -> int:
    index = 0
    for char in col:
        index = index * 26 + ord(char) - ord("A") + 1
    return index


def read_sheet(path: Path) -> Sheet:
    if not path.exists():
        raise RoundError(f"Het bestand {path} bestaat niet. Controleer de naam en de map.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise RoundError(f"{path.name} is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of als "
                         "CSV UTF-8 (.csv) en probeer het opnieuw.")
    raise RoundError(f"{path.name} is geen .xlsx- of .csv-bestand. Gebruik het bestand van de export.")


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # openpyxl warns in English about Excel extensions it does not need here
            warnings.simplefilter("ignore")
            wb = load_workbook(path, data_only=True)
    except PermissionError:
        raise RoundError(f"{path.name} kan niet worden gelezen. Is het nog open in Excel? Sluit het en probeer het "
                         "opnieuw.") from None
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise RoundError(f"{path.name} is geen leesbaar Excel-bestand (.xlsx). Sla het opnieuw op als Excel-werkmap, "
                         "of als CSV UTF-8.") from None
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    raw = [(cells[0].row, [CellValue(c.value, c.number_format) for c in cells])
           for cells in ws.iter_rows() if cells]
    sheet = _table(path.name, raw)
    if GUIDE in wb.sheetnames:
        for label, value, *_ in wb[GUIDE].iter_rows(values_only=True, max_col=2):
            if label == PLAN_ID_LABEL and value:
                sheet.plan_id = str(value).strip()
    return sheet


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # "CSV (gescheiden door lijstscheidingsteken)" from Excel
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        raw = [(n, [CellValue(v) for v in row]) for n, row in enumerate(reader, 1)]
    except csv.Error:
        raise RoundError(f"{path.name} is geen geldig CSV-bestand (een aanhalingsteken staat verkeerd). "
                         "Sla het opnieuw op als CSV UTF-8 vanuit Excel.") from None
    return _table(path.name, raw)


# --- checking the rows -------------------------------------------------------------------

def _text(cell: CellValue) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


_PERCENT = re.compile(r"^(?P<n>-?\d+)(?:[.,]0+)?\s*%?$")


def _percentage(cell: CellValue) -> int:
    """'40', '40%', 40, 0.4 in a percentage cell -> 40; ValueError otherwise."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if cell.number_format and "%" in cell.number_format:
            value = round(value * 100, 6)
        if float(value).is_integer():
            return int(value)
        raise ValueError
    match = _PERCENT.match(_text(cell))
    if not match:
        raise ValueError
    return int(match["n"])


def _moment(cell: CellValue) -> Moment:
    """A planned end as the sheet gives it: text, a year as a number, or a date cell."""
    value = cell.value
    if isinstance(value, (_dt.date, _dt.datetime)):
        d = value.date() if isinstance(value, _dt.datetime) else value
        fmt = (cell.number_format or "").lower()
        if fmt and "d" not in fmt.replace("[$-", "") and "m" in fmt:
            return Moment(d.year, None, d.month)  # Excel made "2025-06" a date shown as a month
        return Moment(d.year, None, d.month, d.day)
    return Moment.lees(_text(cell).upper())


def moment_text(moment: Moment):
    """The planned end as it is written in a report file: 2025, 2025-Q2, 2025-06 or a date."""
    if moment.kwartaal:
        return f"{moment.jaar}-Q{moment.kwartaal}"
    if moment.dag:
        return moment.begin
    if moment.maand:
        return f"{moment.jaar}-{moment.maand:02d}"
    return moment.jaar


@dataclass(frozen=True)
class Mention:
    """One filled-in row: what the new report will say about one action."""

    row: int
    entry: m.ReportEntry


@dataclass
class RowCheck:
    mentions: list[Mention] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def check_rows(plan: m.Plan, sheet: Sheet, peildatum: _dt.date) -> RowCheck:
    result = RowCheck()
    actions = {a.id: a for a in plan.acties}
    by_title: dict[str, list[str]] = {}
    for a in plan.acties:
        by_title.setdefault(_key(a.titel), []).append(a.id)
    titles = {title: ids[0] for title, ids in by_title.items() if len(ids) == 1}  # only titles that name one action
    seen: dict[str, int] = {}

    for row in sheet.rows:
        texts = {key: _text(row.get(key)) for key in sheet.letters}
        action_id = texts.get("actie", "")
        filled = [c for c in FILL_IN if texts.get(c.key)]
        known = actions.get(action_id)

        def problem(key: str | None, message: str, fix: str = "", _row=row, _id=action_id) -> None:
            result.problems.append(RowProblem(_row.number, sheet.letters.get(key) if key else None,
                                              BY_KEY[key].header if key else None, message, fix,
                                              _id if _id in actions and key != "actie" else None))

        if not filled:
            if known is not None:
                _note_touched_info(plan, known, peildatum, sheet, row, texts, result.notes)
            continue
        if not action_id:
            problem("actie", "in deze rij is iets ingevuld, maar er staat geen actie-id.",
                    "Zet de id van de actie terug, zoals die in het geëxporteerde bestand stond.")
            continue
        if known is None:
            near = difflib.get_close_matches(action_id, sorted(actions), n=1)
            by_title = titles.get(_key(texts.get("titel", "")))
            if by_title:
                hint = f"De titel in deze rij hoort bij actie '{by_title}'. "
            else:
                hint = f"Bedoelt u '{near[0]}'? " if near else ""
            problem("actie", f"'{action_id}' is geen actie van het plan '{plan.id}'.",
                    f"{hint}Gebruik de id zoals die in het geëxporteerde bestand stond.")
            continue
        other = titles.get(_key(texts.get("titel", "")))
        if other and other != action_id:
            problem("actie", f"de id {action_id} past niet bij de titel in kolom {sheet.letters['titel']}: die titel "
                             f"hoort bij actie {other}.",
                    "Controleer of de id of de rij is verschoven (bijvoorbeeld bij sorteren) en zet de id terug die "
                    "bij de titel hoort.")
            continue
        if action_id in seen:
            problem("actie", f"actie {action_id} staat ook in rij {seen[action_id]}.",
                    "Houd één rij per actie over: zet alles in één rij en maak de andere rij leeg.")
            continue
        seen[action_id] = row.number
        current = st.state(plan, known, peildatum)

        status = texts.get("status", "").casefold()
        if not status:
            problem("status", "er is iets ingevuld, maar geen nieuwe status.",
                    f"Kies de status op de peildatum ({', '.join(m.STATUSES)}), ook als die gelijk blijft "
                    f"(nu: {current.status}).")
        elif status not in m.STATUSES:
            near = difflib.get_close_matches(status, m.STATUSES, n=1)
            hint = f"Bedoelt u '{near[0]}'? " if near else ""
            problem("status", f"'{texts['status']}' is geen geldige status.", f"{hint}Kies uit: {', '.join(m.STATUSES)}.")
            status = ""

        voortgang = None
        if texts.get("voortgang"):
            try:
                voortgang = _percentage(row.get("voortgang"))
            except ValueError:
                problem("voortgang", f"'{texts['voortgang']}' is geen geldige voortgang.",
                        "Schrijf een heel getal van 0 tot en met 100, bijvoorbeeld 40 (of 40%).")
            else:
                if not 0 <= voortgang <= 100:
                    problem("voortgang", f"de voortgang is {voortgang}%; dat kan niet.",
                            "Schrijf een heel getal van 0 tot en met 100.")
                    voortgang = None
        if voortgang is not None and status == "gepland":
            problem("voortgang", f"de status is 'gepland', maar er staat een voortgang ({voortgang}%).",
                    "Haal de voortgang weg, of kies de status 'gestart'.")
        if voortgang is not None and voortgang != 100 and status == "afgerond":
            problem("voortgang", f"de status is 'afgerond', maar de voortgang is {voortgang}%.",
                    "Zet de voortgang op 100 of laat hem leeg, of kies de status 'gestart'.")

        toelichting = texts.get("toelichting", "")
        if not toelichting:
            problem("toelichting", "de toelichting ontbreekt.",
                    f"Schrijf in een paar korte zinnen in eenvoudige taal wat er is gebeurd (hoogstens "
                    f"{MAX_TOELICHTING} tekens).")
        elif len(toelichting) > MAX_TOELICHTING:
            problem("toelichting", f"de toelichting is {len(toelichting)} tekens; de grens is {MAX_TOELICHTING}.",
                    "Maak de toelichting korter, in eenvoudige taal. Het hele verhaal staat in de bron.")

        eind, reden = None, texts.get("reden", "")
        if texts.get("eind"):
            try:
                eind = _moment(row.get("eind"))
            except ValueError:
                dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", texts["eind"])
                hint = f"Bedoelt u {dutch[3]}-{int(dutch[2]):02d}-{int(dutch[1]):02d}? " if dutch else ""
                problem("eind", f"'{texts['eind']}' is geen geldig gepland einde.", f"{hint}Schrijf {END_FORMATS}.")
            else:
                if eind.einde <= peildatum:
                    problem("eind", f"het nieuwe geplande einde ({eind}) ligt niet na de peildatum "
                                    f"({datum(peildatum)}).",
                            "Een nieuw gepland einde ligt na de peildatum van de rapportage. Controleer de datum.")
            if not reden:
                problem("reden", "er is een nieuw gepland einde, maar geen reden.",
                        f"Schrijf in kolom {sheet.letters['reden']} waarom de actie later klaar is.")
        elif reden:
            problem("eind", "er staat een reden voor herplanning, maar geen nieuw gepland einde.",
                    f"Vul het nieuwe einde in ({END_FORMATS}), of haal de reden in kolom "
                    f"{sheet.letters['reden']} weg.")

        if status and toelichting:
            herplanning = m.Replanning(eind, reden) if eind and reden else None
            result.mentions.append(Mention(row.number, m.ReportEntry(
                actie=action_id, status=status, toelichting=toelichting, voortgang=voortgang,
                herplanning=herplanning)))
    return result


def _note_touched_info(plan, action, peildatum, sheet, row, texts, notes) -> None:
    """Typing in a grey column changes nothing; say so when someone seems to have meant it."""
    values = current_values(plan, action, peildatum)
    for key, fill_key in (("huidige_status", "status"), ("huidige_voortgang", "voortgang")):
        if key not in sheet.letters:
            continue
        expected = "" if values[key] is None else str(values[key])
        if texts.get(key, "").casefold() != expected.casefold():
            notes.append(f"rij {row.number} (actie {action.id}): kolom {sheet.letters[key]} ({BY_KEY[key].header}) "
                         f"zegt '{texts.get(key, '')}', maar de huidige stand is '{expected}'. Die kolom telt niet mee. "
                         "Is het bestand ouder dan de laatste rapportage, of bedoelt u een nieuwe stand? Vul dan kolom "
                         f"{sheet.letters[fill_key]} ({BY_KEY[fill_key].header}) en de andere gele kolommen in.")


# --- the report ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportMeta:
    peildatum: _dt.date
    titel: str
    bron_titel: str
    bron_nummer: str | None = None
    bron_datum: Moment | None = None
    bron_link: str | None = None
    naam: str | None = None  # the file name without .yaml


def report_meta(peildatum: str, titel: str, bron_titel: str, bron_nummer: str | None = None,
                bron_datum: str | None = None, bron_link: str | None = None, naam: str | None = None) -> ReportMeta:
    """The report's own facts from the command line; RoundError lists every problem at once."""
    problems = []

    def one_line(value: str | None) -> str:
        return " ".join((value or "").split())

    try:
        date = parse_date(peildatum, "De peildatum (--peildatum)")
    except RoundError as err:
        problems.append(str(err))
        date = None
    if not one_line(titel):
        problems.append("De titel van de rapportage (--titel) ontbreekt. Schrijf bijvoorbeeld: "
                        "--titel \"Voortgangsrapportage juni 2024\".")
    if not one_line(bron_titel):
        problems.append("De titel van de bron (--bron-titel) ontbreekt: het stuk waar de rapportage uit komt, "
                        "bijvoorbeeld \"Raadsmededeling voortgang plan van aanpak\".")
    moment = None
    if one_line(bron_datum):
        try:
            moment = Moment.lees(one_line(bron_datum).upper())
        except ValueError:
            problems.append(f"De datum van de bron (--bron-datum) '{bron_datum}' is geen geldige datum. "
                            "Schrijf JJJJ-MM-DD, bijvoorbeeld 2024-07-10 (of JJJJ-MM).")
    link = one_line(bron_link) or None
    if link and not link.startswith("https://"):
        problems.append(f"De link van de bron (--bron-link) '{link}' begint niet met https://. "
                        "Gebruik het volledige, beveiligde adres.")
    file_name = one_line(naam) or None
    if file_name and file_name.endswith(".yaml"):
        file_name = file_name[:-5]
    if file_name and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", file_name):
        problems.append(f"De bestandsnaam (--naam) '{naam}' mag alleen kleine letters, cijfers en streepjes "
                        "hebben, bijvoorbeeld 2024-06-30-voorjaarsnota.")
    if problems:
        raise RoundError("\n".join(problems))
    return ReportMeta(date, one_line(titel), one_line(bron_titel), one_line(bron_nummer) or None, moment, link,
                      file_name)


def report_file(plan_folder: Path, meta: ReportMeta) -> Path:
    name = meta.naam or f"{meta.peildatum.isoformat()}-{slug(meta.titel)[:60].strip('-') or 'voortgangsronde'}"
    return plan_folder / progress_reports.FOLDER / f"{name}.yaml"


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)  # list items indented under their key, as in data/README.md


def _represent_str(dumper, value: str):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=88)


def _comment(text: str) -> str:
    return " ".join(str(text).split())


def report_text(plan: m.Plan, meta: ReportMeta, mentions: list[Mention], sheet_name: str,
                today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    bron: dict[str, object] = {"titel": meta.bron_titel}
    if meta.bron_nummer:
        bron["nummer"] = meta.bron_nummer
    if meta.bron_datum:
        bron["datum"] = moment_text(meta.bron_datum)
    if meta.bron_link:
        bron["link"] = meta.bron_link
    lines = [
        "# Voortgangsrapportage, gemaakt door de import van de voortgangsronde",
        f"# (scripts/voortgangsronde.py import) uit het bestand {_comment(sheet_name)}, op {datum(today)}.",
        "# Kijk de tekst na voordat u publiceert. Daarna is dit een gewoon rapportagebestand",
        "# (zie data/README.md) dat u met de hand mag aanpassen.",
        _dump({"peildatum": meta.peildatum, "titel": meta.titel, "bron": bron}).rstrip("\n"),
        "acties:",
    ]
    for mention in mentions:
        e = mention.entry
        item: dict[str, object] = {"actie": e.actie, "status": e.status}
        if e.voortgang is not None:
            item["voortgang"] = e.voortgang
        item["toelichting"] = e.toelichting
        if e.herplanning:
            item["herplanning"] = {"eind": moment_text(e.herplanning.eind), "reden": e.herplanning.reden}
        lines.append(f"  # {e.actie} {_comment(plan.actie(e.actie).titel)} (rij {mention.row} van het blad)")
        lines.extend("  " + line for line in _dump([item]).rstrip("\n").splitlines())
    return "\n".join(lines) + "\n"


def _check_text(plan: m.Plan, text: str, target: Path) -> list[Problem]:
    """Load the new file with the real report loader and its checks, before it is written."""
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / progress_reports.FOLDER
        folder.mkdir()
        (folder / target.name).write_text(text, encoding="utf-8")
        new = progress_reports.load(Path(tmp), Path(tmp), problems, {a.id for a in plan.acties})
    if problems:
        return problems
    if len(new) != 1:
        return [Problem(target, None, "de nieuwe rapportage kon niet worden gelezen.")]
    reports = tuple(sorted((*plan.voortgangsrapportages, new[0]), key=lambda r: (r.peildatum, r.id)))
    return progress_reports.check(dataclasses.replace(plan, voortgangsrapportages=reports))


def _state_text(state: st.ActionState, plan: m.Plan) -> str:
    voortgang = f", {state.voortgang}%" if state.voortgang is not None else ""
    return f"{state.status}{voortgang} ({stand_text(plan, state)})"


def summary(plan: m.Plan, meta: ReportMeta, mentions: list[Mention]) -> list[str]:
    """Per action: old state -> new state, and any re-planning, in Dutch."""
    woord = "actie" if len(mentions) == 1 else "acties"
    lines = [f"Rapportage '{meta.titel}', peildatum {datum(meta.peildatum)}, bron: {meta.bron_titel}.",
             f"Deze rapportage noemt {len(mentions)} {woord}:"]
    for mention in mentions:
        e = mention.entry
        action = plan.actie(e.actie)
        old = st.state(plan, action, meta.peildatum)
        new = e.status + (f", {e.voortgang}%" if e.voortgang is not None else "")
        same = " (status gelijk)" if old.status == e.status else ""
        lines.append(f"  - {e.actie} {_comment(action.titel)}: {_state_text(old, plan)} → {new}{same}")
        if e.herplanning:
            before = str(old.eind) if old.eind else "geen eigen einddatum"
            lines.append(f"      herpland: {before} → {e.herplanning.eind}. Reden: {e.herplanning.reden}")
    rest = len(plan.acties) - len(mentions)
    if rest:
        lines.append(f"{rest} {'actie staat' if rest == 1 else 'acties staan'} niet in deze rapportage; "
                     "daarvoor blijft de stand die de site nu toont.")
    later = [r for r in plan.voortgangsrapportages if r.peildatum > meta.peildatum]
    if later:
        lines.append(f"Let op: er is al een rapportage met een latere peildatum ({later[-1].titel}, "
                     f"{datum(later[-1].peildatum)}). Voor de acties die daarin staan, toont de site die latere stand.")
    return lines


def run_import(root: Path, plan_id: str, sheet_path: Path, meta: ReportMeta, dry_run: bool = False,
               today: _dt.date | None = None) -> Outcome:
    """Check a filled-in sheet and write it as a new report; write nothing when anything is wrong."""
    plan = load_plan(root, plan_id)
    plan_folder = root / "data" / "plannen" / plan.id
    target = report_file(plan_folder, meta)
    if plan.datum and meta.peildatum < plan.datum.begin:
        raise RoundError(f"De peildatum {datum(meta.peildatum)} ligt vóór de datum van het plan ({plan.datum}). "
                         "Er is niets geschreven. Controleer --peildatum.")
    same_day = [r for r in plan.voortgangsrapportages if r.peildatum == meta.peildatum]
    if same_day:
        raise RoundError(f"Er is al een rapportage met peildatum {datum(meta.peildatum)}: "
                         f"{shown_path(Path(same_day[0].file), root)} ({same_day[0].titel}). Er is niets geschreven. "
                         "Voeg de nieuwe gegevens met de hand aan die rapportage toe, of kies een andere peildatum.")
    if target.exists():
        raise RoundError(f"Het bestand {shown_path(target, root)} bestaat al. Er is niets geschreven. "
                         "Kies een andere titel of geef een andere bestandsnaam met --naam.")

    sheet = read_sheet(sheet_path)
    outcome = Outcome()
    if sheet.plan_id and sheet.plan_id != plan.id:
        raise RoundError(f"{sheet.name} is gemaakt voor het plan '{sheet.plan_id}', niet voor '{plan.id}'. "
                         f"Er is niets geschreven. Gebruik PLAN={sheet.plan_id}, of het bestand van het goede plan.")
    checked = check_rows(plan, sheet, meta.peildatum)
    notes = [f"Let op: {n}" for n in checked.notes[:MAX_NOTES]]
    if len(checked.notes) > MAX_NOTES:
        notes.append(f"Let op: in nog {len(checked.notes) - MAX_NOTES} rijen zegt een grijze kolom iets anders dan de "
                     "huidige stand. Die kolommen tellen niet mee.")
    if meta.peildatum > (today or _dt.date.today()):
        notes.append(f"Let op: de peildatum {datum(meta.peildatum)} ligt in de toekomst.")
    if checked.problems:
        aantal = len(checked.problems)
        outcome.exit_code = 1
        outcome.errors.append(f"Er is niets geschreven: in {sheet.name} {'staat 1 fout' if aantal == 1 else f'staan {aantal} fouten'}. "
                              "Verbeter ze in het bestand en lees het opnieuw in.")
        outcome.errors.extend(f"  - {p}".replace("\n", "\n  ") for p in checked.problems)
        outcome.errors.extend(notes)
        return outcome
    if not checked.mentions:
        outcome.lines.append(f"In {sheet.name} is niets ingevuld: geen enkele actie heeft een nieuwe status, voortgang, "
                             "toelichting of herplanning. Er is geen rapportage gemaakt.")
        outcome.lines.extend(notes)
        return outcome

    text = report_text(plan, meta, checked.mentions, sheet.name, today)
    problems = _check_text(plan, text, target)
    if problems:
        outcome.exit_code = 1
        outcome.errors.append("Er is niets geschreven: de nieuwe rapportage zou niet door de controle van de site komen.")
        outcome.errors.extend(f"  - {p}" for p in problems)
        return outcome
    outcome.lines.extend(summary(plan, meta, checked.mentions))
    outcome.lines.extend(notes)
    if dry_run:
        outcome.lines.append(f"Alleen gecontroleerd (--proef): {shown_path(target, root)} is niet geschreven.")
        return outcome
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise RoundError(f"Het bestand {shown_path(target, root)} bestaat al. Er is niets geschreven.") from None
    outcome.written.append(target)
    outcome.lines.append(f"Geschreven: {shown_path(target, root)}. Kijk het na en bouw de site (make build of make serve).")
    return outcome

