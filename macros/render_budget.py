"""HTML for budgets: every figure labelled as what its source calls it (raming, voorstel, besluit).

Totals are computed here from the lines; a total a source states is shown
beside it as stated, and any difference between sources is explained from
the figures themselves.
"""
from __future__ import annotations

from decimal import Decimal

from . import model as m
from . import views
from .checks import budget_differences, explaining_parts
from .dutch import euro, fte
from .html_text import esc
from .locations import Links

KIND_LABEL = {"incidenteel": "incidenteel", "structureel": "structureel", "jaarlijks": "per jaar"}
# What a reader must know about each kind of figure: only a besluit decides anything.
ESTIMATE_MEANING = {
    "raming": "Een raming: een schatting van wat het kost. Het is geen besluit over geld.",
    "voorstel": "Een voorstel: zo wil het college het betalen. Het is nog geen besluit over geld.",
    "besluit": "Een besluit: hierover is besloten.",
    None: "De bron zegt niet of dit een raming, een voorstel of een besluit is.",
}


def amount_text(euros: Decimal, ftes: Decimal) -> str:
    parts = []
    if euros:
        parts.append(euro(euros))
    if ftes:
        parts.append(fte(ftes))
    return " + ".join(parts) if parts else "geen bedrag"


def line_amount(line: m.BudgetLine) -> str:
    """One line as one item: '0,3 fte, € 30.000' when the source gives both, without saying how they relate."""
    if line.bedrag is None and line.fte is None:
        return "geen bedrag genoemd"
    if line.bedrag is not None and line.fte is not None:
        text = f"{fte(line.fte)}, {euro(line.bedrag)}"
    else:
        text = amount_text(line.bedrag or Decimal(0), line.fte or Decimal(0))
    return f"circa {text}" if line.circa else text


def line_details(plan: m.Plan, line: m.BudgetLine) -> str:
    bits = [KIND_LABEL.get(line.soort or "", "")]
    if line.jaren:
        bits.append(f"{line.jaren} jaar lang")
    if line.periode:
        bits.append(str(line.periode))
    dekking = plan.begroting.dekking_naam(line.dekking)
    if dekking:
        bits.append(f"dekking: {dekking}")
    elif line.bedrag is not None or line.fte is not None:
        bits.append("dekking: niet genoemd in de bron")
    return ", ".join(b for b in bits if b)


def parts_label(plan: m.Plan, part_ids: tuple[str, ...]) -> str:
    if not part_ids:
        return "Algemeen"
    woord = plan.onderdeel_soort.capitalize()
    if len(part_ids) == 1:
        return f"{woord} {part_ids[0]}"
    return f"{woord} {', '.join(part_ids[:-1])} en {part_ids[-1]}"


def line_label(plan: m.Plan, line: m.BudgetLine) -> str:
    """What a line is for, as the source gives it: parts, or else actions."""
    if line.onderdelen or not line.acties:
        return parts_label(plan, line.onderdelen)
    ids = line.acties
    return f"Actie {ids[0]}" if len(ids) == 1 else f"Acties {', '.join(ids[:-1])} en {ids[-1]}"


def estimate_heading(estimate: m.Estimate) -> str:
    return f"{estimate.titel} ({estimate.soort or 'soort niet vermeld in de bron'})"


def lines_table(plan: m.Plan, estimate: m.Estimate, links: Links) -> str:
    rows = []
    for line in estimate.regels:
        wie = ""
        if line.onderdelen:
            numbered = [f'<a href="{esc(links.part(plan, p))}">{esc(p)}</a>' for p in line.onderdelen]
            tail = f"{', '.join(numbered[:-1])} en {numbered[-1]}" if len(numbered) > 1 else numbered[0]
            wie = f"{esc(plan.onderdeel_soort.capitalize())} {tail}"
        if line.acties:
            wie += (" " if wie else "") + ", ".join(
                f'<a href="{esc(links.action(plan, plan.actie(a)))}">actie {esc(a)}</a>' for a in line.acties)
        rows.append(f'<tr><th scope="row">{wie or "Algemeen"}</th><td>{esc(line.omschrijving)}</td>'
                    f'<td class="pva-num">{esc(line_amount(line))}</td><td>{esc(line_details(plan, line))}</td></tr>')
    foot = _total_rows(estimate, colspan=2, trailing_cell=True)
    if estimate.totaal is not None:
        foot += (f'<tr><th scope="row" colspan="2">Totaal zoals vermeld in de bron</th>'
                 f'<td class="pva-num">{esc(euro(estimate.totaal))}</td><td></td></tr>')
    return (f'<table class="pva-table pva-budget pva-wide"><caption>{esc(estimate_heading(estimate))}, bron: '
            f'{esc(estimate.door)}</caption><thead><tr>'
            f'<th scope="col">Voor</th><th scope="col">Omschrijving</th><th scope="col">Bedrag</th>'
            f'<th scope="col">Soort, periode en dekking</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot>{foot}</tfoot></table>')


