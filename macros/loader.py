"""YAML files -> validated Site model, with every problem explained in Dutch.

The loader collects all problems of all files before it gives up, so that a
staff member sees the whole list at once instead of one error per build.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from . import loader_recommendations as recommendations
from . import loader_structures as structures
from . import model as m
from . import progress_reports, source_texts
from .checks import budget_problems
from .dutch import Moment
from .loader_abbreviations import unexplained_abbreviations
from .text_files import read_text
from .loader_fields import Fields
from .problems import PlanDataError, Problem, shown_path
from .structure_words import plural, plural_problem
from .text_limits import limit
from .yaml_source import Mapping, load_yaml

PLAN_FILES = ("plan.yaml", "actoren.yaml", "onderdelen.yaml", "acties.yaml", "begroting.yaml",
              "organisatie.yaml", "planning.yaml", "doelen.yaml", "adviezen.yaml", "aanbevelingen.yaml")


def load_site(data_dir: Path, root: Path | None = None) -> m.Site:
    """Load every plan under data_dir/plannen; raise PlanDataError listing all problems."""
    root = root or data_dir.parent
    problems: list[Problem] = []
    plans_dir = data_dir / "plannen"
    plans = []
    folders = sorted(p for p in plans_dir.iterdir() if p.is_dir()) if plans_dir.is_dir() else []
    if not folders:
        raise PlanDataError([Problem(shown_path(plans_dir, root), None, "er staan geen plannen in deze map.",
                                     "Maak per plan een map met minstens plan.yaml.")])
    for folder in folders:
        plan = _load_plan(folder, root, problems)
        if plan is not None:
            plans.append(plan)
    glossary = _load_glossary(data_dir / "begrippen.yaml", root, problems)
    site = m.Site(tuple(plans), glossary)
    if not problems:
        _check_cross_plan_links(site, plans_dir, root, problems)
        _check_distinct_titles(site, plans_dir, root, problems)
    problems.extend(unexplained_abbreviations(site, plans_dir, root))
    if problems:
        raise PlanDataError(problems)
    return site



def _load_plan(folder: Path, root: Path, problems: list[Problem]) -> m.Plan | None:
    docs = {}
    for name in PLAN_FILES:
        path = folder / name
        if path.exists():
            try:
                docs[name] = (load_yaml(path, shown_path(path, root)), shown_path(path, root))
            except PlanDataError as err:
                problems.extend(err.problems)
                return None
            if docs[name][0] is None:  # empty: say so, instead of "must be a block of keys"
                problems.append(Problem(docs[name][1], None, "dit bestand is leeg.",
                                        f"Zet de gegevens terug in {name} (bijvoorbeeld uit de vorige versie)."))
                return None
    unknown = sorted(p.name for p in folder.glob("*.y*ml") if p.name not in PLAN_FILES)
    for name in unknown:
        problems.append(Problem(shown_path(folder / name, root), None, f"onbekend bestand '{name}'.",
                                f"Gebruik een van: {', '.join(PLAN_FILES)}."))
    if "plan.yaml" not in docs:
        problems.append(Problem(shown_path(folder, root), None, "deze plan-map heeft geen plan.yaml.",
                                "Maak plan.yaml met minstens id en titel."))
        return None

    before = len(problems)
    data, file = docs["plan.yaml"]
    f = Fields(data, file, problems, "het plan",
               ("id", "titel", "korte_titel", "gemeente", "nummer", "datum", "historisch", "portefeuillehouder", "bestuurder",
                "team", "status", "status_toelichting", "onderdeel_soort", "rapportage", "rapportages_per_jaar",
                "kader", "namen_tonen", "samenvatting", "bron_paginakoppen", "onderdeel_meervoud", "documenten"))
    plan_id = f.ident()
    if plan_id and plan_id != folder.name:
        f.problem("id", f"de id '{plan_id}' is niet gelijk aan de mapnaam '{folder.name}'.",
                  f"Maak ze gelijk: id: {folder.name}, of hernoem de map.")
    kader = tuple(filter(None, (_source(item, file, problems, "een kaderstuk", False) for item in f.items("kader"))))
    soort, meervoud = (f.text("onderdeel_soort") or "aanbeveling").lower(), f.text("onderdeel_meervoud")
    if unknown := plural_problem(soort, meervoud):
        f.problem("onderdeel_soort", *unknown)
    plan_fields = dict(
        id=plan_id, titel=f.text("titel", True), korte_titel=f.text("korte_titel", limit=limit("plan.yaml", "korte_titel")) or f.text("titel"),
        gemeente=f.text("gemeente"), nummer=f.text("nummer"), datum=f.moment("datum"),
        historisch=f.boolean("historisch"),
        portefeuillehouder=f.text("portefeuillehouder"), bestuurder=f.text("bestuurder"),
        team=f.text("team"), status=_plan_status(f),
        status_toelichting=f.text("status_toelichting", limit=limit("plan.yaml", "status_toelichting")),
        onderdeel_soort=soort, onderdeel_meervoud=plural(soort, meervoud),
        rapportage=f.text("rapportage"), rapportages_per_jaar=f.integer("rapportages_per_jaar", low=1, high=12),
        kader=kader, namen_tonen=f.boolean("namen_tonen"),
        samenvatting=f.text("samenvatting", limit=limit("plan.yaml", "samenvatting")),
        documenten=recommendations.documents(f),
    )
    actoren = _load_list(docs.get("actoren.yaml"), "actoren", problems, _actor)
    themas, bronnen, onderdelen = (), (), ()
    if "onderdelen.yaml" in docs:
        odata, ofile = docs["onderdelen.yaml"]
        of = Fields(odata, ofile, problems, "onderdelen.yaml", ("themas", "bronnen", "onderdelen"))
        themas = tuple(filter(None, (_theme(i, ofile, problems) for i in of.items("themas"))))
        bronnen = tuple(filter(None, (_source(i, ofile, problems, "een bron", True) for i in of.items("bronnen"))))
        onderdelen = tuple(filter(None, (_part(i, ofile, problems) for i in of.items("onderdelen", True))))
    acties = _load_list(docs.get("acties.yaml"), "acties", problems, _action)
    begroting = _budget(*docs["begroting.yaml"], problems) if "begroting.yaml" in docs else None
    optional = {key: build(*docs[name], problems) for key, name, build in (
        ("organisatie", "organisatie.yaml", structures.organisation),
        ("planning", "planning.yaml", structures.schedule),
        ("doelen", "doelen.yaml", structures.goals),
    ) if name in docs}
    if "adviezen.yaml" in docs:  # every citaat of an advice link is checked against its action's own text
        ids = [a.id for a in acties]  # a duplicate id is reported elsewhere; its text cannot be told apart here
        texts = {a.id: a.tekst for a in acties if ids.count(a.id) == 1}
        optional["adviezen"] = structures.advice_list(*docs["adviezen.yaml"], problems, texts)
    if "aanbevelingen.yaml" in docs:
        optional["aanbevelingen"] = recommendations.recommendations(*docs["aanbevelingen.yaml"], problems, bronnen,
                                                                    acties)
    bron = source_texts.load(folder, root, f.id_list("bron_paginakoppen"), problems)
    reports = progress_reports.load(folder, root, problems, {a.id for a in acties})
    if len(problems) > before:
        return None
    plan = m.Plan(**plan_fields, actoren=actoren, themas=themas, bronnen=bronnen, onderdelen=onderdelen,
                  acties=acties, begroting=begroting, **optional, voortgangsrapportages=reports, brontekst=bron)
    _check_references(plan, docs, problems)
    if len(problems) == before:
        problems.extend(progress_reports.check(plan))
    if len(problems) == before and "begroting.yaml" in docs:
        problems.extend(budget_problems(plan, docs["begroting.yaml"][1]))
    if len(problems) > before:
        return None
    # A quote missing from the source still leaves a usable plan, so the other checks report on it too.
    problems.extend(source_texts.unquoted(plan, docs, root))
    return plan


_NOT_STATED = re.compile(r"(?i)\s*(?:niet[\s-]*(?:vermeld|genoemd|bekend)|onbekend|geen(?:\s+status)?|-)\s*")


def _plan_status(f: Fields) -> str | None:
    """The plan's status as the documents state it; left out when they state none."""
    raw = f.data.get("status")
    if isinstance(raw, str) and _NOT_STATED.fullmatch(raw):
        f.problem("status", f"'{raw}' is geen status: zo zegt u dat de stukken geen status noemen.",
                  "Laat 'status' dan weg. De site toont dan 'Niet vermeld in het plan'.")
        return None
    return f.choice("status", m.PLAN_STATUSES, "") or None


