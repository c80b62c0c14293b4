"""Simple queries answered in the web process itself, without a query worker.

Most of what an endpoint is asked is a lookup: one triple pattern, such as a
place's labels. Sending it to a query worker and back costs the server several
times what the lookup itself costs, so the web process holds each store
version open read-only too and answers such a query at once.

Only a query whose work is bounded runs here, since a query running in the web
process cannot be cancelled: :func:`is_simple` accepts a SELECT or ASK of
exactly one triple pattern (no paths, no repeated variable, no FILTER,
DISTINCT, ORDER BY, OFFSET, FROM, ...), where every row Oxigraph gives comes
from one index step. Past :data:`INLINE_ROWS` rows the answer is left to a
query worker, which runs it within the time limit, as every other query.
"""

import functools
import re

from citygraph.web.pool import ResultLimit
from citygraph.web.protocol import ResultTooLarge, evaluate

__all__ = ["is_simple", "answer", "INLINE_ROWS"]

#: the most rows a query answered in the web process may give; a larger answer is the
#: workers' (under a millisecond of the web process is lost finding that out), so that no
#: answer holds the web process for long
INLINE_ROWS = 100

#: the longest query text whose verdict is kept (clients repeat their short queries)
_KEPT_LENGTH = 4000

_TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<comment>\#[^\n]*)
    |(?P<iri><[^<>"{}|^`\\\s]*>)
    |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    |(?P<datatype>\^\^)
    |(?P<var>[?$][A-Za-z0-9_]+)
    |(?P<pname>(?:[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?:
        (?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?)
    |(?P<number>[0-9]+)
    |(?P<word>[A-Za-z]+)
    |(?P<punct>[{}.*])""",
    re.VERBOSE,
)


def _tokens(text):
    """(kind, text, start, end) of each token but spaces and comments; None when some
    character is none of the tokens a simple query is made of."""
    tokens, position = [], 0
    for match in _TOKEN.finditer(text):
        if match.start() != position:
            return None
        position = match.end()
        if match.lastgroup not in ("space", "comment"):
            tokens.append((match.lastgroup, match.group(), match.start(), match.end()))
    return tokens if position == len(text) else None


def _term(tokens, i, place):
    """(index after the term at ``tokens[i]``, the variable's name or None); None when no
    term a simple triple may have in ``place`` (0 subject, 1 predicate, 2 object) is
    there."""
    kind, text = tokens[i][0], tokens[i][1]
    if kind == "var":
        return i + 1, text[1:]
    if kind in ("iri", "pname"):
        return i + 1, None
    if place == 1:
        return (i + 1, None) if (kind, text) == ("word", "a") else None
    if place == 2 and kind == "number":
        return i + 1, None
    if place == 2 and kind == "word" and text in ("true", "false"):
        return i + 1, None
    if place == 2 and kind == "string":
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after and after[0] == "lang" and after[2] == tokens[i][3]:
            return i + 2, None
        if after and after[0] == "datatype" and after[2] == tokens[i][3]:
            last = tokens[i + 2] if i + 2 < len(tokens) else None
            if last and last[0] in ("iri", "pname") and last[2] == after[3]:
                return i + 3, None
            return None
        return i + 1, None
    return None


def _word(tokens, i, *words):
    return i < len(tokens) and tokens[i][0] == "word" and tokens[i][1].upper() in words


def is_simple(text):
    """Whether a query is one that the web process answers itself: SELECT (variables or
    ``*``) or ASK of one triple pattern, its three terms apart, no variable twice, at most
    a LIMIT after it; PREFIX and BASE before.

    >>> is_simple("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    ...           "SELECT ?label WHERE { <http://e/seoul> rdfs:label ?label . } LIMIT 10")
    True
    >>> is_simple('ASK { ?s a <http://e/City> }'), is_simple('SELECT * { ?s ?p "Seoul"@en }')
    (True, True)
    >>> [is_simple(q) for q in ("SELECT * { ?s ?s ?o }", "SELECT * { ?s <http://e/p>* ?o }",
    ...  "SELECT DISTINCT ?p { ?s ?p ?o }", "SELECT * { ?s ?p ?o . ?o ?q ?r }",
    ...  "SELECT * FROM <http://e/g> { ?s ?p ?o }", "SELECT * { ?s ?p ?o } OFFSET 5",
    ...  "SELECT * { ?s ?p ?o FILTER(?o > 1) }", "SELECT * { ?s ?p ?o } ORDER BY ?o")]
    [False, False, False, False, False, False, False, False]
    """
    return _simple_kept(text) if len(text) <= _KEPT_LENGTH else _simple(text)


def _simple(text):
    tokens = _tokens(text)
    if not tokens:
        return False
    i = 0
    while _word(tokens, i, "PREFIX", "BASE"):
        if tokens[i][1].upper() == "PREFIX":
            if not (i + 2 < len(tokens) and tokens[i + 1][0] == "pname"
                    and tokens[i + 1][1].endswith(":") and tokens[i + 2][0] == "iri"):
                return False
            i += 3
        else:
            if not (i + 1 < len(tokens) and tokens[i + 1][0] == "iri"):
                return False
            i += 2
    if _word(tokens, i, "SELECT"):
        i += 1
        if i < len(tokens) and tokens[i][1] == "*":
            i += 1
        else:
            start = i
            while i < len(tokens) and tokens[i][0] == "var":
                i += 1
            if i == start:
                return False
    elif _word(tokens, i, "ASK"):
        i += 1
    else:
        return False
    if _word(tokens, i, "WHERE"):
        i += 1
    if not (i < len(tokens) and tokens[i][1] == "{"):
        return False
    i += 1
    names = []
    for place in range(3):
        if i >= len(tokens) or (place and tokens[i][2] == tokens[i - 1][3]):
            return False  # terms side by side, without a space, could be read as a path
        term = _term(tokens, i, place)
        if term is None:
            return False
        i, name = term
        if name is not None:
            names.append(name)
    if len(set(names)) != len(names):
        return False
    if i < len(tokens) and tokens[i][1] == ".":
        i += 1
    if not (i < len(tokens) and tokens[i][1] == "}"):
        return False
    i += 1
    if _word(tokens, i, "LIMIT") and i + 1 < len(tokens) and tokens[i + 1][0] == "number":
        i += 2
    return i == len(tokens)


_simple_kept = functools.lru_cache(maxsize=1024)(_simple)


#: the dataset of a simple query: it names none (no FROM), nor does the request
_UNION = {"use_default_graph_as_union": True}


def answer(store, message):
    """(media type, body) of a ``("protocol", ...)`` message (see
    :func:`citygraph.web.protocol.evaluate`) answered with ``store`` in this process, or None
    when it is for a query worker: not :func:`is_simple`, a dataset given by the protocol,
    or more than :data:`INLINE_ROWS` rows. Raises as a worker's answer does."""
    _, text, accept, default_graphs, named_graphs, max_rows, base_iri = message
    if store is None or default_graphs or named_graphs or not is_simple(text):
        return None
    most = INLINE_ROWS if max_rows is None else min(max_rows, INLINE_ROWS)
    try:
        return evaluate(store, text, accept, (), (), most, base_iri, _UNION)
    except ResultTooLarge:
        if max_rows is not None and max_rows <= INLINE_ROWS:
            raise ResultLimit(max_rows) from None
        return None
