"""Update the inferred graph for a change of the asserted triples: delete and re-derive.

A full run of the rules reads everything; after a change of a few files only
what the change can reach needs deriving again. The steps, on the store itself
(each rule is a SPARQL CONSTRUCT, bound to the changed terms with VALUES):

1. **Over-delete**, on the store as it was: the inferred triples a rule
   derives with one of its patterns bound to a removed triple, then to those
   inferred triples in turn, until nothing more follows. That is a superset of
   the inferred triples whose derivation may use a removed triple.
2. The change is applied (by the caller), and the over-deleted triples leave
   the inferred graph.
3. **Re-derive**: of the over-deleted triples (and the removed asserted ones,
   which may still follow from the rest), those a rule derives in one step
   from what remains, its template bound to the triple itself, come back.
4. **Insert**, semi-naive: the rules with a pattern bound to an added or a
   re-derived triple add what they newly derive, then again for what that
   added, until nothing new follows.

A pattern is bound by a VALUES row of its variables, so a rule runs on the
matches that read the changed triple, not on everything. A triple read inside
a property path (``cg:partOf+``) binds the path's subject: a chain
``a → x → y → c`` through the changed ``x → y`` is also the match
``a → x`` (inferred), ``x →+ c``, with ``x`` bound. The project's rules are
of that kind: their paths are transitive closures the rules materialize, or
the class and property hierarchies read with the instances (an instance of a
subclass has the inferred type of every class above it). The incremental build
tests and ``bench/bench_store.py --edit-loop`` compare the result with a full
build.

A rule qualifies when it is ``CONSTRUCT { template } WHERE { ... }`` and each
``NOT EXISTS`` in it only guards a triple of its template (a rule that reads
an absence can lose a triple by an addition) and its WHERE holds only triple
patterns, UNIONs, filters and one-property paths. Blank nodes cannot be bound
by VALUES, so a changed triple that a pattern matches with blank nodes only
sends the build back to the full run, as does a change beyond :data:`LIMIT`
triples.
"""

import re
from dataclasses import dataclass

import pyoxigraph as ox

from citygraph.graph.inference import (
    _TYPE_IRI,
    _block_end,
    _template,
    _uncommented,
)
from citygraph.graph.sparql_base import inject_rows, syntax_error

__all__ = ["LIMIT", "Rule", "prepare", "unbindable", "over_delete", "rederive", "insert"]

#: changed or over-deleted triples beyond which the full run of the rules is the cheaper one
LIMIT = 20_000

_NOT_EXISTS = re.compile(r"NOT\s+EXISTS\s*\{", re.IGNORECASE)
_TRIPLE_END = re.compile(r"\s*\.?\s*$")


@dataclass
class Rule:
    """One rule as the update reads it."""

    path: str
    #: the rule as written (without comments): it derives only what is not there yet
    guarded: str
    #: the rule with its ``NOT EXISTS`` guards made true: it derives all it can
    loose: str
    #: the triple patterns of its WHERE: (subject, predicate, object, whether the predicate
    #: is a path ``p+`` or ``p*``), each term a variable name (``?x``) or an N-Triples IRI
    patterns: list
    #: the triples of its template: (subject, predicate, object), each a variable name
    #: (``?x``) or an N-Triples term
    template: list


def _term(token, prefixes):
    """A template token as a variable (``?x``) or an N-Triples IRI; None otherwise."""
    if token[0] in "?$":
        return "?" + token[1:]
    if token == "a":
        return f"<{_TYPE_IRI}>"
    if token.startswith("<") and token.endswith(">"):
        return token
    prefix, colon, local = token.partition(":")
    if colon and prefix in prefixes and re.fullmatch(r"[\w-]+", local):
        return f"<{prefixes[prefix]}{local}>"
    return None