def _load_list(doc, key: str, problems: list[Problem], build) -> tuple:
    if doc is None:
        return ()
    data, file = doc
    f = Fields(data, file, problems, file.name, (key,))
    return tuple(filter(None, (build(item, file, problems) for item in f.items(key, True))))


def _actor(data, file, problems) -> m.Actor | None:
    f = Fields(data, file, problems, "een actor", ("id", "naam", "afkorting", "soort"))
    a = m.Actor(id=f.ident(), naam=f.text("naam", True), soort=f.choice("soort", m.ACTOR_KINDS),
                afkorting=f.text("afkorting"))
    return a if f.ok else None


def _theme(data, file, problems) -> m.Theme | None:
    f = Fields(data, file, problems, "een thema", ("id", "titel"))
    return m.Theme(id=f.ident(), titel=f.text("titel", True)) if f.ok else None


def _source(data, file, problems, what: str, needs_id: bool) -> m.Source | None:
    f = Fields(data, file, problems, what, ("id", "titel", "auteur", "datum", "nummer", "link"))
    link = f.text("link")
    if link and not link.startswith("https://"):
        f.problem("link", f"de link bij {what} begint niet met https://.", "Gebruik het volledige adres.")
    if link and "safelinks" in link:
        f.problem("link", "dit is een doorstuurlink van Outlook (safelinks), met daarin een e-mailadres.",
                  "Gebruik het echte adres: dat staat achter 'url=' in de link (ontsleuteld).")
    return m.Source(id=f.ident() if needs_id else (f.text("id") or ""), titel=f.text("titel", True),
                    auteur=f.text("auteur"), datum=f.moment("datum"), nummer=f.text("nummer"),
                    link=link) if f.ok else None


