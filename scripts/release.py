"""Publish one reporting moment as a version of the site beside the earlier ones (`make release`).

    python scripts/release.py [--peildatum JJJJ-MM-DD] [--titel "Stand juni 2026"] [--map publicatie] [--proef]

What it does, in this order, and stops with a Dutch explanation at the first thing that is wrong:
1. the working tree has no uncommitted changes (a release belongs to one commit, which it tags);
2. the peildatum: given, else the date of the newest progress report; it must be later than the last release;
3. every summary is B1, then `mkdocs build --strict` (data, quotes, links) with PEILDATUM fixed to that date,
   SOURCE_DATE_EPOCH fixed to it too (so two builds of one release are byte-identical) and the earlier
   releases (their data taken from their git tags) for "Wat is er veranderd" and the feeds;
4. the PDF of every plan;
5. the result goes to <map>/<peildatum>/ beside the earlier versions, which are never touched; the root of
   <map> (index.html to the newest, standen.html, versies.js, the feeds) is written anew;
6. the commit is tagged stand-<peildatum> with the title as message.

Why not mike: mike keeps versions in a git branch and finds them with versions.json, which a browser may not
fetch from a folder (file://), so its version selector and "not the latest" banner stay empty offline.
Here the list is a script file (versies.js) that works from a folder and a web server alike; the versions
are plain folders, each rebuildable byte for byte from its tag.
"""
from __future__ import annotations

import argparse
import calendar
import datetime as _dt
import filecmp
import html
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from macros import release_info  # noqa: E402
from macros.dutch import datum  # noqa: E402
from macros.problems import PlanDataError  # noqa: E402
from publish import strict_build, summaries_are_b1  # noqa: E402



class ReleaseError(Exception):
    """A reason not to publish, in Dutch, with what to do."""


def _git(*args: str, check: bool = True) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    except FileNotFoundError:
        raise ReleaseError("git is niet geïnstalleerd. Oplossing: installeer git (apt-get install git).") from None
    if check and result.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)} lukte niet: {result.stderr.strip()}")
    return result.stdout


def _head() -> str:
    if _git("rev-parse", "--is-inside-work-tree", check=False).strip() != "true":
        raise ReleaseError("deze map is geen git-repository. Een publicatie hoort bij een vaste versie in git.\n"
                           "    Oplossing: publiceer vanuit een kloon van de repository.")
    return _git("rev-parse", "HEAD").strip()


def _uncommitted() -> list[str]:
    """Changed or new files that are not ignored: a release must be exactly what its tag holds."""
    return [line[3:] for line in _git("status", "--porcelain", "--untracked-files=all").splitlines() if line.strip()]


def earlier_releases() -> list[tuple[release_info.Stand, str]]:
    """Every release tagged in git, oldest first, with the commit it tags."""
    out = _git("for-each-ref", f"refs/tags/{release_info.TAG_PREFIX}*",
               "--format=%(refname:short)%09%(*objectname)%09%(objectname)%09%(contents:subject)")
    found = []
    for line in out.splitlines():
        tag, peeled, direct, subject = (line.split("\t") + ["", "", ""])[:4]
        slug = tag[len(release_info.TAG_PREFIX):]
        try:
            peildatum = _dt.date.fromisoformat(slug)
        except ValueError:
            continue  # a tag of another kind that happens to start with stand-
        stand = release_info.Stand(slug, subject.strip() or release_info.stand_title(peildatum), peildatum)
        found.append((stand, peeled or direct))
    return sorted(found, key=lambda pair: pair[0].peildatum)


def newest_report_date() -> _dt.date | None:
    from macros.loader import load_site

    try:
        site = load_site(ROOT / "data", ROOT)
    except PlanDataError as err:
        raise ReleaseError(f"de gegevens kloppen niet, dus er wordt niets gepubliceerd:\n{err}") from None
    dates = [r.peildatum for plan in site.plannen for r in plan.voortgangsrapportages]
    return max(dates) if dates else None


