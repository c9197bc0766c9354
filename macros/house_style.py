"""The municipality's house style from mkdocs.yml (extra.huisstijl): colours and logo, checked before use.

Another municipality changes its colours and logo in one place. A colour that would make text unreadable
is refused with the measured contrast, so a house style can never undo the site's WCAG checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .dutch import getal

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.2: 4.5:1 for text (white header text on the colour, links in the colour on white), 3:1 for the
# parts that are no text (focus rings and hover marks in the accent colour).
TEXT_CONTRAST, MARK_CONTRAST = 4.5, 3.0
DEFAULT_COLOUR, DEFAULT_ACCENT = "#4051b5", "#526cfe"  # Material's indigo: the site as it always was
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    dark, light = sorted((luminance(first), luminance(second)))
    return (light + 0.05) / (dark + 0.05)


def _mix(colour: str, other: str, share: float) -> str:
    """colour with share of other mixed in: the lighter and darker shades Material uses for hover."""
    mixed = (round(int(colour[i:i + 2], 16) * (1 - share) + int(other[i:i + 2], 16) * share) for i in (1, 3, 5))
    return "#" + "".join(f"{part:02x}" for part in mixed)


@dataclass(frozen=True)
class HouseStyle:
    kleur: str = DEFAULT_COLOUR
    accentkleur: str = DEFAULT_ACCENT
    logo: str | None = None  # a path under docs/

    def css(self) -> str:
        k, a = self.kleur.lower(), self.accentkleur.lower()
        return ("/* Gemaakt uit mkdocs.yml (extra.huisstijl) door macros/house_style.py: niet met de hand wijzigen. */\n"
                f"[data-md-color-primary=custom] {{\n  --md-primary-fg-color: {k};\n"
                f"  --md-primary-fg-color--light: {_mix(k, WHITE, 0.15)};\n"
                f"  --md-primary-fg-color--dark: {_mix(k, '#000000', 0.2)};\n"
                "  --md-primary-bg-color: #fff;\n  --md-primary-bg-color--light: #ffffffb3;\n"
                f"  --md-typeset-a-color: {k};\n}}\n"
                f"[data-md-color-accent=custom] {{\n  --md-accent-fg-color: {a};\n"
                f"  --md-accent-fg-color--transparent: {a}1a;\n"
                "  --md-accent-bg-color: #fff;\n  --md-accent-bg-color--light: #ffffffb3;\n}\n")


def _ratio(value: float) -> str:
    return getal(round(value, 2)) + ":1"


def house_style(settings, docs_dir: Path) -> tuple[HouseStyle, list[tuple[str, str, str]]]:
    """The house style and the problems with it, each (the setting, what is wrong, what to do), in Dutch."""
    if settings is None:
        return HouseStyle(), []
    if not isinstance(settings, dict):
        return HouseStyle(), [("huisstijl", "'huisstijl' moet een blok met 'kleur', 'accentkleur' en 'logo' zijn.",
                               "Zet de drie instellingen eronder, elk op een eigen regel met twee spaties ervoor.")]
    problems = []
    unknown = sorted(set(settings) - {"kleur", "accentkleur", "logo"})
    for key in unknown:
        problems.append((key, f"'{key}' is geen instelling van de huisstijl.", "Gebruik kleur, accentkleur of logo."))
    colours = {}
    for key, default, least, use in (
            ("kleur", DEFAULT_COLOUR, TEXT_CONTRAST, "witte tekst in de kopbalk en links op een witte achtergrond"),
            ("accentkleur", DEFAULT_ACCENT, MARK_CONTRAST, "de rand om wat de toetsenbordfocus heeft")):
        value = settings.get(key) or default
        if not isinstance(value, str) or not _HEX.match(value):
            problems.append((key, f"'{key}: {value}' is geen kleurcode.",
                             f"Schrijf de kleur als # met zes tekens 0-9 en a-f, tussen aanhalingstekens, "
                             f"bijvoorbeeld {key}: \"{default}\"."))
            value = default
        elif contrast(value, WHITE) < least:
            problems.append((key, f"'{key}: {value}' heeft te weinig contrast met wit: {_ratio(contrast(value, WHITE))}, "
                             f"terwijl {_ratio(least)} nodig is voor {use}.",
                             "Kies een donkerdere tint van de kleur. Een contrastmeter, zoals die van WebAIM, "
                             "laat zien welke tint genoeg contrast heeft."))
            value = default
        colours[key] = value
    logo = settings.get("logo") or None
    if logo is not None:
        path = docs_dir / str(logo)
        if not isinstance(logo, str) or Path(logo).suffix.lower() not in LOGO_TYPES:
            problems.append(("logo", f"'logo: {logo}' is geen afbeelding.",
                             f"Gebruik een bestand dat eindigt op {', '.join(LOGO_TYPES)}, bijvoorbeeld "
                             "assets/logo.svg."))
            logo = None
        elif not path.is_file():
            problems.append(("logo", f"het logo docs/{logo} bestaat niet.",
                             f"Zet het bestand in docs/{Path(logo).parent.as_posix()}/, of verbeter de naam achter "
                             "'logo:'. De naam is vanaf de map docs/, bijvoorbeeld assets/logo.svg."))
            logo = None
    return HouseStyle(colours["kleur"], colours["accentkleur"], logo), problems