_PART_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]*$")


def _part(data, file, problems) -> m.Part | None:
    f = Fields(data, file, problems, "een onderdeel",
               ("id", "nummer", "titel", "korte_titel", "doel", "thema", "bron", "label", "in_het_kort", "inleiding",
                "doelen", "document"))
    part = m.Part(id=f.ident(pattern=_PART_ID), nummer=f.integer("nummer", True, 0), titel=f.text("titel", True),
                  korte_titel=f.text("korte_titel", limit=limit("onderdelen.yaml", "korte_titel")) or f.text("titel"),
                  doel=f.text("doel"),
                  thema=f.text("thema"), bron=f.text("bron"), label=f.text("label", limit=limit("onderdelen.yaml", "label")),
                  in_het_kort=f.text("in_het_kort", limit=limit("onderdelen.yaml", "in_het_kort")),
                  inleiding=f.text("inleiding"), document=f.text("document"),
                  doelen=tuple(filter(None, (_part_goal(item, file, problems) for item in f.items("doelen")))))
    return part if f.ok else None


def _part_goal(data, file, problems) -> m.PartGoal | None:
    """A doel between a part and its actions (pijler -> doel -> acties), with its own planning."""
    f = Fields(data, file, problems, "een doel", ("id", "titel", "planning"))
    goal_id = f.ident(pattern=_PART_ID)
    if goal_id:
        f.what = f"doel {goal_id}"
    goal = m.PartGoal(id=goal_id, titel=f.text("titel", True), planning=_planning(f, file, problems))
    return goal if f.ok else None


def _planning(f: Fields, file, problems) -> m.Planning | None:
    """The 'planning:' block of an action or a doel: dates at the source's precision and the plan's words."""
    planning = None
    raw_planning = f._get("planning", False)
    if raw_planning is not None:
        pf = Fields(raw_planning, file, problems, f"de planning van {f.what}",
                    ("start", "eind", "doorlopend", "stappen", "tekst", "fase", "herhaling"), line=f.line_of("planning"))
        stappen = []
        for step in pf.items("stappen"):
            sf = Fields(step, file, problems, f"een stap van {f.what}", ("omschrijving", "datum"),
                        line=pf.line_of("stappen"))
            moment = sf.moment("datum")
            if sf.ok and moment is None and "datum" not in sf.data:
                sf.problem(None, f"een stap van {f.what} heeft geen datum.", "Voeg 'datum: JJJJ-Qn' toe.")
            stappen.append(m.Step(sf.text("omschrijving", True), moment))
        planning = m.Planning(start=pf.moment("start"), eind=pf.moment("eind"), doorlopend=pf.boolean("doorlopend"),
                              stappen=tuple(stappen), tekst=pf.text("tekst"), fase=pf.text("fase"),
                              herhaling=_recurrence(pf))
        if planning.fase and (planning.start or planning.eind or planning.stappen):
            pf.problem("fase", f"{f.what} heeft een fase en ook eigen datums.",
                       "Gebruik 'fase' alleen als het plan de actie geen eigen datum geeft; haal anders 'fase' weg.")
        if planning.start and planning.eind and planning.eind.einde < planning.start.begin:
            pf.problem("eind", f"de planning van {f.what} eindigt ({planning.eind}) voor de start ({planning.start}).",
                       "Controleer start en eind.")
        if planning.doorlopend and planning.eind:
            pf.problem("doorlopend", f"{f.what} is doorlopend en heeft toch een eind.",
                       "Kies: doorlopend: true zonder eind, of een eind zonder doorlopend.")
    return planning