def prepare(rules):
    """The rules as :class:`Rule`; a sentence saying why not when one does not qualify.

    >>> from citygraph.graph.store import project_root
    >>> from citygraph.graph.inference import rule_paths
    >>> rules = prepare(rule_paths(project_root() / "queries"))
    >>> rules[0].template
    [('?person', '<http://www.w3.org/ns/org#holds>', '?post'), \
('?post', '<http://www.w3.org/ns/org#heldBy>', '?person')]
    >>> rules[0].loose.split("FILTER")[-1].strip()
    '((true) || (true))\\n}'
    """
    prepared = []
    for path in rules:
        text = _uncommented(open(path, encoding="utf-8").read())
        found = _template(text)
        if found is None:
            return f"{path}: not CONSTRUCT {{ template }} WHERE {{ ... }}"
        begin, end = found
        triples = list(dict.fromkeys(" ".join(t.split()) for t in re.split(
            r"\s\.(?:\s|$)", text[begin:end - 1]) if t.strip()))
        prefixes = dict(re.findall(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", text, re.IGNORECASE))
        template = []
        for triple in triples:
            terms = tuple(_term(t, prefixes) for t in triple.split())
            if len(terms) != 3 or None in terms:
                return f"{path}: a template triple other than terms and variables: {triple}"
            template.append(terms)
        loose, position = [], 0
        for match in _NOT_EXISTS.finditer(text, end):
            if match.start() < position:
                continue
            close = _block_end(text, match.end())
            guard = " ".join(_TRIPLE_END.sub("", text[match.end():close - 1]).split())
            if close is None or guard not in triples:
                return f"{path}: NOT EXISTS reads more than a triple of the template"
            loose.append(text[position:match.start()] + "(true)")
            position = close
        loose.append(text[position:])
        patterns = _patterns("".join(loose)[end:], prefixes)
        if isinstance(patterns, str):
            return f"{path}: {patterns}"
        prepared.append(Rule(str(path), text, "".join(loose), patterns, template))
    return prepared


_TOKEN = re.compile(r"""\s*(<[^>\s]*>[+*]?|[?$]\w+|[\w-]*:[\w-]*[+*]?|\ba\b|[;,.]|\S)""")


def _strip_calls(text, keyword):
    """``text`` without each ``keyword (...)``, parentheses balanced."""
    out, position = [], 0
    for match in re.finditer(rf"\b{keyword}\s*\(", text, re.IGNORECASE):
        if match.start() < position:
            continue
        depth, end = 1, match.end()
        while depth and end < len(text):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        out.append(text[position:match.start()])
        position = end
    out.append(text[position:])
    return "".join(out)


def _patterns(where, prefixes):
    """The triple patterns of a WHERE clause (its filters and VALUES left out); a sentence
    saying why not when it holds more than triples, UNIONs and one-property paths.

    >>> _patterns("WHERE { { ?f <http://e/p> ?a , ?b } UNION { ?a e:q+ ?f ; a ?t } "
    ...           "FILTER (?a != ?b) }", {"e": "http://e/"})
    [('?f', '<http://e/p>', '?a', False), ('?f', '<http://e/p>', '?b', False), \
('?a', '<http://e/q>', '?f', True), ('?a', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', \
'?t', False)]
    """
    text = _strip_calls(_strip_calls(where, "FILTER"), "BIND")
    text = re.sub(r"VALUES\s*(\([^)]*\)|[?$]\w+)\s*\{[^}]*\}", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(WHERE|UNION)\b", " ", text, flags=re.IGNORECASE)
    text = text.replace("{", " . ").replace("}", " . ")
    tokens = _TOKEN.findall(text)
    found, i = [], 0

    def term(token):
        path = token[-1] in "+*" and token[0] not in "?$"
        value = _term(token[:-1] if path else token, prefixes)
        return value, path

    try:
        while i < len(tokens):
            if tokens[i] == ".":
                i += 1
                continue
            subject, _ = term(tokens[i])
            i += 1
            while True:  # predicate-object lists
                predicate, path = term(tokens[i])
                i += 1
                while True:  # object lists
                    obj, _ = term(tokens[i])
                    i += 1
                    if None in (subject, predicate, obj) or (path and subject[0] != "?"):
                        return "a pattern other than terms, variables and a one-property path"
                    found.append((subject, predicate, obj, path))
                    if i < len(tokens) and tokens[i] == ",":
                        i += 1
                        continue
                    break
                if i < len(tokens) and tokens[i] == ";" and tokens[i + 1] != ".":
                    i += 1
                    continue
                break
    except (IndexError, TypeError):
        return "a WHERE clause other than triple patterns, UNIONs and filters"
    return found


def _rows(pattern, delta):
    """The bindings of a pattern's variables that match a triple of ``delta``: (names, rows),
    a row holding N-Triples terms or ``UNDEF`` (a blank node); None when a triple matches
    that no variable can name. A path binds its subject only (see the module's note)."""
    *terms, path = pattern
    if path:
        terms = [terms[0], terms[1], None]
    names = list(dict.fromkeys(t[1:] for t in terms if t and t[0] == "?"))
    rows = set()
    for triple in delta:
        row = _bind(terms, triple)
        if row is None:
            continue
        if names and not row:
            return None
        rows.add(tuple(row.get(name, "UNDEF") for name in names))
    return names, rows


def unbindable(triples, rules):
    """A triple of ``triples`` that a rule's pattern matches with none of its variables
    named (blank nodes); None when there is none."""
    for rule in rules:
        for pattern in rule.patterns:
            for triple in triples:
                if _rows(pattern, [triple]) is None:
                    return triple
    return None


def _query(store, text, path):
    try:
        return {(t.subject, t.predicate, t.object)
                for t in store.query(text, use_default_graph_as_union=True)}
    except SyntaxError as exc:
        raise syntax_error(exc, where=path) from None


def _consequences(store, rules, delta, guarded):
    """What the rules derive with the variables of one of their patterns bound to a triple
    of ``delta``; None when a triple cannot be bound (see :func:`_rows`)."""
    found = set()
    for rule in rules:
        text = rule.guarded if guarded else rule.loose
        for pattern in rule.patterns:
            bound = _rows(pattern, delta)
            if bound is None:
                return None
            names, rows = bound
            if rows and names:
                found |= _query(store, inject_rows(text, names, sorted(rows)), rule.path)
            elif rows:
                found |= _query(store, text, rule.path)
    return found


def over_delete(store, rules, removed, inferred):
    """The inferred triples (of the graph ``inferred``) whose derivation may read one of
    ``removed``; run on the store before the change. None when they pass :data:`LIMIT` or
    one of them cannot be bound."""
    deleted, delta = set(), set(removed)
    while delta:
        found = _consequences(store, rules, delta, guarded=False)
        if found is None:
            return None
        delta = {t for t in found - deleted if ox.Quad(*t, inferred) in store}
        deleted |= delta
        if len(deleted) > LIMIT:
            return None
    return deleted


def asserted(store, triple, inferred):
    """Whether a graph other than ``inferred`` holds the triple."""
    return any(q.graph_name != inferred for q in store.quads_for_pattern(*triple, None))


def rederive(store, rules, candidates, inferred):
    """Those of ``candidates`` a rule derives in one step from the store, and that no graph
    but ``inferred`` asserts."""
    found = set()
    for rule in rules:
        for pattern in rule.template:
            names = list(dict.fromkeys(t[1:] for t in pattern if t.startswith("?")))
            rows = set()
            for triple in candidates:
                row = _bind(pattern, triple)
                if row is not None:
                    rows.add(tuple(row.get(name, "UNDEF") for name in names))
            if rows and names:
                text = inject_rows(rule.loose, names, sorted(rows))
                found |= _query(store, text, rule.path) & candidates
            elif rows:
                found |= _query(store, rule.loose, rule.path) & candidates
    return {t for t in found if not asserted(store, t, inferred)}


def _bind(pattern, triple):
    """The variables of a template triple or pattern bound to match ``triple`` (blank nodes
    left unbound, a term None matches anything); None when it cannot match."""
    row = {}
    for token, term in zip(pattern, triple, strict=True):
        value = None if isinstance(term, ox.BlankNode) else str(term)
        if token is None:
            continue
        if token.startswith("?"):
            if value is not None and row.setdefault(token[1:], value) != value:
                return None
        elif token != value:
            return None
    return row


def insert(store, rules, delta, inferred):
    """Add to the graph ``inferred`` what the rules newly derive from ``delta`` and then from
    what that adds, until nothing new follows; the triples added. None when a triple added
    cannot be bound (the graph then holds a part of them)."""
    added, delta = set(), set(delta)
    while delta:
        found = _consequences(store, rules, delta, guarded=True)
        if found is None:
            return None
        # a rule of several template triples derives them all when one is missing
        delta = {t for t in found - added
                 if next(iter(store.quads_for_pattern(*t, None)), None) is None}
        store.extend(ox.Quad(*t, inferred) for t in delta)
        added |= delta
    return added
