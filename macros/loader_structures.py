"""Loaders for the optional plan files: organisation, planning, goals and advice."""
from __future__ import annotations

from . import model as m
from .loader_fields import Fields
from .loader_recommendations import number
from .views import number_key
from .problems import Problem


def _texts(f: Fields, key: str) -> tuple[str, ...]:
    items = f.items(key)
    if not all(isinstance(i, (str, int, float)) for i in items):
        f.problem(key, f"'{key}' bij {f.what} moet een lijst van teksten zijn.", "Zet elke tekst op een regel met '- '.")
        return ()
    return tuple(str(i).strip() for i in items)


def organisation(data, file, problems) -> m.Organisation:
    f = Fields(data, file, problems, "organisatie.yaml", ("gremia", "rollen"))
    gremia = []
    for item in f.items("gremia"):
        g = Fields(item, file, problems, "een gremium",
                   ("id", "naam", "soort", "rol", "frequentie", "toelichting", "leden", "taken", "bevoegdheden"))
        name = g.text("naam", True)
        g.what = f"gremium '{name}'" if name else g.what
        leden = []
        for member in g.items("leden"):
            mf = Fields(member, file, problems, f"een lid van {g.what}", ("functie", "naam", "gekozen", "rol", "actor"))
            leden.append(m.Member(functie=mf.text("functie", True), naam=mf.text("naam"), gekozen=mf.boolean("gekozen"),
                                  rol=mf.choice("rol", m.MEMBER_ROLES, "") or None, actor=mf.text("actor")))
        gremia.append(m.Body(id=g.ident(), naam=name, soort=g.choice("soort", m.BODY_KINDS), leden=tuple(leden),
                             rol=g.choice("rol", m.MEMBER_ROLES, "") or None, frequentie=g.text("frequentie"),
                             toelichting=g.text("toelichting"), taken=_texts(g, "taken"),
                             bevoegdheden=_texts(g, "bevoegdheden")))
    rollen = []
    for item in f.items("rollen"):
        r = Fields(item, file, problems, "een rol", ("functie", "taken", "bevoegdheden"))
        rollen.append(m.Role(functie=r.text("functie", True), taken=_texts(r, "taken"),
                             bevoegdheden=_texts(r, "bevoegdheden")))
    return m.Organisation(tuple(gremia), tuple(rollen))


def schedule(data, file, problems) -> m.Schedule:
    f = Fields(data, file, problems, "planning.yaml", ("fasen", "detailplanning", "capaciteit", "rapportages"))
    fasen = []
    for item in f.items("fasen"):
        p = Fields(item, file, problems, "een fase", ("id", "naam", "van", "tot", "activiteiten"))
        phase = m.Phase(id=p.ident(), naam=p.text("naam", True), van=p.moment("van"), tot=p.moment("tot"),
                        activiteiten=_texts(p, "activiteiten"))
        if phase.van and phase.tot and phase.tot.einde < phase.van.begin:
            p.problem("tot", f"fase '{phase.naam}' eindigt ({phase.tot}) voor de start ({phase.van}).", "Controleer van en tot.")
        fasen.append(phase)
    rows = []
    for item in f.items("detailplanning"):
        r = Fields(item, file, problems, "een regel van de detailplanning",
                   ("groep", "activiteit", "resultaat", "gereed", "datum", "actie"))
        rows.append(m.ScheduleRow(activiteit=r.text("activiteit", True), groep=r.text("groep"), resultaat=r.text("resultaat"),
                                  gereed=r.text("gereed"), datum=r.moment("datum"), actie=r.text("actie")))
    capacity = []
    for item in f.items("capaciteit"):
        c = Fields(item, file, problems, "een regel van de capaciteit", ("functie", "naam", "uren_intern", "uren_inhuur", "fte"))
        capacity.append(m.Capacity(functie=c.text("functie", True), naam=c.text("naam"), uren_intern=c.amount("uren_intern"),
                                   uren_inhuur=c.amount("uren_inhuur"), fte=c.amount("fte")))
    reports = []
    for item in f.items("rapportages"):
        r = Fields(item, file, problems, "een rapportage", ("rapport", "van", "aan", "frequentie", "opmerkingen"))
        reports.append(m.Report(rapport=r.text("rapport", True), van=r.text("van"), aan=r.text("aan"),
                                frequentie=r.text("frequentie"), opmerkingen=r.text("opmerkingen")))
    return m.Schedule(tuple(fasen), tuple(rows), tuple(capacity), tuple(reports))