def _total_rows(estimate: m.Estimate, colspan: int = 1, trailing_cell: bool = False) -> str:
    """Computed totals; yearly amounts get their own row, never added to one-off amounts."""
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return "".join(
        f'<tr><th scope="row"{span}>{"Totaal per jaar (berekend)" if kind == "jaarlijks" else "Totaal (berekend)"}</th>'
        f'<td class="pva-num">{"circa " if circa else ""}{esc(amount_text(euros, ftes))}</td>'
        + ("<td></td>" if trailing_cell else "") + "</tr>"
        for kind, euros, ftes, circa in views.totals_by_kind(estimate))


def _subtotal_table(estimate: m.Estimate, rows, caption: str, first_col: str, label) -> str:
    body = "".join(f'<tr><th scope="row">{esc(label(s.label_ids))}</th>'
                   f'<td class="pva-num">{esc(amount_text(s.euro, s.fte))}</td></tr>' for s in rows)
    return (f'<table class="pva-table pva-budget"><caption>{esc(caption)}</caption><thead><tr>'
            f'<th scope="col">{esc(first_col)}</th><th scope="col">Bedrag</th></tr></thead><tbody>{body}</tbody>'
            f'<tfoot>{_total_rows(estimate)}</tfoot></table>')


def by_part(plan: m.Plan, estimate: m.Estimate) -> str:
    return _subtotal_table(estimate, views.by_part(plan, estimate), f"{estimate_heading(estimate)}: per {plan.onderdeel_soort}",
                           plan.onderdeel_soort.capitalize(), lambda ids: parts_label(plan, ids))


def by_period(plan: m.Plan, estimate: m.Estimate) -> str:
    out = _subtotal_table(estimate, views.by_period(estimate), f"{estimate_heading(estimate)}: per jaar of periode",
                          "Jaar of periode", lambda ids: ids[0] or "Geen periode genoemd")
    if estimate.per_jaar:
        items = "".join(f"<li>{y}: {esc(euro(v))}</li>" for y, v in estimate.per_jaar)
        out += (f'<p>Verdeling per jaar zoals {esc(estimate.door)} die noemt (som '
                f'{esc(euro(views.declared_per_year_total(estimate)))}, berekend):</p><ul>{items}</ul>')
    return out


def by_funding(plan: m.Plan, estimate: m.Estimate) -> str:
    return _subtotal_table(estimate, views.by_funding(estimate), f"{estimate_heading(estimate)}: per dekking", "Dekking",
                           lambda ids: plan.begroting.dekking_naam(ids[0]) or "Dekking niet genoemd in de bron")


def difference_text(plan: m.Plan, d) -> str:
    """One difference, explained from the figures: which part causes it, and which figure fits the total."""
    text = f"{d.uitleg} Verschil: {euro(abs(d.verschil))}."
    if d.betreft == "per_jaar":
        estimate = next(r for r in plan.begroting.ramingen if r.id == d.raming)
        leading = plan.begroting.leidend
        for part_diff in explaining_parts(plan, d):
            part = plan.onderdeel(part_diff.betreft)
            text += (f" Het verschil zit bij {plan.onderdeel_soort} {part.id}: {estimate.door} noemt daar "
                     f"{euro(part_diff.vermeld)}; {leading.door} noemt {euro(part_diff.vergelijk)}. Met "
                     f"{euro(part_diff.vergelijk)} tellen de bedragen op tot het totaal van "
                     f"{euro(d.vermeld)}. Daarom toont de site als eerste de bedragen uit {leading.door}.")
    return text + (f" {d.toelichting}" if d.toelichting else "")


def differences_list(plan: m.Plan, part_id: str | None = None) -> str:
    diffs = [d for d in budget_differences(plan) if part_id is None or d.betreft == part_id]
    if not diffs:
        return ""
    items = "".join(f"<li>{esc(difference_text(plan, d))}</li>" for d in diffs)
    return (f'<div class="admonition warning pva-differences" id="verschillen-in-de-bronnen">'
            f'<p class="admonition-title">Verschillen in de bronnen</p><ul>{items}</ul></div>')


def part_budget(plan: m.Plan, part_label: str, part_id: str) -> str:
    if plan.begroting is None or not plan.begroting.ramingen:
        return "<p>Dit plan heeft geen begroting.</p>"
    out = []
    for estimate in plan.begroting.ramingen:
        lines = views.lines_for_part(plan, estimate, part_id)
        if not lines:
            out.append(f"<p>{esc(estimate_heading(estimate))}: geen bedrag voor {esc(part_label)}.</p>")
            continue
        items = "".join(
            f"<li>{esc(line_label(plan, line))}" + (" samen" if len(line.onderdelen) > 1 else "")
            + f": <strong>{esc(line_amount(line))}</strong>"
            + (f" ({esc(line_details(plan, line))})" if line_details(plan, line) else "") + "</li>"
            for line in lines)
        out.append(f"<p>{esc(estimate_heading(estimate))}:</p><ul>{items}</ul>")
    return "".join(out) + differences_list(plan, part_id)


