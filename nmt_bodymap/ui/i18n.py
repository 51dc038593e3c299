"""Translations: every user-visible string goes through :func:`tr`.

One translation context ("nmt_bodymap") for the whole app, so moving code between
modules never loses a translation. The catalogue is a Qt Linguist file,
``nmt_bodymap/i18n/nmt_bodymap_<lang>.ts``, read directly by :class:`TsTranslator`
(no compile step: the wheel, the source tree and the frozen bundle all carry the
``.ts`` itself). Qt's own strings (standard buttons, context menus, file dialogs)
come from ``qtbase_<lang>.qm`` in PySide6's translations folder when it is there.

``tr`` is looked up when a widget is built, so the language is chosen at start
(``install_language`` from ``ui/app.py``); a change in Settings applies on restart.
"""

from __future__ import annotations

import logging
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

CONTEXT = "nmt_bodymap"
CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "i18n"
log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_start_locale: list[QLocale] = []


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the therapist's language (itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def tr_noop(text: str, disambiguation: str | None = None) -> str:
    """Marks ``text`` for the catalogue without translating it (Qt's QT_TR_NOOP): for
    tables built at import time; show the value later with ``tr(value[, disambiguation])``."""
    return text


def catalogue_path(code: str) -> Path:
    return CATALOGUE_DIR / f"{CONTEXT}_{code}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(source, disambiguation) -> translation for the finished messages of ``path``.

    Unfinished, obsolete and empty translations are left out (Qt then shows English).
    """
    messages: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        if (context.findtext("name") or "") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.get("type") in ("vanished",):
                continue
            text = translation.text or ""
            if not text:
                continue
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            messages[(source, comment)] = text
    return messages


class TsTranslator(QTranslator):
    """A QTranslator that answers from a Linguist ``.ts`` file read at start."""

    def __init__(self, messages: dict[tuple[str, str], str], language: str) -> None:
        super().__init__()
        self._messages = messages
        self._language = language

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None = a null QString: Qt asks the next translator, then shows the source text
        if context != CONTEXT:
            return None
        return self._messages.get((source_text, disambiguation or ""))

    def isEmpty(self) -> bool:
        return not self._messages

    def language(self) -> str:
        return self._language


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own catalogues (``qtbase_de.qm``) may be: Qt's configured folder first,
    then PySide6's own (a PyInstaller bundle keeps them in ``PySide6/Qt/translations``
    and Qt's configured path may point elsewhere when frozen)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    found = [qt_translations_dir(), package / "Qt" / "translations", package / "translations"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    return list(dict.fromkeys(found))


def load_qt_own(code: str) -> QTranslator | None:
    """Qt's own translation of ``code`` (standard buttons, context menus), or None."""
    for folder in qt_translation_dirs():
        translator = QTranslator()
        if translator.load(f"qtbase_{code}", str(folder)):
            return translator
    return None


def self_check(app: QCoreApplication, code: str = "de") -> str:
    """Prove the frozen app can speak ``code``: our catalogue and Qt's own both load
    (``nmt-bodymap self-test``). English is installed again afterwards."""
    try:
        if not install_language(app, code):
            raise RuntimeError(f"the {code} catalogue was not found in {CATALOGUE_DIR}")
        ours = tr("&File")
        theirs = QCoreApplication.translate("QPlatformTheme", "Cancel")
    finally:
        install_language(app, "en")
    if ours == "&File":
        raise RuntimeError(f"the {code} catalogue was read but translates nothing")
    if theirs == "Cancel":
        raise RuntimeError(f"Qt's own qtbase_{code}.qm was not found")
    messages = len(read_ts(catalogue_path(code)))
    return f"{code}: {messages} texts; Qt's own buttons too ({ours!r}, {theirs!r})"


def install_language(app: QCoreApplication, code: str) -> bool:
    """Make ``code`` the language of every later ``tr``; True when a catalogue was found.

    English (or an unknown code) removes what an earlier call installed.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if not _start_locale:
        _start_locale.append(QLocale())
    if code == "en":
        QLocale.setDefault(_start_locale[0])
        return True
    path = catalogue_path(code)
    try:
        messages = read_ts(path)
    except (OSError, ET.ParseError) as exc:
        log.warning("no catalogue for language %s: %s", code, type(exc).__name__)
        return False
    ours = TsTranslator(messages, code)
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = load_qt_own(code)
    if qt_own is not None:
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info("Qt's own %s translation not found; its standard texts stay English", code)
    QLocale.setDefault(QLocale(code))
    return True


def long_datetime(moment: datetime) -> str:
    """A visit's date and time in the therapist's language ("Wednesday 02 December 2026,
    09:30"; German "Mittwoch, 2. Dezember 2026, 09:30")."""
    when: Any = moment  # PySide6 converts a datetime; its stubs do not say so
    return QLocale().toString(QDateTime(when), tr("dddd dd MMMM yyyy, HH:mm"))