def _action(data, file, problems) -> m.Action | None:
    f = Fields(data, file, problems, "een actie",
               ("id", "onderdeel", "titel", "tekst", "trekker", "raci", "planning", "status", "status_citaten",
                "status_toelichting", "randvoorwaarde_voor", "zie_ook", "samen", "doel", "document"))
    action_id = f.ident(pattern=_PART_ID)
    if action_id:
        f.what = f"actie {action_id}"
    raci = []
    raw_raci = f._get("raci", False)
    if raw_raci is not None:
        if not isinstance(raw_raci, Mapping):
            f.problem("raci", f"'raci' bij {f.what} moet per actor een regel hebben: 'college: A'.",
                      "Schrijf bijvoorbeeld: raci: {college: A, verandermanager: R}.")
        else:
            for actor_id, letters in raw_raci.items():
                if not isinstance(letters, str) or not letters or any(c not in m.RACI_LETTERS for c in letters) \
                        or len(set(letters)) != len(letters):
                    f.problem(None, f"'{letters}' is geen geldige RACI-rol voor '{actor_id}' bij {f.what}.",
                              "Gebruik de letters R, A, S, C en I, bijvoorbeeld 'R' of 'RA'.",
                              line=raw_raci.line_of(actor_id))
                else:
                    raci.append((str(actor_id), "".join(sorted(letters, key=m.RACI_LETTERS.index))))
    planning = _planning(f, file, problems)
    action = m.Action(
        id=action_id, onderdeel=f.text("onderdeel", True), titel=f.text("titel", True), tekst=f.text("tekst") or "",
        status=f.choice("status", m.STATUSES), status_citaten=f.text_list("status_citaten"),
        status_toelichting=f.text("status_toelichting", limit=limit("acties.yaml", "status_toelichting")),
        trekker=f.text("trekker"), raci=tuple(raci),
        planning=planning, randvoorwaarde_voor=f.id_list("randvoorwaarde_voor"), zie_ook=f.id_list("zie_ook"),
        samen=f.id_list("samen"), doel=f.text("doel"), document=f.text("document"),
    )
    if action.samen and action.trekker:
        f.problem("samen", f"{f.what} heeft een trekker en ook 'samen'.",
                  "Gebruik 'samen' alleen als het plan meerdere actoren noemt en geen trekker. Noemt het plan een "
                  "trekker, haal 'samen' dan weg; de rollen van de anderen horen bij 'raci'.")
    elif len(action.samen) == 1:
        f.problem("samen", f"bij {f.what} noemt 'samen' maar één actor ({action.samen[0]}).",
                  f"Noemt het plan {action.samen[0]} als trekker, schrijf dan 'trekker: {action.samen[0]}'. "
                  "'samen' is voor twee of meer actoren zonder trekker.")
    if action.status and action.status != "gepland" and not action.status_citaten:
        f.problem("status", f"{f.what} heeft status '{action.status}', maar er staat geen citaat bij.",
                  "Een status anders dan 'gepland' moet blijken uit de tekst van het plan. Zet de zin uit het plan "
                  "onder 'status_citaten:', of maak de status 'gepland'. Latere voortgang hoort in een "
                  "voortgangsrapportage (map rapportages/).")
    return action if f.ok else None


def _recurrence(pf: Fields) -> str | None:
    """How often an action comes back, in the plan's words; a date there belongs at start."""
    raw = pf.data.get("herhaling")
    if isinstance(raw, (int, str)) and not isinstance(raw, bool):
        try:
            first = Moment.lees(raw)
        except ValueError:
            first = None
        if first is not None:
            pf.problem("herhaling", f"'herhaling' zegt hoe vaak de actie terugkomt, geen datum: u schreef {raw}.",
                       f"Zet de eerste keer bij 'start' (start: {raw}) en bij 'herhaling' de woorden van het plan, "
                       "bijvoorbeeld: herhaling: daarna jaarlijks.")
            return None
    return pf.text("herhaling")


