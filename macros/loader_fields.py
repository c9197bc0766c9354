"""Reads the fields of one YAML mapping and notes problems in Dutch instead of raising."""
from __future__ import annotations

import calendar
import datetime as _dt
import difflib
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .dutch import MAANDEN, Moment, Periode
from .problems import Problem
from .text_limits import Limit, shorten_fix, too_long
from .yaml_source import Mapping

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MISSING = object()


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    raise ValueError("geen datum")


_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(?:(\d{4})\s*-?\s*[QqKk](\d+)|[QqKk](\d+)\s*-?\s*(\d{4}))")
_DUTCH_ORDER = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def _explain_moment(value) -> tuple[str, str | None]:
    """Why a date, month or quarter cannot be read: (reason in Dutch, or ''; the way to write it, or None)."""
    text = str(value).strip()
    if m := _QUARTER.fullmatch(text):
        year, quarter = (m[1], m[2]) if m[1] else (m[4], m[3])
        if not 1 <= int(quarter) <= 4:
            return f"er is geen kwartaal {int(quarter)}; een jaar heeft vier kwartalen (Q1 tot en met Q4)", None
        return "een kwartaal schrijft u met jaar, streepje en Q", f"{year}-Q{int(quarter)}"
    if m := _DUTCH_ORDER.fullmatch(text):
        text = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        reason, way = _explain_moment(text)
        return (reason, way) if reason else ("het jaar hoort vooraan", text)
    if (m := _DAY.fullmatch(text)) or (m := _MONTH.fullmatch(text)):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return f"er is geen maand {month}; de maanden lopen van 01 tot en met 12", None
        if m.re is _MONTH:
            way = f"{year}-{month:02d}"
            return ("schrijf de maand met twee cijfers", way) if way != text else ("", None)
        day, days = int(m[3]), calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"{MAANDEN[month - 1]} {year} heeft {days} dagen; dag {day} bestaat niet", None
        way = f"{year}-{month:02d}-{day:02d}"
        return ("schrijf maand en dag met twee cijfers", way) if way != text else ("", None)
    return "", None


_QUARTER_ONLY = re.compile(r"(?i)(?:[QK]\s*([1-9])|([1-9])\s*e\s+kwartaal|kwartaal\s+([1-9]))")
_FROM = re.compile(r"(?i)(?:vanaf|per|met ingang van)\s+(?P<rest>\D*\d.*)")
_RECURRING = re.compile(r"(?i).*\b(?:dagelijks|wekelijks|maandelijks|jaarlijks|halfjaarlijks|per (?:week|maand|kwartaal|"
                        r"halfjaar|jaar)|(?:elk|ieder)e? (?:week|maand|kwartaal|halfjaar|jaar)|keer per)\b.*")
_CONDITION = re.compile(r"(?i)(?:na|nadat|zodra|als|wanneer|bij|afhankelijk van|direct na)\s+\S.*")


