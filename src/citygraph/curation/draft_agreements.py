"""An agreement's name or label from its sentence.

A named agreement's name is the capitalised phrase holding the agreement word
("Seoul Communiqué on Urban Policy for the SDGs"), or the quoted name holding
it; an unnamed one between two parties gets the label "MOU between Seoul and
Colombo", the word and the names as the text writes them.
"""

import re

__all__ = ["agreement_name", "agreement_label"]

_CAP = r"[A-Z][\w’'-]*"
_TAIL = rf"(?:\s+(?:(?:on|of|for|the|and|in)\s+)+{_CAP}(?:\s+{_CAP})*)*"


def agreement_name(text, start, end):
    """The name the text gives the agreement whose word is at ``text[start:end]``, or "".

    >>> text = "Seoul Communiqué on Urban Policy for the SDGs"
    >>> agreement_name(text, 6, 16)
    'Seoul Communiqué on Urban Policy for the SDGs'
    >>> agreement_name("Seoul and Colombo signed an MOU.", 28, 31)
    ''
    """
    word = re.escape(text[start:end])
    quoted = re.search(r"[“\"]([^”\"]+)[”\"]", text)
    if quoted and quoted.start(1) <= start and end <= quoted.end(1):
        return quoted.group(1)
    for m in re.finditer(rf"(?:{_CAP}\s+)+{word}{_TAIL}", text):
        if m.start() <= start and end <= m.end():
            return re.sub(r"^(?:The|A|An)\s+", "", m.group(0))
    return ""


def agreement_label(word, names):
    """The label of an unnamed agreement between two parties, or "".

    >>> agreement_label("MOU", ["Seoul", "Colombo"])
    'MOU between Seoul and Colombo'
    """
    return f"{word} between {names[0]} and {names[1]}" if len(names) == 2 else ""
