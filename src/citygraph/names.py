"""Name folding shared by the gazetteer and the importers: one key per spelling family."""

import re
import unicodedata

from unidecode import unidecode

__all__ = ["fold_name", "strip_qualifier"]

_QUALIFIER = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*")


def strip_qualifier(name):
    """Drop a parenthesised qualifier: "Halle (Saale)" -> "Halle".

    >>> strip_qualifier("Mitte (Berlin)")
    'Mitte'
    >>> strip_qualifier("Tokyo")
    'Tokyo'
    """
    return _QUALIFIER.sub(" ", name).strip()


def fold_name(name):
    """Fold case, accents, punctuation and spacing so that spelling variants meet.

    >>> fold_name("Hồ Chí Minh")
    'ho chi minh'
    >>> fold_name("  Saint-Étienne ")
    'saint etienne'
    >>> fold_name("Yuxin'ou")
    'yuxinou'
    """
    text = unicodedata.normalize("NFKC", name)
    text = unidecode(text).lower()
    text = text.replace("'", "").replace("`", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()