def _extract_data(tag: str, dest: Path) -> Path:
    """The data/ folder as the release tagged `tag` had it."""
    archive = subprocess.run(["git", "archive", "--format=tar", tag, "data"], cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        raise ReleaseError(f"de gegevens van {tag} zijn niet uit git te halen: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "data"


def _epoch(day: _dt.date) -> str:
    return str(calendar.timegm(day.timetuple()))


def _same_tree(a: Path, b: Path) -> bool:
    left = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    right = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return left == right and all(filecmp.cmp(a / p, b / p, shallow=False) for p in left)


def _site_name() -> str:
    from macros.yaml_source import ConfigLoader, load_yaml

    config = load_yaml(ROOT / "mkdocs.yml", Path("mkdocs.yml"), ConfigLoader)
    return str(config.get("site_name") or "Plannen van aanpak")


def _versions(folder: Path, known: list[release_info.Stand]) -> list[release_info.Stand]:
    """The versions in the publication folder, newest first: those tagged in git, as far as they are there."""
    return sorted((s for s in known if (folder / s.slug / "index.html").exists()),
                  key=lambda s: s.peildatum, reverse=True)


def write_root(folder: Path, versions: list[release_info.Stand], site_name: str) -> None:
    """The few files above the versions: they change with each release, the versions never do."""
    newest = versions[0]
    e = html.escape
    listing = {"nieuwste": newest.slug, "standen": [
        {"slug": s.slug, "titel": s.titel, "peildatum": s.peildatum.isoformat(), "peildatum_tekst": datum(s.peildatum)}
        for s in versions]}
    text = json.dumps(listing, ensure_ascii=False, indent=1)
    (folder / "versies.json").write_text(text + "\n", encoding="utf-8")
    (folder / "versies.js").write_text(
        "/* Alle standen van deze site, de nieuwste eerst. Geschreven door scripts/release.py bij elke publicatie;\n"
        "   een script en geen JSON, zodat het ook werkt als de site uit een map wordt geopend. */\n"
        f"window.pvaStanden = {text};\n", encoding="utf-8")
    def head(up: str = "") -> str:  # up: how the page reaches the root of publicatie/ ("" or, for 404.html, "/")
        return ('<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'; '
                "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'\">\n"
                f'<link rel="stylesheet" href="{up}standen.css">\n'
                f'<link rel="icon" href="{up}{e(newest.slug)}/assets/images/favicon.png">\n')
    feeds = (f'<link rel="alternate" type="application/atom+xml" title="{e(site_name)}: wat is er veranderd" '
             'href="feeds/alle.xml">\n') if (folder / "feeds" / "alle.xml").exists() else ""
    (folder / "index.html").write_text(
        f'<!doctype html>\n<html lang="nl">\n<head>\n{head()}{feeds}'
        f'<meta http-equiv="refresh" content="0; url={e(newest.slug)}/index.html">\n'
        f'<title>{e(site_name)}</title>\n</head>\n<body>\n<main>\n<h1>{e(site_name)}</h1>\n'
        f'<p>U gaat naar de nieuwste stand: <a href="{e(newest.slug)}/index.html">{e(newest.titel)}</a>.</p>\n'
        '<p><a href="standen.html">Alle standen</a></p>\n</main>\n</body>\n</html>\n', encoding="utf-8")
    items = []
    for stand in versions:
        extra = []
        if (folder / stand.slug / "wat-is-er-veranderd.html").exists():
            extra.append(f'<a href="{e(stand.slug)}/wat-is-er-veranderd.html">wat is er veranderd</a>')
        if (folder / stand.slug / "open-data.html").exists():
            extra.append(f'<a href="{e(stand.slug)}/open-data.html">open data</a>')
        label = " (nieuwste)" if stand is newest else ""
        items.append(f'<li><a href="{e(stand.slug)}/index.html">{e(stand.titel)}</a>{label}. '
                     f'Peildatum {e(datum(stand.peildatum))}.' + (f" Zie ook: {', '.join(extra)}." if extra else "")
                     + "</li>")
    (folder / "standen.html").write_text(
        f'<!doctype html>\n<html lang="nl">\n<head>\n{head()}{feeds}<title>Alle standen - {e(site_name)}</title>\n'
        f'</head>\n<body>\n<main>\n<h1>Alle standen</h1>\n'
        f'<p class="in-het-kort">Twee keer per jaar komt er een nieuwe stand van de plannen. Hier staan alle standen. '
        f'De bovenste is de nieuwste. Een oude stand blijft zoals hij was.</p>\n'
        f'<ul>\n' + "\n".join(items) + '\n</ul>\n'
        f'<p><a href="{e(newest.slug)}/index.html">Naar de nieuwste stand</a></p>\n</main>\n</body>\n</html>\n',
        encoding="utf-8")
    # Addresses outside every version: links from the server's root, where publicatie/ is served.
    (folder / "404.html").write_text(
        f'<!doctype html>\n<html lang="nl">\n<head>\n{head("/")}<title>Pagina niet gevonden - {e(site_name)}</title>\n'
        '</head>\n<body>\n<main>\n<h1>Deze pagina bestaat niet</h1>\n'
        '<p>Op dit adres staat geen pagina. Misschien is het adres niet goed getypt. Of de pagina is verplaatst.</p>\n'
        f'<p>Ga naar de <a href="/{e(newest.slug)}/index.html">nieuwste stand</a> of bekijk '
        '<a href="/standen.html">alle standen</a>.</p>\n</main>\n</body>\n</html>\n', encoding="utf-8")
    (folder / "standen.css").write_text(
        "body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 40rem; "
        "padding: 1rem; color: #1a1a1a; }\n"
        "a { color: #2d3a8c; }\na:focus-visible { outline: 3px solid #2d3a8c; outline-offset: 2px; }\n"
        "li { margin-bottom: .5rem; }\n", encoding="utf-8")
    newest_feeds = folder / newest.slug / "feeds"
    if newest_feeds.is_dir():  # one address to subscribe to, always the newest feed
        shutil.rmtree(folder / "feeds", ignore_errors=True)
        shutil.copytree(newest_feeds, folder / "feeds")


def post_build(site: Path, publication: release_info.Publication) -> None:
    """What a release adds after the build: the PDF of every plan, linked from the plan's page."""
    from plan_pdf import PlanPdfError, make_plan_pdfs  # noqa: PLC0415  (prints with Chromium: only a release does)

    try:
        make_plan_pdfs(site, ROOT, publication.stand.peildatum, publication=publication)
    except PlanPdfError as err:
        raise ReleaseError(f"de PDF's zijn niet gemaakt, dus er is niets gepubliceerd.\n{err}") from None


def release(peildatum: _dt.date | None, titel: str | None, folder: Path, proef: bool) -> Path:
    head = _head()
    dirty = _uncommitted()
    if dirty and not proef:
        raise ReleaseError(
            "er zijn wijzigingen die nog niet in git staan:\n" + "\n".join(f"      {f}" for f in dirty[:20]) +
            "\n    Oplossing: commit ze eerst (of zet ze opzij met git stash). Een publicatie hoort bij één vaste "
            "versie, die de publicatie in git een label geeft.")
    if peildatum is None:
        peildatum = newest_report_date()
        if peildatum is None:
            raise ReleaseError("er is nog geen voortgangsrapportage, dus geen datum om de stand op te zetten.\n"
                               "    Oplossing: geef de peildatum mee: make release PEILDATUM=2026-06-30")
    stand = release_info.stand_on(peildatum, titel)
    tagged = earlier_releases()
    same = [(s, commit) for s, commit in tagged if s.slug == stand.slug]
    if same and same[0][1] != head:
        raise ReleaseError(
            f"{stand.tag} is al gepubliceerd, vanaf een andere versie ({same[0][1][:10]}).\n"
            f"    Oplossing: kies een andere peildatum, of bouw die stand opnieuw vanaf zijn eigen versie: "
            f"git checkout {stand.tag}")
    if same:
        stand = release_info.Stand(stand.slug, same[0][0].titel, stand.peildatum)  # a rebuild keeps its title
    earlier = [s for s, _ in tagged if s.peildatum < stand.peildatum]
    later = [s for s, _ in tagged if s.peildatum > stand.peildatum]
    if later:
        raise ReleaseError(f"er is al een nieuwere stand gepubliceerd: {later[-1].titel} ({later[-1].tag}).\n"
                           "    Oplossing: kies een peildatum na die van de laatste publicatie.")
    if not summaries_are_b1():
        raise ReleaseError("er is niets gepubliceerd.")
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".publicatie-", dir=folder) as work:
        work = Path(work)
        eerdere = tuple(release_info.EarlierStand(s.slug, s.titel, s.peildatum, _extract_data(s.tag, work / s.slug))
                        for s in earlier)
        publication = release_info.Publication(stand, eerdere)
        description = work / "publicatie.json"
        description.write_text(release_info.to_json(publication), encoding="utf-8")
        built = work / "site"
        problems = strict_build(built, {"PEILDATUM": peildatum.isoformat(),
                                        "SOURCE_DATE_EPOCH": _epoch(peildatum),
                                        release_info.ENVIRONMENT: str(description)})
        if problems is not None:
            raise ReleaseError(f"de site is niet gebouwd, dus er is niets gepubliceerd.\n{problems}")
        post_build(built, publication)
        if proef:
            target = folder.with_name(folder.name + "-proef") / stand.slug  # never inside what goes online
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(target, ignore_errors=True)
            built.rename(target)
            print(f"Proef van {stand.titel} staat in {target}. Er is niets gepubliceerd en niets gelabeld.")
            return target
        target = folder / stand.slug
        if target.exists():
            if not _same_tree(built, target):
                raise ReleaseError(
                    f"{target} bestaat al en is anders dan wat deze versie nu bouwt. Een gepubliceerde stand "
                    "verandert nooit.\n    Oplossing: laat de map zoals hij is; publiceer wijzigingen als een "
                    "nieuwe stand met een latere peildatum.")
            print(f"{stand.titel} was al gepubliceerd in {target}; opnieuw gebouwd is hij byte voor byte gelijk.")
            return target
        built.rename(target)
    if not same:
        try:
            _git("tag", "-a", stand.tag, "-m", stand.titel, head)
        except ReleaseError as err:
            raise ReleaseError(f"de versie staat in {target}, maar het label in git lukte niet: {err}\n    Oplossing: "
                               "stel uw naam in git in (git config user.name ...; git config user.email ...), haal "
                               f"de map {target} weg en publiceer opnieuw.") from None
    versions = _versions(folder, [*earlier, stand])
    write_root(folder, versions, _site_name())
    missing = [s.titel for s in earlier if not (folder / s.slug).exists()]
    print(f"Gepubliceerd: {stand.titel} (peildatum {datum(stand.peildatum)}) in {target}, met label {stand.tag}.\n"
          f"Zet de hele map {folder} op de webserver (zie hosting/README.md); eerdere standen blijven staan.")
    if missing:
        print("Let op: deze eerdere standen staan niet in de map: " + ", ".join(missing) +
              ". Bouw ze opnieuw vanaf hun label (git checkout stand-…; make release PEILDATUM=…).")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publiceer een stand van de plannen als nieuwe versie van de site.")
    parser.add_argument("--peildatum", help="JJJJ-MM-DD; leeg: de datum van de nieuwste voortgangsrapportage")
    parser.add_argument("--titel", help='leeg: "Stand <maand> <jaar>"')
    parser.add_argument("--map", type=Path, default=Path("publicatie"), help="waar de versies staan")
    parser.add_argument("--proef", action="store_true",
                        help="alleen bouwen, in <map>-proef/<datum>: geen versie, geen label")
    args = parser.parse_args(argv)
    try:
        peildatum = _dt.date.fromisoformat(args.peildatum) if args.peildatum else None
    except ValueError:
        print(f"De peildatum '{args.peildatum}' is geen geldige datum.\n    Oplossing: schrijf JJJJ-MM-DD, "
              "bijvoorbeeld 2026-06-30.", file=sys.stderr)
        return 1
    try:
        release(peildatum, args.titel or None, args.map, args.proef)
    except ReleaseError as err:
        print(f"Niet gepubliceerd: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