def decision_text(budget: m.Budget) -> str:
    if not budget.besluit:
        return "<p>De stukken zeggen niet wat er over het geld is besloten.</p>"
    decided = any(r.soort == "besluit" for r in budget.ramingen)
    return (f'<p>Het besluit zegt over het geld:</p><blockquote><p>{esc(budget.besluit)}</p></blockquote>'
            + ("" if decided else "<p>Een besluit over deze bedragen staat niet in de stukken op deze site.</p>"))


def budget_page(plan: m.Plan, links: Links) -> str:
    if plan.begroting is None or not plan.begroting.ramingen:
        return "<p>Dit plan heeft geen begroting.</p>"
    budget = plan.begroting
    leading = budget.leidend
    out = ["## Wat is besloten?", decision_text(budget), f"## {esc(estimate_heading(leading))}",
           f"<p>{esc(ESTIMATE_MEANING[leading.soort])} Bron: {esc(leading.door)}.</p>"]
    if leading.toelichting:
        out.append(f'<blockquote><p>{esc(leading.toelichting)}</p></blockquote>')
    if leading.kanttekening:
        out.append(f'<p>Het plan zegt ook:</p><blockquote><p>{esc(leading.kanttekening)}</p></blockquote>')
    out += [lines_table(plan, leading, links), budget_chart(plan, leading), differences_list(plan),
            f"## Per {esc(plan.onderdeel_soort)}", by_part(plan, leading),
            "## Per jaar", by_period(plan, leading)]
    if any(line.dekking for line in leading.regels):
        out += ["## Per dekking", by_funding(plan, leading)]
    for other in (r for r in budget.ramingen if not r.leidend):
        out += [f"## {esc(estimate_heading(other))}", f"<p>{esc(ESTIMATE_MEANING[other.soort])} Bron: {esc(other.door)}.</p>"]
        if other.toelichting:
            out.append(f'<blockquote><p>{esc(other.toelichting)}</p></blockquote>')
        out.append(lines_table(plan, other, links))
        if other.per_jaar:
            out.append(by_period(plan, other))
        if any(line.dekking for line in other.regels):
            out.append(by_funding(plan, other))
    return "\n\n".join(o for o in out if o) + "\n"


def budget_chart(plan: m.Plan, estimate: m.Estimate) -> str:
    """Horizontal bars per group of parts; the table above is the full text alternative."""
    rows = [s for s in views.by_part(plan, estimate) if s.euro]
    if not rows:
        return ""
    largest = max(s.euro for s in rows)
    bar_h, gap, label_w, width = 24, 10, 170, 480
    parts = []
    for i, s in enumerate(rows):
        y = i * (bar_h + gap)
        w = (Decimal(width - label_w - 110) * s.euro / largest).quantize(Decimal("0.1"))
        parts.append(
            f'<text x="0" y="{y + 16}" class="pva-chart-label">{esc(parts_label(plan, s.label_ids))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" class="pva-chart-bar"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" class="pva-chart-value">{esc(euro(s.euro))}</text>')
    height = len(rows) * (bar_h + gap)
    summary = "; ".join(f"{parts_label(plan, s.label_ids)}: {euro(s.euro)}" for s in rows)
    return (f'<figure class="pva-chart"><svg viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="Staafdiagram {esc(estimate_heading(estimate))}: {esc(summary)}">{"".join(parts)}</svg>'
            f'<figcaption>Bedragen per {esc(plan.onderdeel_soort)} uit de tabel hierboven.</figcaption></figure>')


def money_summary(plan: m.Plan) -> str:
    """One short paragraph for a home card: what the figure is, who says it, its caveats, and any difference."""
    if plan.begroting is None or not plan.begroting.ramingen:
        return ""
    leading = plan.begroting.leidend
    sentences = []
    for kind, euros, ftes, circa in views.totals_by_kind(leading):
        if not euros:
            continue
        amount = f"{'circa ' if circa else ''}{euro(euros)}"
        if kind == "jaarlijks":
            years = {line.jaren for line in leading.regels if line.soort == "jaarlijks" and line.bedrag}
            amount += " per jaar" + (f", {years.pop()} jaar lang" if len(years) == 1 and None not in years else "")
        funding = {plan.begroting.dekking_naam(line.dekking) for line in leading.regels
                   if line.bedrag and (line.soort == "jaarlijks") == (kind == "jaarlijks")}
        funding_text = f", uit {', '.join(sorted(f for f in funding if f))}" if funding and None not in funding else ""
        sentences.append(f"{amount}{funding_text}")
    text = f"Geld ({leading.soort + ' in' if leading.soort else 'volgens'} {leading.door}): " + ("; ".join(sentences) or "geen bedrag") + "."
    # staff on a line of their own: a line with fte and an amount may pay that staff from the amount
    unfunded = sum((line.fte for line in leading.regels if line.fte and line.bedrag is None and not line.dekking),
                   Decimal(0))
    if unfunded:
        text += f" Verwacht daarnaast {fte(unfunded)} extra capaciteit; de bron noemt niet waaruit die betaald wordt."
    if leading.kanttekening:
        text += f" Het plan zegt: ‘{' '.join(leading.kanttekening.split())}’"
    return text
