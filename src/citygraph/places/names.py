"""Name folding shared by the gazetteer and the importers: one key per spelling family."""

import re
import unicodedata

from unidecode import unidecode

__all__ = ["fold_name", "strip_qualifier", "qualifiers", "is_latin"]

_QUALIFIER = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*")


def strip_qualifier(name):
    """Drop a parenthesised qualifier: "Halle (Saale)" -> "Halle".

    >>> strip_qualifier("Mitte (Berlin)")
    'Mitte'
    >>> strip_qualifier("Tokyo")
    'Tokyo'
    """
    return _QUALIFIER.sub(" ", name).strip()


def qualifiers(name):
    """The parenthesised qualifiers of a name, in order: "Halle (Saale)" -> ["Saale"].

    >>> qualifiers("Mitte (Berlin)")
    ['Berlin']
    >>> qualifiers("Tokyo")
    []
    """
    return [q.strip() for q in re.findall(r"[\(\[]([^\)\]]*)[\)\]]", name) if q.strip()]


_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f\u0300-\u036f]")


def is_latin(name):
    """True when a name is written in Latin script (accents allowed).

    >>> is_latin("Zürich"), is_latin("Ханой"), is_latin("海口")
    (True, False, False)
    """
    return _NOT_LATIN.search(name) is None


_ASCII_DROP = re.compile(r"['`]")
_ASCII_SPLIT = re.compile(r"[^a-z0-9]+")


def fold_name(name):
    """Fold case, accents, punctuation and spacing so that spelling variants meet.

    >>> fold_name("Hồ Chí Minh")
    'ho chi minh'
    >>> fold_name("  Saint-Étienne ")
    'saint etienne'
    >>> fold_name("Yuxin'ou")
    'yuxinou'
    """
    if name.isascii():
        return _ASCII_SPLIT.sub(" ", _ASCII_DROP.sub("", name.lower())).strip()
    text = unicodedata.normalize("NFKC", name)
    text = unidecode(text).lower()
    text = text.replace("'", "").replace("`", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()