def goals(data, file, problems) -> m.Goals:
    f = Fields(data, file, problems, "doelen.yaml", ("indicatoren", "lijsten", "escalatie"))
    indicators = []
    for item in f.items("indicatoren"):
        i = Fields(item, file, problems, "een indicator",
                   ("omschrijving", "peildatum", "doeljaar", "doel", "eenheid", "richting", "norm"))
        indicator = m.Indicator(omschrijving=i.text("omschrijving", True), peildatum=i.moment("peildatum"),
                                doeljaar=i.integer("doeljaar", low=1900, high=2200), doel=i.amount("doel"),
                                eenheid=i.text("eenheid"), richting=i.choice("richting", m.DIRECTIONS, "") or None,
                                norm=i.text("norm"))
        said = f"{indicator.omschrijving or ''} {indicator.norm or ''}".lower()
        if indicator.richting and indicator.richting not in said:
            i.problem("richting", f"het woord '{indicator.richting}' staat niet in de omschrijving of de norm van "
                                  "dit doel.",
                      "Zet 'richting' alleen als de bron dat woord zelf zegt; haal 'richting' anders weg. De site "
                      "toont dan het getal of de norm zonder richtingwoord.")
        indicators.append(indicator)
    lists = []
    for item in f.items("lijsten"):
        li = Fields(item, file, problems, "een lijst", ("id", "titel", "soort", "genummerd", "inleiding", "items"))
        entries = []
        for entry in li.items("items", True):
            if isinstance(entry, str):
                entries.append(m.ListItem(entry.strip()))
                continue
            e = Fields(entry, file, problems, f"een item van lijst '{li.data.get('id')}'", ("titel", "toelichting"),
                       line=li.line_of("items"))
            entries.append(m.ListItem(e.text("titel", True), e.text("toelichting")))
        lists.append(m.NamedList(id=li.ident(), titel=li.text("titel", True), soort=li.choice("soort", m.LIST_KINDS, "overig"),
                                 items=tuple(entries), genummerd=li.boolean("genummerd"), inleiding=li.text("inleiding")))
    escalation = None
    raw = f._get("escalatie", False)
    if raw is not None:
        e = Fields(raw, file, problems, "de escalatieroute", ("titel", "stappen"), line=f.line_of("escalatie"))
        steps = []
        for step in e.items("stappen", True):
            s = Fields(step, file, problems, "een stap van de escalatieroute", ("naam", "toelichting"),
                       line=e.line_of("stappen"))
            steps.append(m.EscalationStep(s.text("naam", True), s.text("toelichting")))
        escalation = m.Escalation(e.text("titel", True), tuple(steps))
    return m.Goals(tuple(indicators), tuple(lists), escalation)