def _budget(data, file, problems) -> m.Budget | None:
    f = Fields(data, file, problems, "begroting.yaml", ("besluit", "dekkingen", "ramingen", "bekende_verschillen"))
    dekkingen = []
    raw = f._get("dekkingen", False)
    if raw is not None:
        if isinstance(raw, Mapping) and all(isinstance(v, str) for v in raw.values()):
            dekkingen = [(str(k), v) for k, v in raw.items()]
        else:
            f.problem("dekkingen", "'dekkingen' moet per regel een id en een naam hebben.",
                      "Schrijf bijvoorbeeld: algemene-middelen: Algemene middelen")
    ramingen = []
    for item in f.items("ramingen", True):
        rf = Fields(item, file, problems, "een raming",
                    ("id", "titel", "soort", "door", "leidend", "toelichting", "kanttekening", "regels", "totaal",
                     "per_jaar"))
        regels = []
        for regel in rf.items("regels", True):
            lf = Fields(regel, file, problems, "een begrotingsregel",
                        ("onderdelen", "acties", "omschrijving", "bedrag", "fte", "soort", "periode", "dekking", "circa",
                         "jaren"))
            line = m.BudgetLine(omschrijving=lf.text("omschrijving", True), onderdelen=lf.id_list("onderdelen"),
                                acties=lf.id_list("acties"), bedrag=lf.euros("bedrag"), fte=lf.amount("fte"),
                                soort=lf.choice("soort", m.AMOUNT_KINDS, "") or None,
                                periode=lf.periode("periode"), dekking=lf.text("dekking"), circa=lf.boolean("circa"),
                                jaren=lf.integer("jaren", low=1, high=50), line=lf.line)
            if line.jaren is not None and line.soort != "jaarlijks":
                lf.problem("jaren", "'jaren' hoort alleen bij een bedrag met 'soort: jaarlijks'.",
                           "Zet 'soort: jaarlijks' of haal 'jaren' weg.")
            regels.append(line)
        per_jaar = []
        raw_years = rf._get("per_jaar", False)
        if raw_years is not None:
            if isinstance(raw_years, Mapping):
                for year, value in raw_years.items():
                    jf = Fields(Mapping({"jaar": year, "bedrag": value}), file, problems, "per_jaar",
                                ("jaar", "bedrag"), line=raw_years.line_of(year))
                    jf.data.line, jf.data.key_lines = raw_years.line_of(year), {}
                    jf.data.number_texts = {"bedrag": raw_years.source_text(year)} if raw_years.source_text(year) else {}
                    y, amount = jf.integer("jaar", low=1900, high=2200), jf.euros("bedrag")
                    if y is not None and amount is not None:
                        per_jaar.append((y, amount))
            else:
                rf.problem("per_jaar", "'per_jaar' moet per regel een jaar en een bedrag hebben.",
                           "Schrijf bijvoorbeeld:  2024: 600000")
        ramingen.append(m.Estimate(id=rf.ident(), titel=rf.text("titel", True),
                                   soort=rf.choice("soort", m.ESTIMATE_KINDS, "") or None, door=rf.text("door", True),
                                   leidend=rf.boolean("leidend"), regels=tuple(regels), toelichting=rf.text("toelichting"),
                                   kanttekening=rf.text("kanttekening"), totaal=rf.euros("totaal"),
                                   per_jaar=tuple(per_jaar), line=rf.line))
    leading = [r for r in ramingen if r.leidend]
    if ramingen and len(leading) != 1:
        f.problem("ramingen", f"er moet precies één raming met 'leidend: true' zijn; er zijn er {len(leading)}.",
                  "Zet 'leidend: true' bij de bedragen die de site als eerste toont (meestal die uit het plan zelf), "
                  "en bij de andere false.")
    verschillen = []
    for item in f.items("bekende_verschillen"):
        vf = Fields(item, file, problems, "een bekend verschil", ("raming", "betreft", "toelichting"))
        verschillen.append(m.KnownDifference(raming=vf.text("raming", True), betreft=vf.text("betreft", True),
                                             toelichting=vf.text("toelichting", True), line=vf.line))
    return m.Budget(tuple(dekkingen), tuple(ramingen), tuple(verschillen), file=str(file), besluit=f.text("besluit"))


def _duplicates(ids) -> list[str]:
    seen, dup = set(), []
    for i in ids:
        if i in seen and i not in dup:
            dup.append(i)
        seen.add(i)
    return dup


