"""Sentences the core words for the therapist, kept translatable without Qt.

The core may not import Qt (nor ``nmt_bodymap.ui``), so it cannot call ``tr``. It returns a
:class:`Wording` instead: an English template with named figures. The UI passes its ``tr``
to :meth:`Wording.text` and gets the sentence in the therapist's language; the CLI and the
logs call ``text()`` and get English. Templates are marked with :func:`tr_noop` so
``tools/i18n_extract.py`` (which looks for calls named ``tr``/``tr_noop`` anywhere in the
package) puts them in the Linguist catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


def tr_noop(text: str) -> str:
    """Marks ``text`` as a template for the catalogue (Qt's QT_TR_NOOP); returns it as is."""
    return text


def plain_number(value: float) -> str:
    """ "30", "1.5": a figure without trailing zeros (English decimal point)."""
    return f"{value:g}"


@dataclass(frozen=True)
class Wording:
    """An English ``template`` with ``{name}`` placeholders and the figures that fill them."""

    template: str
    figures: dict[str, float] = field(default_factory=dict)

    def text(
        self,
        translate: Callable[[str], str] = lambda s: s,
        number: Callable[[float], str] = plain_number,
    ) -> str:
        """The sentence: ``translate`` (the UI's ``tr``) applied to the template, the figures
        written by ``number`` (the UI writes them in the therapist's locale)."""
        return translate(self.template).format(
            **{name: number(value) for name, value in self.figures.items()}
        )

    def __str__(self) -> str:
        return self.text()
