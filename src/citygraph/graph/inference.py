"""Materialize the ontology's axioms into the inferred named graph with the construct-*.rq rules.

Each rule is a CONSTRUCT query. :func:`materialize` runs it as a SPARQL update
(``INSERT { GRAPH inferred { template } } USING g1 USING g2 ... WHERE ...``) so
the matches go straight from the engine into the inferred graph, without a
round trip through Python objects; a rule that does not have that simple shape
is run as a query instead.

A build on disk runs the rules in memory on the part of the data they can
read (:class:`Relevance`): the triples whose predicate a rule names, the
triples of the properties the schema relates (sub-properties, inverses,
symmetric and transitive properties) and the ``rdf:type`` triples of the
classes the rules or the class hierarchy name. A rule that reads a predicate
through a variable must bind it through one of those schema patterns, as the
project's rules do (the store tests compare both ways on the fixtures, and
``bench/bench_store.py`` on the synthetic graph).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from citygraph.errors import QueryError
from citygraph.graph.sparql_base import inject_choices, syntax_error

__all__ = [
    "INFERRED_GRAPH",
    "RULE_ORDER",
    "InferenceReport",
    "rule_paths",
    "materialize",
    "count_graph",
    "Relevance",
]

#: the named graph holding every inferred triple, and nothing asserted
INFERRED_GRAPH = "https://w3id.org/citygraph/graph/inferred"
#: where one run of a rule puts its triples before they join the inferred graph
STAGING_GRAPH = "https://w3id.org/citygraph/graph/inferring"

#: the order rules run in within a pass; with it one pass reaches the fixpoint on
#: the ontology's axioms (a test proves it). Rules not listed run after, by name.
RULE_ORDER = [
    "construct-holds",
    "construct-member-of",
    "construct-twinned-with",
    "construct-cooperates-with",
    "construct-subproperty",
    "construct-part-of-closure",
    "construct-sub-organization-closure",
    "construct-inverse",
    "construct-symmetric",
    "construct-subclass",
]

MAX_PASSES = 10


@dataclass
class InferenceReport:
    """What :func:`materialize` did: triples inferred, passes run, triples per rule."""

    inferred: int = 0
    passes: int = 0
    per_rule: dict = field(default_factory=dict)
    #: triples added by each pass (the last one adds none at the fixpoint)
    per_pass: list = field(default_factory=list)


def rule_paths(queries_dir):
    """The construct-*.rq rule files of a queries folder, in the order they run.

    >>> from citygraph.graph.store import project_root
    >>> [p.stem for p in rule_paths(project_root() / "queries")][:2]
    ['construct-holds', 'construct-member-of']
    """
    paths = sorted(Path(queries_dir).glob("construct-*.rq"))
    rank = {name: i for i, name in enumerate(RULE_ORDER)}
    return sorted(paths, key=lambda p: (rank.get(p.stem, len(rank)), p.stem))


def count_graph(store, graph):
    """The number of triples in one named graph of a store.

    >>> count_graph(ox.Store(), INFERRED_GRAPH)
    0
    """
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


_CONSTRUCT = re.compile(r"^\s*CONSTRUCT\s*\{", re.IGNORECASE | re.MULTILINE)


def as_insert(text, graph, using):
    """The update that adds a CONSTRUCT rule's triples to ``graph``, reading the graphs ``using``.

    None when the rule is not of the shape ``CONSTRUCT { template } WHERE { ... }``.

    >>> print(as_insert("PREFIX e: <http://e/>\\nCONSTRUCT { ?b e:p ?a }\\nWHERE { ?a e:p ?b }",
    ...                 "http://e/inf", ["http://e/g", "http://e/inf"]))
    PREFIX e: <http://e/>
    INSERT { GRAPH <http://e/inf> {  ?b e:p ?a  } } USING <http://e/g> USING <http://e/inf>
    WHERE { ?a e:p ?b }
    """
    found = _template(text)
    if found is None:
        return None
    begin, end = found
    template = text[begin:end - 1]
    if "{" in template or '"' in template:
        return None
    rest = text[end:]
    if not re.match(r"\s*(WHERE\s*)?\{", rest, re.IGNORECASE):
        return None
    clauses = " ".join(f"USING <{g}>" for g in using)
    start = _CONSTRUCT.search(text).start()
    return f"{text[:start]}INSERT {{ GRAPH <{graph}> {{ {template} }} }} {clauses}{rest}"


def _template(text):
    """Where the CONSTRUCT template of a rule lies: the index just past its ``{`` and the
    one just past its ``}``; None when the text has no (closed) template."""
    match = _CONSTRUCT.search(text)
    end = match and _block_end(text, match.end())
    return None if end is None else (match.end(), end)


def materialize(store, rules, graph=INFERRED_GRAPH, max_passes=MAX_PASSES, related=None,
                every_rule=False, on_added=None, collect=True):
    """Run the rules over the union of all graphs until nothing new follows.

    The inferred graph is emptied first and then holds only triples that no
    other graph asserts. ``rules`` are paths of CONSTRUCT queries, run in order.
    Each run of a rule adds to a staging graph (:data:`STAGING_GRAPH`); what
    another graph already holds is taken out of it, and what is left, the new
    triples, is counted and handed to ``on_added(store, staging)`` when given
    (a build on disk copies them there while the next rule runs). The work
    after a rule is thus in proportion to what it inferred, not to all inferred
    so far. The rules read the staging graphs of the earlier runs; with
    ``collect`` these are gathered into ``graph`` at the end, otherwise (for a
    store about to be dropped) they are left as they are.

    After the first pass a rule runs again only when a triple it may read was
    inferred since it last ran (by predicate, and for ``rdf:type`` by class;
    see :class:`_Reads`); ``related`` are the properties the schema relates
    (:attr:`Relevance.related`), which a rule reading a predicate through a
    variable may read (None: any property). ``every_rule`` runs every rule in
    every pass (the plain fixpoint the tests compare with).

    >>> store = ox.Store()
    >>> rule = Path(__file__).parents[3] / "queries" / "construct-symmetric.rq"
    >>> store.load(input=\'\'\'@prefix owl: <http://www.w3.org/2002/07/owl#> .
    ... <http://e/near> a owl:SymmetricProperty . <http://e/a> <http://e/near> <http://e/b> .\'\'\',
    ...     format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://e/g"))
    >>> materialize(store, [rule]).inferred
    1
    >>> inferred = ox.NamedNode(INFERRED_GRAPH)
    >>> [str(q.subject) for q in store.quads_for_pattern(None, None, None, inferred)]
    ['<http://e/b>']
    """
    target = ox.NamedNode(graph)
    for name in list(store.named_graphs()):
        if name == target or name.value.startswith(STAGING_GRAPH):
            store.remove_graph(name)
    graphs = [g.value for g in store.named_graphs()]
    # USING names the graphs a rule reads; the default graph cannot be named, so a
    # store with triples there runs the rules as queries over the union instead.
    has_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    texts = []
    for rule in rules:
        text = Path(rule).read_text(encoding="utf-8")
        texts.append((Path(rule).stem, text, rule, _Reads(text, related), _only_new(text)))
    report = InferenceReport(per_rule={name: 0 for name, *_ in texts})
    steps = []  # the graphs of the runs that inferred something, in order
    changed = []  # (step, key) for every key of which triples were inferred
    last_run, step = {}, 0
    for _ in range(max_passes):
        report.passes += 1
        added_in_pass = 0
        for name, text, path, reads, only_new in texts:
            run = text
            if not every_rule and name in last_run:
                since = last_run[name] + (1 if reads.closed else 0)
                triggers = {key for when, key in changed if when >= since and reads.may_read(key)}
                if not triggers:
                    continue
                run = _restricted(text, reads, triggers)
            step += 1
            last_run[name] = step
            staging = ox.NamedNode(f"{STAGING_GRAPH}/{step}")
            update = None if has_default else as_insert(
                run, staging.value, [*graphs, *(g.value for g in steps)])
            if not _run_rule(store, run, update, path, staging):
                continue
            if not only_new:
                # the rule may re-derive what a file asserts or an earlier run inferred
                store.update(_drop_known(staging.value, has_default is not None))
            counts = _key_counts(store, staging.value)
            grown = sum(counts.values())
            if grown:
                steps.append(staging)
                changed.extend((step, key) for key in counts)
                if on_added is not None:
                    on_added(store, staging)
            report.per_rule[name] += grown
            added_in_pass += grown
        report.per_pass.append(added_in_pass)
        if added_in_pass == 0:
            break
    else:
        raise QueryError(f"inference did not reach a fixpoint in {max_passes} passes")
    if collect:
        for staging in steps:
            store.update(f"ADD <{staging.value}> TO <{graph}>")
            store.remove_graph(staging)
        if steps:
            store.add_graph(target)
    report.inferred = sum(report.per_rule.values())
    return report


def _drop_known(staging, has_default):
    """The update that takes out of a staging graph what another graph already holds."""
    elsewhere = f"GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{staging}>)"
    if has_default:
        elsewhere = f"{{ {elsewhere} }} UNION {{ ?s ?p ?o }}"
    return (f"DELETE {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} {elsewhere} }}")


def _restricted(text, reads, triggers):
    """The rule to run again for ``triggers``, the keys inferred since it last ran.

    When it reads them all through its one predicate variable (and none by
    name or as a class), only matches with those predicates can be new, so the
    WHERE is bound to them with VALUES; otherwise the rule runs whole.

    >>> reads = _Reads("CONSTRUCT { ?o ?p ?s } WHERE { ?p a <http://e/S> . ?s ?p ?o }", None)
    >>> print(_restricted("CONSTRUCT { ?o ?p ?s } WHERE { ?p a <http://e/S> . ?s ?p ?o }",
    ...                   reads, {("http://e/near", "")}))
    CONSTRUCT { ?o ?p ?s } WHERE { VALUES ?p { <http://e/near> } ?p a <http://e/S> . ?s ?p ?o }
    """
    variable = reads.predicate_variable
    if variable is None or any(p in reads.iris or p == _TYPE_IRI for p, _ in triggers):
        return text
    return inject_choices(text, variable, [f"<{p}>" for p in sorted({p for p, _ in triggers})])


_TRIPLE_END = re.compile(r"\s*\.?\s*$")


def _only_new(text):
    """Whether a rule infers only triples not already there: each triple of its template
    is also, on its own, the pattern of a ``FILTER NOT EXISTS`` of its WHERE.

    >>> _only_new("CONSTRUCT { ?o ?q ?s . } WHERE { ?s ?q ?o FILTER NOT EXISTS { ?o ?q ?s } }")
    True
    >>> _only_new("CONSTRUCT { ?o ?q ?s } WHERE { { ?s ?q ?o FILTER NOT EXISTS { ?o ?q ?s } } "
    ...           "UNION { ?o <r> ?s } }")
    False
    >>> _only_new("CONSTRUCT { ?a <p> ?b . ?b <q> ?a } WHERE { ?a <r> ?b "
    ...           "FILTER (NOT EXISTS { ?a <p> ?b } || NOT EXISTS { ?b <q> ?a }) }")
    False
    """
    text = _uncommented(text)
    found = _template(text)
    if found is None:
        return False
    begin, end = found
    template = {" ".join(t.split()) for t in re.split(r"\s\.(?:\s|$)", text[begin:end - 1])
                if t.strip()}
    where = text[end:]
    opening = where.find("{")
    guarded = set()
    for found in re.finditer(r"FILTER\s+NOT\s+EXISTS\s*\{", where, re.IGNORECASE):
        before = where[opening:found.start()]
        close = _block_end(where, found.end())
        # only a filter of the WHERE block itself, not of a part of it (a UNION, an OPTIONAL)
        if close is not None and before.count("{") - before.count("}") == 1:
            guarded.add(" ".join(_TRIPLE_END.sub("", where[found.end():close - 1]).split()))
    return bool(template) and template <= guarded


_TYPE_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _key_counts(store, graph):
    """Triples of the graph per key: the predicate, and the class for rdf:type."""
    rows = store.query(
        f"SELECT ?p ?c (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"BIND (IF(?p = <{_TYPE_IRI}>, ?o, \"\") AS ?c) }} GROUP BY ?p ?c"
    )
    return {(row["p"].value, getattr(row["c"], "value", "")): int(row["n"].value) for row in rows}


class _Reads:
    """What a rule may read, from its text: the predicates and classes it names, and whether
    it reads a predicate or a class through a variable (``?s ?p ?o``, ``?x a ?class``)."""

    def __init__(self, text, related):
        #: the rule's header says that running it again on its own triples adds nothing
        self.closed = bool(re.search(r"^#\s*closed\s*:\s*yes\s*$", text,
                                     re.IGNORECASE | re.MULTILINE))
        # the template is written, not read; and a pattern inside NOT EXISTS or MINUS
        # can only take matches away, so new triples there never make a rule infer more
        text = _strip_blocks(_uncommented(text), r"CONSTRUCT|NOT\s+EXISTS|MINUS")
        iris = {n.value for n in _text_iris(text)}
        body = _body(text)
        self.iris = iris
        variables = {v[1:] for v in re.findall(
            r"(?=(?:[?$]\w+|>|\w:[\w-]+)\s+([?$]\w+)\s+[?$<\w\"])", body)}
        variables |= {v[1:] for v in re.findall(r";\s*([?$]\w+)\s+[?$<\w\"]", body)}
        self.any_predicate = bool(variables)
        #: the variable a rule reads its predicates through, when it has just one
        self.predicate_variable = next(iter(variables)) if len(variables) == 1 else None
        self.any_class = bool(re.search(r"(?:\sa|rdf:type|<" + re.escape(_TYPE_IRI)
                                        + r">)\s+[?$]\w+", body))
        self.related = None if related is None else {n.value for n in related}

    def may_read(self, key):
        predicate, klass = key
        if predicate == _TYPE_IRI:
            return self.any_class or klass in self.iris or (
                self.any_predicate and (self.related is None or predicate in self.related))
        return predicate in self.iris or (
            self.any_predicate and (self.related is None or predicate in self.related))


def _run_rule(store, text, update, path, target):
    """Add one rule's triples to ``target``; False when it certainly added none."""
    try:
        if update is not None:
            store.update(update)
            return True
        triples = store.query(text, use_default_graph_as_union=True)
        quads = [ox.Quad(t.subject, t.predicate, t.object, target) for t in triples]
    except SyntaxError as exc:
        raise syntax_error(exc, where=str(path)) from None
    if quads:
        store.extend(quads)
    return bool(quads)


_RDF_TYPE = ox.NamedNode(_TYPE_IRI)
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_PROPERTY_LINKS = {ox.NamedNode(_RDFS + "subPropertyOf"), ox.NamedNode(_OWL + "inverseOf")}
_PROPERTY_TYPES = {ox.NamedNode(_OWL + "SymmetricProperty"),
                   ox.NamedNode(_OWL + "TransitiveProperty")}
_SUBCLASS = ox.NamedNode(_RDFS + "subClassOf")


def rule_iris(rules):
    """Every IRI a rule names (written in full or with a prefix), as NamedNodes.

    >>> from citygraph.graph.store import project_root
    >>> rule = project_root() / "queries" / "construct-member-of.rq"
    >>> sorted(n.value.rsplit("#", 1)[1] for n in rule_iris([rule]))
    ['member', 'memberOf', 'organization']
    """
    found = set()
    for rule in rules:
        found |= _text_iris(Path(rule).read_text(encoding="utf-8"))
    return found


def _block_end(text, start):
    """The index just past the ``}`` closing the block whose ``{`` ends at ``start``;
    None when the block is never closed.

    >>> _block_end("{ a { b } c } d", 1), _block_end("{ a", 1)
    (13, None)
    """
    depth, end = 1, start
    while depth and end < len(text):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        end += 1
    return None if depth else end


def _strip_blocks(text, keywords):
    r"""``text`` without the ``{ ... }`` block after each of the keywords (a regex).

    >>> _strip_blocks("CONSTRUCT { ?a ?b ?c } WHERE { ?a ?b ?c FILTER NOT EXISTS { ?c ?b ?a } }",
    ...               r"CONSTRUCT|NOT\s+EXISTS")
    ' WHERE { ?a ?b ?c FILTER  }'
    """
    out, position = [], 0
    for match in re.finditer(rf"(?:{keywords})\s*\{{", text, re.IGNORECASE):
        if match.start() < position:
            continue
        out.append(text[position:match.start()])
        position = _block_end(text, match.end()) or len(text)
    out.append(text[position:])
    return "".join(out)


def _uncommented(text):
    return "\n".join("" if line.lstrip().startswith("#") else line for line in text.splitlines())


def _body(text):
    return re.sub(r"PREFIX\s+[\w-]*:\s*<[^>]*>", " ", _uncommented(text), flags=re.IGNORECASE)


def _text_iris(text):
    text = _uncommented(text)
    prefixes = dict(re.findall(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", text, re.IGNORECASE))
    body = _body(text)
    found = set(re.findall(r"<([^>\s]+)>", body))
    for prefix, local in re.findall(r"(?<![\w?$<])([\w-]*):([\w-]+)", body):
        if prefix in prefixes:
            found.add(prefixes[prefix] + local)
    return {ox.NamedNode(iri) for iri in found}


class Relevance:
    """Which triples the rules can read: a filter for parsed quads, learning the schema as it goes.

    A quad is kept when its predicate is named by a rule or related by the
    schema, or when it is an ``rdf:type`` of a class a rule names or the class
    hierarchy mentions. The schema is learned from the quads kept (ontology
    files come first in a build); :meth:`grew_since` tells whether a file read
    earlier may have missed triples of terms learned later.

    >>> rule = Path(__file__).parents[3] / "queries" / "construct-symmetric.rq"
    >>> relevance = Relevance([rule])
    >>> near, a = ox.NamedNode("http://e/near"), ox.NamedNode("http://e/a")
    >>> relevance.keep(ox.Quad(a, near, a))
    False
    >>> relevance.learn([ox.Quad(near, _RDF_TYPE, ox.NamedNode(_OWL + "SymmetricProperty"))])
    >>> relevance.keep(ox.Quad(a, near, a))
    True
    """

    def __init__(self, rules):
        iris = rule_iris(rules)
        # rdf:type is read through the classes, unless the schema relates it to another property
        self.predicates = (set(iris) | _PROPERTY_LINKS | {_SUBCLASS}) - {_RDF_TYPE}
        self.classes = set(iris) | _PROPERTY_TYPES
        self.all_types = False
        #: the properties the schema relates (sub-properties, inverses, symmetric, transitive)
        self.related = set()
        self.size = 0

    def keep(self, quad):
        """Whether a rule may read this quad."""
        predicate = quad.predicate
        if predicate == _RDF_TYPE:
            return self.all_types or quad.object in self.classes
        return predicate in self.predicates

    def learn(self, quads):
        """Add the properties and classes that schema quads among ``quads`` relate."""
        for quad in quads:
            predicate = quad.predicate
            if predicate in _PROPERTY_LINKS:
                self._add(self.predicates, quad.subject, quad.object)
                self.related.update(t for t in (quad.subject, quad.object)
                                    if isinstance(t, ox.NamedNode))
            elif predicate == _SUBCLASS:
                self._add(self.classes, quad.subject, quad.object)
            elif predicate == _RDF_TYPE and quad.object in _PROPERTY_TYPES:
                self._add(self.predicates, quad.subject)
                if isinstance(quad.subject, ox.NamedNode):
                    self.related.add(quad.subject)

    def _add(self, into, *terms):
        for term in terms:
            if isinstance(term, ox.NamedNode) and term not in into:
                into.add(term)
                self.size += 1
                if term == _RDF_TYPE and into is self.predicates:
                    self.all_types = True

    def grew_since(self, size):
        """Whether terms were learned since :attr:`size` was ``size``."""
        return self.size != size

    def where(self, store, skip):
        """Learn the schema of a loaded store; the SPARQL pattern of its triples the rules may
        read, ``?s ?p ?o``, in any graph but ``skip`` (a NamedNode: the inferred graph).

        It matches what :meth:`keep` keeps once the whole schema is known, by
        predicate (and by class for ``rdf:type``), through the store's indexes.

        >>> store = ox.Store()
        >>> near, a = ox.NamedNode("http://e/near"), ox.NamedNode("http://e/a")
        >>> g = ox.NamedNode("http://e/g")
        >>> store.add(ox.Quad(near, _RDF_TYPE, ox.NamedNode(_OWL + "SymmetricProperty"), g))
        >>> store.add(ox.Quad(a, near, a, g))
        >>> relevance = Relevance([])
        >>> len(list(store.query(f"SELECT * WHERE {{ {relevance.where(store, g)} }}")))
        0
        >>> len(list(store.query(f"SELECT * WHERE {{ {relevance.where(store, None)} }}")))
        2
        """

        def having(predicate, value=None):
            return [q for q in store.quads_for_pattern(None, predicate, value, None)
                    if q.graph_name != skip]

        self.learn([q for p in (*_PROPERTY_LINKS, _SUBCLASS) for q in having(p)])
        self.learn([q for c in _PROPERTY_TYPES for q in having(_RDF_TYPE, c)])
        predicates = " ".join(str(p) for p in sorted(self.predicates - {_RDF_TYPE},
                                                     key=lambda n: n.value))
        if self.all_types:
            types = f"VALUES ?p {{ {_RDF_TYPE} }}"
        else:
            pairs = " ".join(f"({_RDF_TYPE} {c})" for c in sorted(self.classes,
                                                                  key=lambda n: n.value))
            types = f"VALUES (?p ?o) {{ {pairs} }}"
        outside = f"FILTER (?g != {skip})" if skip is not None else ""
        return (f"{{ VALUES ?p {{ {predicates} }} GRAPH ?g {{ ?s ?p ?o }} {outside} }} UNION "
                f"{{ {types} GRAPH ?g {{ ?s ?p ?o }} {outside} }}")