def _check_references(plan: m.Plan, docs: dict, problems: list[Problem]) -> None:
    """Every id that one file uses must exist in the file that defines it."""

    def where(name: str, line: int | None = None):
        return docs[name][1] if name in docs else Path(name), line

    def report(name, line, message, fix):
        file, _ = where(name)
        problems.append(Problem(file, line, message, fix))

    for name, kind, ids in (("actoren.yaml", "actor", [a.id for a in plan.actoren]),
                            ("onderdelen.yaml", "onderdeel", [p.id for p in plan.onderdelen]),
                            ("onderdelen.yaml", "thema", [t.id for t in plan.themas]),
                            ("onderdelen.yaml", "bron", [s.id for s in plan.bronnen]),
                            ("acties.yaml", "actie", [a.id for a in plan.acties])):
        for dup in _duplicates(ids):
            report(name, None, f"de id '{dup}' ({kind}) komt twee keer voor.", "Geef elk item een eigen id.")

    actors = {a.id for a in plan.actoren}
    parts = {p.id for p in plan.onderdelen}
    actions = {a.id for a in plan.acties}
    themes = {t.id for t in plan.themas}
    sources = {s.id for s in plan.bronnen}
    action_maps = _item_maps(docs.get("acties.yaml"), "acties")
    part_maps = _item_maps(docs.get("onderdelen.yaml"), "onderdelen")

    def line(maps, item_id, key, sub=None):
        item = maps.get(item_id)
        if item is None:
            return None
        if sub is not None and isinstance(item.get(key), Mapping):
            return item[key].line_of(sub)
        return item.line_of(key)

    missing: dict[str, list[str]] = {}  # a deleted file: one problem naming it, not one per id pointing into it

    def unknown(value, known, kind, name, line, fix_file):
        defined_in = re.search(r"[\w-]+\.yaml", fix_file)
        if defined_in and defined_in[0] not in docs:
            missing.setdefault(defined_in[0], []).append(name)
            return
        near = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f"Bedoelt u '{near[0]}'? " if near else ""
        report(name, line, f"'{value}' is geen bekende {kind}.",
               f"{hint}Gebruik een id uit {fix_file}" + (f" ({', '.join(sorted(known))})." if len(known) < 15 else "."))

    for part in plan.onderdelen:
        if part.thema and part.thema not in themes:
            unknown(part.thema, themes, "thema", "onderdelen.yaml", line(part_maps, part.id, "thema"),
                    "themas in onderdelen.yaml")
        if part.bron and part.bron not in sources:
            unknown(part.bron, sources, "bron", "onderdelen.yaml", line(part_maps, part.id, "bron"),
                    "bronnen in onderdelen.yaml")
    phases = {p.id for p in (plan.planning.fasen if plan.planning else ())}
    for action in plan.acties:
        if action.onderdeel not in parts:
            unknown(action.onderdeel, parts, "onderdeel", "acties.yaml", line(action_maps, action.id, "onderdeel"),
                    "onderdelen.yaml")
        goals = {g.id for p in plan.onderdelen if p.id == action.onderdeel for g in p.doelen}
        if action.doel and action.doel not in goals and action.onderdeel in parts:
            report("acties.yaml", line(action_maps, action.id, "doel"),
                   f"'{action.doel}' is geen doel van onderdeel {action.onderdeel}.",
                   (f"Gebruik een id uit de doelen van onderdeel {action.onderdeel} in onderdelen.yaml "
                    f"({', '.join(sorted(goals))})." if goals else
                    f"Onderdeel {action.onderdeel} heeft geen doelen in onderdelen.yaml: haal 'doel' weg, of zet het "
                    "doel bij het onderdeel onder 'doelen:'."))
        if action.trekker and action.trekker not in actors:
            unknown(action.trekker, actors, "actor", "acties.yaml", line(action_maps, action.id, "trekker"),
                    "actoren.yaml")
        for actor_id in action.samen:
            if actor_id not in actors:
                unknown(actor_id, actors, "actor", "acties.yaml", line(action_maps, action.id, "samen"), "actoren.yaml")
        for actor_id, _ in action.raci:
            if actor_id not in actors:
                unknown(actor_id, actors, "actor", "acties.yaml", line(action_maps, action.id, "raci", actor_id),
                        "actoren.yaml")
        for other in action.randvoorwaarde_voor:
            where_line = line(action_maps, action.id, "randvoorwaarde_voor")
            if other not in actions:
                unknown(other, actions, "actie", "acties.yaml", where_line, "acties.yaml")
            elif other == action.id:
                report("acties.yaml", where_line, f"actie {action.id} is randvoorwaarde voor zichzelf.", "Haal die id weg.")
        for other in action.zie_ook:
            if "/" not in other and other not in actions:
                unknown(other, actions, "actie", "acties.yaml", line(action_maps, action.id, "zie_ook"),
                        "acties.yaml (of schrijf plan/actie voor een ander plan)")
        fase = action.planning.fase if action.planning else None
        if fase and fase not in phases:
            unknown(fase, phases, "fase", "acties.yaml",
                    line(action_maps, action.id, "planning", "fase"), "fasen in planning.yaml")
    advice_maps = _item_maps(docs.get("adviezen.yaml"), "adviezen")
    for advice in plan.adviezen:
        if advice.van not in actors:
            unknown(advice.van, actors, "actor", "adviezen.yaml", line(advice_maps, advice.id, "van"), "actoren.yaml")
        for link in advice.koppelingen:
            if link.actie not in actions:
                unknown(link.actie, actions, "actie", "adviezen.yaml",
                        link.line or line(advice_maps, advice.id, "acties"), "acties.yaml")
        for action_id in advice.toezeggingen:
            if action_id not in actions:
                unknown(action_id, actions, "actie", "adviezen.yaml", line(advice_maps, advice.id, "toezeggingen"),
                        "acties.yaml")
    documents = {d.id for d in plan.documenten}
    for name, maps, items in (("onderdelen.yaml", part_maps, plan.onderdelen), ("acties.yaml", action_maps, plan.acties),
                              ("adviezen.yaml", advice_maps, plan.adviezen)):
        for item in items:
            if item.document and item.document not in documents:
                report(name, line(maps, item.id, "document"), f"'{item.document}' is geen bekend stuk.",
                       "Gebruik een id uit documenten in plan.yaml"
                       + (f" ({', '.join(sorted(documents))})." if documents else "; zet het stuk daar eerst bij."))
    if plan.planning:
        for row in plan.planning.detailplanning:
            if row.actie and row.actie not in actions:
                unknown(row.actie, actions, "actie", "planning.yaml", None, "acties.yaml")
    if plan.organisatie:
        for body in plan.organisatie.gremia:
            for member in body.leden:
                if member.actor and member.actor not in actors:
                    unknown(member.actor, actors, "actor", "organisatie.yaml", None, "actoren.yaml")
        for dup in _duplicates([g.id for g in plan.organisatie.gremia]):
            report("organisatie.yaml", None, f"de id '{dup}' (gremium) komt twee keer voor.", "Geef elk gremium een eigen id.")
    if plan.begroting:
        b = plan.begroting
        dekkingen = {k for k, _ in b.dekkingen}
        for raming in b.ramingen:
            for regel in raming.regels:
                for part_id in regel.onderdelen:
                    if part_id not in parts:
                        unknown(part_id, parts, "onderdeel", "begroting.yaml", regel.line, "onderdelen.yaml")
                for action_id in regel.acties:
                    if action_id not in actions:
                        unknown(action_id, actions, "actie", "begroting.yaml", regel.line, "acties.yaml")
                if regel.dekking and regel.dekking not in dekkingen:
                    unknown(regel.dekking, dekkingen, "dekking", "begroting.yaml", regel.line, "dekkingen")
        ramingen = {r.id for r in b.ramingen}
        for diff in b.bekende_verschillen:
            if diff.raming not in ramingen:
                unknown(diff.raming, ramingen, "raming", "begroting.yaml", diff.line, "ramingen")
    for gone, users in missing.items():
        refs = [f"{n} ({users.count(n)} keer)" for n in dict.fromkeys(users)]
        verb = "verwijzen" if len(refs) > 1 else "verwijst"
        problems.append(Problem(docs["plan.yaml"][1].parent / gone, None,
                                f"dit bestand ontbreekt, maar {' en '.join(refs)} {verb} naar ids die erin horen te staan.",
                                f"Zet {gone} terug (bijvoorbeeld uit de vorige versie) of maak het opnieuw; "
                                "zie data/README.md."))


