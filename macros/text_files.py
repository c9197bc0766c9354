"""Reading the files staff save: UTF-8 with or without a BOM, any line ending; anything else explained in Dutch.

Editors on Windows still save as "ANSI" (Windows-1252) or "Unicode" (UTF-16) now and then. Guessing the
encoding would publish a wrong letter sooner or later, so such a file is refused, with the line where the
first unreadable letter stands and how to save the file again.
"""
from __future__ import annotations

from pathlib import Path

_SAVE_AS_UTF8 = ("Sla het bestand opnieuw op als UTF-8. In VS Code: klik rechtsonder in de statusbalk op "
                 "de codering, kies 'Save with Encoding' en dan 'UTF-8'. In Kladblok: 'Opslaan als' en bij "
                 "'Codering' kies 'UTF-8'.")


class NotUtf8(ValueError):
    """A file that is not UTF-8 text: where, what, and how to fix it, in Dutch."""

    def __init__(self, shown: str, line: int | None, message: str):
        self.shown, self.line, self.message, self.fix = shown, line, message, _SAVE_AS_UTF8
        super().__init__(f"{shown}{f', regel {line}' if line else ''}: {message}\n    Oplossing: {self.fix}")


def read_text(path: Path, shown: str | Path | None = None) -> str:
    """The text of a file saved as UTF-8, without a BOM; lines end in \\n whatever the editor wrote."""
    data = Path(path).read_bytes()
    shown = str(shown or path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotUtf8(shown, None, "het bestand is opgeslagen als UTF-16 ('Unicode'), niet als UTF-8.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        start = data.rfind(b"\n", 0, err.start) + 1
        end = data.find(b"\n", err.start)
        before = data[max(start, err.start - 40):err.start].decode("cp1252", "replace").lstrip()
        after = data[err.start:end if end >= 0 else len(data)][:40].decode("cp1252", "replace").rstrip()
        raise NotUtf8(shown, line, "het bestand is niet opgeslagen als UTF-8 (waarschijnlijk als 'ANSI', "
                      "Windows-1252). Op deze regel staat een letter die de site niet kan lezen, aan het begin "
                      f"van '{after}'" + (f", na '{before}'" if before else "") + ".") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
