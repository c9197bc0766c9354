"""The progress round for trekkers: export a plan's actions to a spreadsheet, import the filled-in sheet.

Usage:
  python scripts/voortgangsronde.py export bewind [--peildatum 2024-06-30] [--map uitvoer]
  python scripts/voortgangsronde.py import bewind ingevuld.xlsx --peildatum 2024-06-30 \
      --titel "Voortgangsrapportage juni 2024" --bron-titel "Raadsmededeling voortgang"

Every message is Dutch; a problem ends with exit status 1 and never with a traceback.
The logic lives in macros/progress_round.py.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_ARGPARSE_DUTCH = (
    (re.compile(r"the following arguments are required: (.*)"), "dit ontbreekt: {0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "onbekend: {0}"),
    (re.compile(r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)"), "{1} bestaat niet; kies uit {2}"),
    (re.compile(r"argument (.*?): expected one argument"), "na {0} hoort een waarde"),
    (re.compile(r"argument (.*?): ignored explicit argument (.*)"), "{0} krijgt geen waarde ({1})"),
    (re.compile(r"ambiguous option: (.*?) could match (.*)"), "{0} is niet duidelijk: bedoelt u {1}?"),
)


def _dutch(message: str) -> str:
    for pattern, text in _ARGPARSE_DUTCH:
        match = pattern.fullmatch(message)
        if match:
            return text.format(*match.groups())
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch headings and messages, and exit status 1 for a wrong command."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze uitleg en stop")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(1, f"Fout: {_dutch(message)}.\nTyp {self.prog} --help voor uitleg.\n")


def parser() -> DutchParser:
    main = DutchParser(prog="voortgangsronde", description=(
        "Voortgangsronde: zet de acties van een plan in een Excel-bestand voor de trekkers (export) en lees "
        "het ingevulde bestand in als nieuwe voortgangsrapportage (import)."))
    commands = main.add_subparsers(title="opdrachten", dest="opdracht", metavar="{export,import}",
                                   parser_class=DutchParser)
    commands.required = True

    export = commands.add_parser("export", help="maak het invulbestand (.xlsx en .csv) voor een plan",
                                 description="Maak het invulbestand voor de trekkers: per actie de huidige stand en "
                                             "lege kolommen om in te vullen.")
    export.add_argument("plan", help="de id van het plan, bijvoorbeeld bewind")
    export.add_argument("--peildatum", metavar="JJJJ-MM-DD",
                        help="de stand op deze datum (standaard: PEILDATUM of extra.peildatum, anders vandaag, "
                             "zoals bij het bouwen van de site)")
    export.add_argument("--map", default="uitvoer", metavar="MAP",
                        help="waar de bestanden komen (standaard: uitvoer)")
    export.add_argument("--overschrijven", action="store_true",
                        help="vervang bestaande bestanden met dezelfde naam")

    imp = commands.add_parser("import", help="lees een ingevuld bestand in als nieuwe rapportage",
                              description="Lees een ingevuld bestand (.xlsx of .csv) in. Alles wordt eerst "
                                          "gecontroleerd; bij één fout wordt niets geschreven.")
    imp.add_argument("plan", help="de id van het plan, bijvoorbeeld bewind")
    imp.add_argument("bestand", help="het ingevulde bestand (.xlsx of .csv)")
    imp.add_argument("--peildatum", required=True, metavar="JJJJ-MM-DD",
                     help="de datum waarop de feiten in de rapportage slaan")
    imp.add_argument("--titel", required=True, help="de titel van de rapportage, bijvoorbeeld "
                                                     "\"Voortgangsrapportage juni 2024\"")
    imp.add_argument("--bron-titel", required=True, metavar="TITEL",
                     help="de titel van het stuk waar de rapportage uit komt")
    imp.add_argument("--bron-nummer", metavar="NUMMER", help="het nummer van dat stuk (optioneel)")
    imp.add_argument("--bron-datum", metavar="JJJJ-MM-DD", help="de datum van dat stuk (optioneel)")
    imp.add_argument("--bron-link", metavar="https://…", help="de link naar dat stuk (optioneel, https)")
    imp.add_argument("--naam", metavar="BESTANDSNAAM",
                     help="de naam van het nieuwe bestand zonder .yaml (standaard: peildatum en titel)")
    imp.add_argument("--proef", action="store_true", help="alleen controleren en tonen, niets schrijven")
    return main


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from macros import progress_round as pr

    if args.opdracht == "export":
        peildatum = (pr.parse_date(args.peildatum, "De peildatum (--peildatum)") if args.peildatum is not None
                     else pr.reference_date(ROOT))
        outcome = pr.run_export(ROOT, args.plan, peildatum, Path(args.map), args.overschrijven)
    else:
        meta = pr.report_meta(args.peildatum, args.titel, args.bron_titel, args.bron_nummer, args.bron_datum,
                              args.bron_link, args.naam)
        outcome = pr.run_import(ROOT, args.plan, Path(args.bestand), meta, dry_run=args.proef)
    for line in outcome.lines:
        print(line)
    for line in outcome.errors:
        print(line, file=sys.stderr)
    return outcome.exit_code


def main() -> int:
    try:
        return run()
    except KeyboardInterrupt:
        print("Gestopt. Er is niets geschreven.", file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - staff get a Dutch sentence, never a traceback
        if type(err).__name__ == "RoundError":  # by name: even a failing import of macros gets a Dutch message
            print(str(err), file=sys.stderr)
        else:
            print(f"Er ging iets onverwachts mis ({type(err).__name__}: {err}). Er is niets geschreven. "
                  "Geef deze melding door aan de beheerder van de site.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