def _item_maps(doc, key: str) -> dict[str, Mapping]:
    """The YAML mapping of each item by id, to point at the exact line of a field."""
    if doc is None or not isinstance(doc[0], Mapping) or not isinstance(doc[0].get(key), list):
        return {}
    return {str(item.get("id")): item for item in doc[0][key] if isinstance(item, Mapping)}


def _check_distinct_titles(site: m.Site, plans_dir: Path, root: Path, problems: list[Problem]) -> None:
    """Menus, headings and page titles name a plan by its short title: two plans cannot share one."""
    seen: dict[str, str] = {}
    for plan in site.plannen:
        other = seen.setdefault(plan.korte_titel.lower(), plan.id)
        if other != plan.id:
            path = plans_dir / plan.id / "plan.yaml"
            line = next((i for i, text in enumerate(read_text(path).splitlines(), 1)
                         if text.startswith(("korte_titel:", "titel:"))), None)
            problems.append(Problem(shown_path(path, root), line,
                                    f"plan '{plan.id}' heeft dezelfde korte titel als plan '{other}': "
                                    f"'{plan.korte_titel}'. Lezers kunnen de twee dan niet uit elkaar houden.",
                                    "Geef dit plan een eigen 'korte_titel'."))


def _check_cross_plan_links(site: m.Site, plans_dir: Path, root: Path, problems: list[Problem]) -> None:
    """A 'zie_ook: integrale-toegang/3.b' must point at an action that exists."""
    for plan in site.plannen:
        path = plans_dir / plan.id / "acties.yaml"
        file = shown_path(path, root)
        lines = read_text(path).splitlines() if path.exists() else []
        for action in plan.acties:
            for ref in action.zie_ook:
                if "/" not in ref:
                    continue
                line = next((i for i, text in enumerate(lines, 1) if ref in text), None)
                plan_id, _, action_id = ref.partition("/")
                target = next((p for p in site.plannen if p.id == plan_id), None)
                if target is None:
                    problems.append(Problem(file, line, f"actie {action.id} verwijst naar plan '{plan_id}', dat niet bestaat.",
                                            f"Is het plan weggehaald? Haal dan '{ref}' weg bij 'zie_ook'. Anders: kies "
                                            f"uit {', '.join(p.id for p in site.plannen)}."))
                elif action_id and action_id not in {a.id for a in target.acties}:
                    problems.append(Problem(file, line, f"actie {action.id} verwijst naar '{ref}', maar plan '{plan_id}' "
                                                        f"heeft geen actie '{action_id}'.", "Controleer de id."))


