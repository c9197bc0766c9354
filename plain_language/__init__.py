"""A readability checker for Dutch at taalniveau B1: offline, per sentence, with advice staff can act on."""
from .checker import Finding, SentenceReport, Settings, TextReport, check_text

__all__ = ["Finding", "SentenceReport", "Settings", "TextReport", "check_text"]