def undated(value) -> tuple[str, str] | None:
    """A 'when' the plan gives without a date the site can place: (what it is, in Dutch; how to keep it)."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if m := _QUARTER_ONLY.fullmatch(text):
        quarter = int(m[1] or m[2] or m[3])
        if not 1 <= quarter <= 4:
            return (f"er is geen kwartaal {quarter}; een jaar heeft vier kwartalen (Q1 tot en met Q4)",
                    "Controleer het kwartaal in het stuk.")
        return ("een kwartaal zonder jaar; de site kan het niet op een datum zetten",
                f"Noemt het plan geen jaar, zet dan de woorden van het plan bij 'tekst' (tekst: {text}) en laat "
                "deze datum weg. De site toont dan die woorden, zet de actie niet op de tijdlijn en noemt haar "
                "nooit te laat.")
    if _RECURRING.fullmatch(text):
        return ("dit zegt hoe vaak de actie terugkomt",
                "Zet die woorden bij 'herhaling' (herhaling: …) en bij deze datum alleen de eerste keer, als het plan "
                "die noemt. Een terugkerende actie is nooit te laat omdat een eerste keer voorbij is.")
    if (m := _FROM.fullmatch(text)) and not _CONDITION.fullmatch(m["rest"]):
        return ("'vanaf' met een datum: een begin zonder einde",
                f"Zet de datum bij 'start' als JJJJ-MM-DD (of JJJJ-MM, JJJJ-Qn, JJJJ) en laat 'eind' weg; zet de "
                f"woorden van het plan bij 'tekst' (tekst: {text}).")
    if _CONDITION.fullmatch(text):
        return ("een voorwaarde, geen datum",
                f"Zet de woorden van het plan bij 'tekst' (tekst: {text}) en laat deze datum weg. De site toont dan "
                "die woorden en noemt de actie nooit te laat.")
    return None


_PLAIN_INT = re.compile(r"0|[1-9][0-9]*")
_THOUSANDS = re.compile(r"-?\d{1,3}(?:\.\d{3})+")  # 300.000 or 1.200.000: Dutch thousands separators
_EURO_TEXT = re.compile(r"(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](?P<part>\d+|-))?\s*(?P<times>k|mln|miljoen)?",
                        re.IGNORECASE)
_TIMES = {"": 1, "k": 1000, "mln": 10**6, "miljoen": 10**6}


def _whole_euros(typed: str) -> tuple[int | None, bool]:
    """How staff probably meant an amount they typed Dutch style: ('€ 1.200.000,50' -> 1200000, had cents)."""
    text = re.sub(r"(?i)^\s*(?:€|eur|euro)\s*|\s*(?:€|eur|euro)\s*$", "", typed).strip()
    m = _EURO_TEXT.fullmatch(text)
    if not m or (m["part"] and "." in text[m.start("part") - 1] and not m["times"]):
        return None, False  # 12.5: an English decimal, not a way of writing a whole amount
    part = m["part"] if m["part"] and m["part"] != "-" else "0"
    amount = Decimal(f"{m['whole'].replace('.', '')}.{part}") * _TIMES[(m["times"] or "").lower()]
    return int(amount), amount != amount.to_integral_value()


_ONES = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
         "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien")
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")


def _in_words(n: int) -> str:
    """A whole number in Dutch words, so staff see at once what YAML made of it: 300 -> 'driehonderd'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, one = divmod(n, 10)
        return _TENS[tens] if not one else _ONES[one] + ("ën" if _ONES[one].endswith("e") else "en") + _TENS[tens]
    for size, name, joiner in ((10**6, " miljoen", " "), (1000, "duizend", " "), (100, "honderd", "")):
        if n >= size:
            count, rest = divmod(n, size)
            head = ("" if count == 1 and size < 10**6 else _in_words(count)) + name
            return head + (joiner + _in_words(rest) if rest else "")
    return str(n)  # pragma: no cover - unreachable


def _as_read(value) -> str:
    """How YAML read a number, for a message: '300 (driehonderd)' or '12,50'."""
    number = Decimal(str(value))
    if number == number.to_integral_value() and abs(number) < 10**9:
        whole = int(number)
        return f"{whole} ({'min ' if whole < 0 else ''}{_in_words(abs(whole))})"
    return f"{number:.2f}".replace(".", ",")


# A blank of a template in sjablonen/: "<korte titel van de actie>": words and spaces between angle brackets.
# HTML that staff paste ("<b>", '<a href="...">') has no space or an "=", and is escaped, not refused.
_TEMPLATE_BLANK = re.compile(r"<[a-zA-Z][^<>\n=]* [^<>\n=]*>")