def _load_glossary(path: Path, root: Path, problems: list[Problem]) -> tuple[m.Term, ...]:
    if not path.exists():
        return ()
    try:
        data = load_yaml(path, shown_path(path, root))
    except PlanDataError as err:
        problems.extend(err.problems)
        return ()
    file = shown_path(path, root)
    f = Fields(data, file, problems, "begrippen.yaml", ("begrippen",))
    terms = []
    for item in f.items("begrippen", True):
        tf = Fields(item, file, problems, "een begrip",
                    ("term", "soort", "voluit", "uitleg", "varianten", "betekenis_onbekend", "gemeente"))
        term = m.Term(term=tf.text("term", True), soort=tf.choice("soort", ("afkorting", "begrip")),
                      uitleg=tf.text("uitleg"), voluit=tf.text("voluit"), varianten=tf.id_list("varianten"),
                      betekenis_onbekend=tf.boolean("betekenis_onbekend"), gemeente=tf.text("gemeente"))
        if term.betekenis_onbekend and term.soort == "begrip":
            tf.problem("betekenis_onbekend", f"'betekenis_onbekend' hoort bij een afkorting; '{term.term}' is een begrip.",
                       "Leg het begrip uit bij 'uitleg' en haal 'betekenis_onbekend' weg.")
        elif term.betekenis_onbekend and term.voluit:
            tf.problem("betekenis_onbekend", f"'{term.term}' heeft 'voluit' en ook 'betekenis_onbekend: true'.",
                       "Staat de betekenis in de bron, haal dan 'betekenis_onbekend' weg. Anders: haal 'voluit' weg.")
        elif not term.uitleg and tf.data.get("betekenis_onbekend") in (None, False) and tf.ok:
            tf.problem(None, f"bij '{term.term}' ontbreekt 'uitleg'." if term.term else "bij een begrip ontbreekt 'uitleg'.",
                       "Voeg 'uitleg: …' toe in eenvoudige taal. Geeft de bron de betekenis van een afkorting niet, zet "
                       "dan 'betekenis_onbekend: true' in plaats van zelf een betekenis te zoeken.")
        terms.append(term)
    for dup in _duplicates([s for t in terms for s in t.spellings]):
        problems.append(Problem(file, None, f"'{dup}' staat twee keer in de begrippenlijst.", "Houd één uitleg over."))
    return tuple(terms)