def advice_list(data, file, problems, acties=None) -> tuple[m.Advice, ...]:
    """The advice points; with acties ({action id: text}) every citaat is checked against its action's text."""
    f = Fields(data, file, problems, "adviezen.yaml", ("adviezen",))
    result, last = [], {}
    for item in f.items("adviezen", True):
        a = Fields(item, file, problems, "een advies",
                   ("id", "van", "soort", "datum", "onderwerp", "tekst", "antwoord", "acties", "toelichting", "nummer",
                    "toezeggingen", "document"))
        advice_id = a.ident()
        if advice_id:
            a.what = f"advies '{advice_id}'"
        links = _advice_links(a, file, problems)
        nummer = number(a, "nummer")
        advice = m.Advice(id=advice_id, van=a.text("van", True), soort=a.choice("soort", m.ADVICE_KINDS),
                          onderwerp=a.text("onderwerp") or None,
                          tekst=a.text("tekst", True), datum=a.moment("datum"), antwoord=a.text("antwoord"),
                          acties=tuple(k.actie for k in links), toelichting=a.text("toelichting"), koppelingen=links,
                          nummer=nummer, toezeggingen=a.id_list("toezeggingen"), document=a.text("document"),
                          line=a.line)
        if not advice.onderwerp and "nummer" not in a.data and a.ok:
            a.problem(None, f"bij {a.what} ontbreekt 'onderwerp'.",
                      "Voeg 'onderwerp: …' toe. Noemt de bron geen onderwerp, maar nummert een brief de vragen en "
                      "opmerkingen? Zet dan het nummer uit de brief bij 'nummer' en laat 'onderwerp' weg.")
        _check_letter_order(a, advice, last)
        result.append(advice)
    if acties is not None:
        problems.extend(advice_link_problems(result, acties, file))
    return tuple(result)


def _check_letter_order(a: Fields, advice: m.Advice, last: dict) -> None:
    """Numbered points of one letter (same sender and document) keep the letter's order, each number once."""
    if advice.nummer is None:
        return
    letter = (advice.van, advice.document)
    before = last.get(letter)
    if before is not None and number_key(advice.nummer) <= number_key(before):
        same = number_key(advice.nummer) == number_key(before)
        a.problem("nummer", f"bij {a.what} staat nummer {advice.nummer} " + (
            "twee keer in dezelfde brief." if same else f"na nummer {before} van dezelfde brief."),
                  "Geef elk punt het nummer uit de brief, één keer, en zet de punten in de volgorde van de brief.")
    last[letter] = advice.nummer


def _advice_links(a: Fields, file, problems) -> tuple[m.AdviceLink, ...]:
    """'acties': each item an action id, or {actie, citaat, plan_verwijst}."""
    raw = a._get("acties", False)
    if raw is None:
        return ()
    if isinstance(raw, (str, int)):
        raw = [raw]
    if not isinstance(raw, list):
        a.problem("acties", f"'acties' bij {a.what} moet een lijst zijn.",
                  "Zet elke actie op een eigen regel die begint met '- ': een id, of actie, citaat en plan_verwijst.")
        return ()
    links = []
    for item in raw:
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            links.append(m.AdviceLink(actie=str(item), line=a.line_of("acties")))
            continue
        k = Fields(item, file, problems, f"een actie bij {a.what}", ("actie", "citaat", "plan_verwijst"),
                   line=a.line_of("acties"))
        if not k.ok:
            continue
        actie = k.text("actie", True)
        citaat = k.text("citaat", True)
        if k._get("plan_verwijst", True) is None:
            continue
        if actie:
            links.append(m.AdviceLink(actie=actie, citaat=citaat, plan_verwijst=k.boolean("plan_verwijst"),
                                      line=k.line, citaat_line=k.line_of("citaat")))
    return tuple(links)


def _plain(text: str) -> str:
    return " ".join(text.split())


def advice_link_problems(adviezen, acties, file) -> list[Problem]:
    """A problem for every citaat that does not occur word for word in the text of its action."""
    problems = []
    for advice in adviezen:
        for link in advice.koppelingen:
            tekst = acties.get(link.actie)
            if link.citaat is None or tekst is None:
                continue  # an unknown action id is reported by the reference check
            if _plain(link.citaat) not in _plain(tekst):
                problems.append(Problem(
                    file, link.citaat_line or link.line,
                    f"het citaat bij actie {link.actie} (advies '{advice.id}') staat niet letterlijk in de tekst van "
                    f"die actie: '{_short(link.citaat)}'.",
                    f"Neem een zin woord voor woord over uit de tekst van actie {link.actie} in acties.yaml."))
    return problems


def _short(text: str, limit: int = 90) -> str:
    text = _plain(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"