class Fields:
    """Reads the fields of one YAML mapping, noting problems instead of raising."""

    def __init__(self, data, file: Path, problems: list[Problem], what: str, allowed: tuple[str, ...], line: int = 0):
        self.file, self.problems, self.what, self.allowed = file, problems, what, allowed
        self.ok = isinstance(data, Mapping)
        self.data = data if self.ok else Mapping()
        self.line = getattr(data, "line", line) or line
        if not self.ok:
            self.problem(None, f"{what} moet een blok met sleutels zijn (sleutel: waarde).",
                         "Kijk naar het voorbeeld in data/README.md.", line=line)
            return
        for key in self.data:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), allowed, n=1)
                fix = f"Bedoelt u '{near[0]}'?" if near else f"Toegestaan zijn: {', '.join(allowed)}."
                self.problem(key, f"onbekende sleutel '{key}' bij {what}.", fix)

    def problem(self, key, message: str, fix: str = "", line: int | None = None) -> None:
        if line is None:
            line = self.data.line_of(key) if key is not None else self.line
        problem = Problem(self.file, line, message, fix)
        if problem not in self.problems:  # a field read twice (titel, as korte_titel's default) is one mistake
            self.problems.append(problem)

    def _get(self, key, required: bool):
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required and self.ok:
                self.problem(None, f"bij {self.what} ontbreekt '{key}'.", f"Voeg '{key}: …' toe.")
            return None
        if isinstance(value, str) and _TEMPLATE_BLANK.search(value):
            blank = _TEMPLATE_BLANK.search(value)[0]
            self.problem(key, f"bij '{key}' staat nog een invulveld uit het sjabloon: '{blank}'.",
                         "Vervang het door wat het plan zegt, en haal de haken < en > ook weg.")
            return None
        return value

    def text(self, key: str, required: bool = False, limit: Limit | None = None) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.problem(key, f"'{key}' bij {self.what} moet tekst zijn.", "Zet de tekst tussen aanhalingstekens.")
            return None
        value = value.strip()
        if required and not value:
            self.problem(key, f"'{key}' bij {self.what} is leeg.", f"Vul '{key}' in.")
            return None
        if limit and (problem := too_long(limit, value, self.what)):
            self.problem(key, problem, shorten_fix(limit, value))
        return value

    def ident(self, key: str = "id", pattern: re.Pattern | None = ID) -> str | None:
        value = self.text(key, required=True)
        if value is not None and pattern is not None and not pattern.match(value):
            advice = ("Gebruik kleine letters, cijfers en streepjes, zonder spaties." if pattern is ID else
                      "Gebruik letters, cijfers, punten en streepjes zonder spaties, zoals de nummers in het plan "
                      "(bijvoorbeeld VI.d of 2.1).")
            self.problem(key, f"'{value}' is geen geldige id voor {self.what}.", advice)
            return None
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.text(key, required=default is None)
        if value is None:
            return default
        if value not in options:
            near = difflib.get_close_matches(value, options, n=1)
            hint = f"Bedoelt u '{near[0]}'? " if near else ""
            self.problem(key, f"'{value}' is geen geldige waarde voor '{key}' bij {self.what}.",
                         f"{hint}Kies uit: {', '.join(options)}.")
            return default
        return value

    def integer(self, key: str, required: bool = False, low: int | None = None, high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or (low is not None and value < low) \
                or (high is not None and value > high):
            bereik = f" van {low} tot en met {high}" if low is not None and high is not None else ""
            self.problem(key, f"'{key}' bij {self.what} moet een heel getal{bereik} zijn, niet '{value}'.",
                         "Schrijf alleen het getal, zonder tekst of procentteken.")
            return None
        return value

    def amount(self, key: str) -> Decimal | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            value = "?"
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or isinstance(value, str):
            self.problem(key, f"'{key}' bij {self.what} moet een getal zijn, niet '{value}'.",
                         "Schrijf het bedrag zonder euroteken en zonder punten: 1200000, of met een punt voor "
                         "decimalen: 1.5.")
            return None
        typed = self.data.source_text(key)
        if isinstance(value, float) and typed and _THOUSANDS.fullmatch(typed):
            self.problem(key, f"'{key}' bij {self.what}: u schreef {typed}; YAML leest dat als {_as_read(value)}.",
                         f"Schrijf getallen zonder punt tussen de duizendtallen: {typed.replace('.', '')}. "
                         f"Bedoelt u een kommagetal, schrijf dan een punt zonder nullen erachter, zoals 1.5.")
            return None
        return number

    def euros(self, key: str) -> Decimal | None:
        """An amount of money: a whole, positive number of euros, typed as plain digits (300000)."""
        value = self._get(key, False)
        if value is None:
            return None
        typed = self.data.source_text(key)
        if typed is None:
            typed = str(value).lower() if isinstance(value, bool) else str(value)
        if isinstance(value, int) and not isinstance(value, bool) and _PLAIN_INT.fullmatch(typed.lstrip("-+")):
            if value >= 0:
                return Decimal(value)
            self.problem(key, f"'{key}' bij {self.what} is negatief: u schreef {typed}. De site kent bedragen in "
                              "de begroting alleen als kosten (wat het plan uitgeeft), niet als besparing of "
                              "opbrengst.",
                         f"Is het minteken een tikfout, schrijf dan {abs(value)}. Gaat het om een besparing of "
                         "opbrengst, zet het bedrag dan niet als kosten in de begroting (dat zou het plan iets "
                         "anders laten zeggen); noem het in de toelichting en vraag de beheerder van de site.")
            return None
        if isinstance(value, bool):
            reading = f"YAML leest dat als {'ja' if value else 'nee'}, niet als getal"
        elif isinstance(value, (int, float)):
            reading = f"YAML leest dat als {_as_read(value)} euro"
        else:
            reading = "de site leest dat als tekst, niet als getal"
        self.problem(key, f"'{key}' bij {self.what} moet een getal zijn in hele euro's: u schreef {typed}; {reading}.",
                     self._euros_fix(typed))
        return None

    @staticmethod
    def _euros_fix(typed: str) -> str:
        whole, cents = _whole_euros(typed)
        if whole is None:
            return ("Schrijf bedragen als heel getal in euro's, zonder punten, komma's, centen of euroteken, "
                    "bijvoorbeeld 25000. Noemt de bron geen bedrag, laat de regel dan weg.")
        fix = f"Schrijf bedragen als heel getal zonder punten: {whole}."
        if re.search(r"€|eur", typed, re.IGNORECASE):
            fix += " Laat het euroteken weg."
        if cents:
            fix += " De begroting rekent in hele euro's: laat de centen weg."
        return fix

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' bij {self.what} moet true of false zijn.", "Schrijf true of false.")
            return default
        return value

    def _parsed(self, key: str, parse, what: str, fix: str, explain=None):
        """A value that a parser turns into a model type; a ValueError becomes a Dutch problem."""
        value = self._get(key, False)
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError:
            if explain is _explain_moment and (words := undated(value)):
                way = words[1] if "tekst" in self.allowed else f"{fix} Noemt het stuk geen datum, laat '{key}' dan weg."
                self.problem(key, f"'{value}' bij '{key}' van {self.what} is geen datum: {words[0]}.", way)
                return None
            reason, way = explain(value) if explain else ("", None)
            if way:
                fix = f"Schrijf {way}."
            elif reason:
                fix = f"Controleer de datum in het stuk. {fix}"
            self.problem(key, f"'{value}' bij '{key}' van {self.what} is {what}" + (f": {reason}." if reason else "."),
                         fix)
            return None

    def moment(self, key: str) -> Moment | None:
        return self._parsed(key, Moment.lees, "geen geldige datum of periode",
                            "Schrijf JJJJ (2024), JJJJ-Qn (2024-Q2), JJJJ-MM (2024-05) of JJJJ-MM-DD (2024-05-01).",
                            _explain_moment)

    def date(self, key: str) -> _dt.date | None:
        return self._parsed(key, _as_date, "geen geldige datum", "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2023-10-03.",
                            _explain_moment)

    def periode(self, key: str) -> Periode | None:
        return self._parsed(key, Periode.lees, "geen jaar of periode", "Schrijf een jaar (2024) of een periode (2024-2025).")

    def id_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if isinstance(value, (str, int)):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.problem(key, f"'{key}' bij {self.what} moet een lijst van id's zijn.", "Schrijf [I.a, I.b].")
            return ()
        return tuple(str(v) for v in value)

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of texts, e.g. quotes; one text alone is a list of one."""
        value = self._get(key, False)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(key, f"'{key}' bij {self.what} moet een lijst van teksten zijn.",
                         "Zet elke tekst op een eigen regel die begint met '- ', tussen aanhalingstekens.")
            return ()
        return tuple(v.strip() for v in value)

    def items(self, key: str, required: bool = False) -> list:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"'{key}' bij {self.what} moet een lijst zijn (regels die beginnen met '- ').",
                         "Zet voor elk item een streepje en een spatie.")
            return []
        return value

    def line_of(self, key) -> int:
        return self.data.line_of(key)
