"""The Python API: build or open a store, run a catalog query or your own SPARQL, take the
city network.

Five functions, also importable from ``citygraph`` itself::

    import citygraph
    report = citygraph.build()                    # what `citygraph build` does
    target = citygraph.connect()                  # the store it left (or endpoint=URL)
    rows = citygraph.query("network-members", target, network="cgorg:anmc21")
    rows = citygraph.run_sparql("SELECT ?n WHERE { place:seoul rdfs:label ?n }", target)
    G = citygraph.network(target, measures=True)  # what `report` and `export` use

Rows are a plain list of dicts, one per answer, keyed by the query's column
names. Values are rdflib terms (``URIRef``, ``Literal``; None where a column is
unbound) or, with ``plain=True``, Python values: ``str`` for IRIs and strings,
``int``/``Decimal``/``float``, ``bool``, ``datetime.date``/``datetime``; with
``frame=True`` a pandas DataFrame with typed columns (``pip install
"citygraph[notebook]"``). Parameters are bound, never pasted into the query text:
a value is matched literally whatever characters it holds.
"""

from citygraph.errors import UsageError
from citygraph.graph.build import build
from citygraph.querying.catalog import adhoc_query, find_query, run_query
from citygraph.querying.sparql import connect, to_python

__all__ = ["build", "connect", "query", "run_sparql", "network"]


def _rows(result, plain, frame=False):
    if result.boolean is not None:
        return result.boolean
    if frame:
        from citygraph.querying.frames import to_frame

        return to_frame(result.columns, result.rows)
    if not plain:
        return result.rows
    return [{key: to_python(value) for key, value in row.items()} for row in result.rows]


def query(name, target=None, plain=False, frame=False, **params):
    """Run the catalog query ``queries/NAME.rq`` with its parameters; return its rows.

    ``target`` is what :func:`connect` returned (default: the store
    ``citygraph build`` left). Parameters are given as keywords, as typed on the
    command line (``"cgorg:anmc21"``, ``"2014-09-06"``) or as rdflib terms; an
    unknown, missing or ill-typed one raises :class:`citygraph.errors.ParameterError`.
    An ASK query returns a bool, a CONSTRUCT query dicts of subject, predicate, object.
    With ``frame=True`` the rows come as a pandas DataFrame, one typed column per
    query column (see :func:`citygraph.querying.frames.to_frame`).

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.load(b'''@prefix cg: <https://w3id.org/citygraph/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <https://w3id.org/citygraph/id/place/seoul> rdfs:label "Seoul"@en .''',
    ...     format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    >>> query("find-name", connect(store), plain=True, text="seo")[0]["matched"]
    'Seoul'
    >>> query("find-name", connect(store), place="x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.ParameterError: query 'find-name' has no parameter 'place'; ...
    """
    target = connect() if target is None else target
    return _rows(run_query(find_query(name), target, params), plain, frame)


def run_sparql(text, target=None, bindings=None, plain=False, frame=False):
    """Run SPARQL text (the project prefixes ``cg:``, ``place:``, ... predeclared); return its rows.

    ``bindings`` maps variable names to values (rdflib terms or Python
    values), bound before the query runs; ``plain`` and ``frame`` as for :func:`query`.

    >>> import pyoxigraph as ox
    >>> from rdflib import URIRef
    >>> store = ox.Store()
    >>> store.load(b'<https://w3id.org/citygraph/id/place/seoul> '
    ...     b'<http://www.w3.org/2000/01/rdf-schema#label> "Seoul" .',
    ...     format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://example.org/g"))
    >>> run_sparql("SELECT ?n WHERE { ?p rdfs:label ?n }", connect(store),
    ...        bindings={"p": URIRef("https://w3id.org/citygraph/id/place/seoul")}, plain=True)
    [{'n': 'Seoul'}]
    """
    target = connect() if target is None else target
    return _rows(run_query(adhoc_query(text, source="query"), target, bindings=bindings), plain,
                 frame)


def network(target=None, layers="all", since=None, until=None, fold="none", two_mode=False,
            measures=False, max_group=100, sample="auto", backend="auto"):
    """The city network as a ``networkx.Graph``: the one ``citygraph report`` and ``export`` use.

    ``layers`` (a list, or comma-separated: agreement, tie, membership, event,
    project; ``"all"``), ``since`` and ``until`` (YYYY, YYYY-MM or YYYY-MM-DD),
    ``fold`` (none, city, region, country) and ``max_group`` are the options of
    ``report`` and ``export``; ``target`` is what :func:`connect` returned
    (default: the store ``citygraph build`` left).

    Nodes are places, named by prefixed IRI (``place:seoul``), with ``label``,
    ``iri``, ``kind``, ``country``, ``country_code``, ``geonames``, ``lat``,
    ``lon``, ``two_mode_degree`` and ``large_groups``; with ``measures=True``
    also every measure of ``report`` (degree, weighted_degree, betweenness,
    closeness, eigenvector, pagerank, core, community, articulation, bridges),
    reused from the store's cache when ``report`` or ``export`` already made
    them (``sample`` and ``backend`` as ``report --sample/--exact/--backend``).
    Edges carry ``weight`` (a group of n places adds 1/(n-1) to each pair),
    ``weight_<layer>``, ``count``, ``layers``, ``types``, ``first`` and ``last``
    (ISO dates), ``facts``, ``groups``, ``sources`` and ``directed_from``: the
    layers stay apart in ``weight_<layer>``, so one edge per pair of places is
    all a ``Graph`` needs. Each fact leads to its evidence with
    ``query("node-sources", node=fact)``. The graph says how it was made:
    ``layers``, ``since``, ``until``, ``fold``, ``weighting``, ``max_group``,
    ``large_groups`` (groups kept two-mode), ``state`` (the store state id,
    None for an endpoint or a store in memory), ``without_coordinates`` (the
    places with no coordinates) and, with ``measures=True``, ``figures`` (the
    network figures of ``report``). With ``two_mode=True`` it is the two-mode
    network of places (``bipartite=1``) and the groups joining them
    (``bipartite=0``), as ``export --two-mode`` writes it, without measures.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.load(b'''@prefix cg: <https://w3id.org/citygraph/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @prefix place: <https://w3id.org/citygraph/id/place/> .
    ... cg:City rdfs:subClassOf cg:Place .
    ... place:seoul a cg:City ; rdfs:label "Seoul" .
    ... place:colombo a cg:City ; rdfs:label "Colombo" .
    ... <https://w3id.org/citygraph/id/agreement/x> a cg:Agreement ;
    ...     cg:party place:seoul, place:colombo .''',
    ...     format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    >>> G = network(connect(store), measures=True)
    >>> sorted(G.nodes(data="label")), G.edges["place:seoul", "place:colombo"]["weight"]
    ([('place:colombo', 'Colombo'), ('place:seoul', 'Seoul')], 1)
    >>> G.nodes["place:seoul"]["degree"], G.graph["without_coordinates"]
    (1, ['place:colombo', 'place:seoul'])
    >>> network(connect(store), two_mode=True, measures=True)
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: measures: the two-mode network has no measures
    """
    from citygraph.networks import projection
    from citygraph.networks.analysis import analysed, cached, store_state
    from citygraph.networks.centrality import MEASURES

    target = connect() if target is None else target
    layers = projection.parse_layers(layers if isinstance(layers, str) else ",".join(layers))
    options = {"layers": layers, "since": since, "until": until, "fold": fold}
    figures = None
    if two_mode:
        if measures:
            raise UsageError("measures: the two-mode network has no measures")
        G = projection.two_mode(target, **options)
    elif measures:
        G, figures = analysed(target, **options, sample=sample, backend=backend,
                              max_group=max_group)
    else:
        found = cached(target, **options, sample=sample, backend=backend, max_group=max_group)
        if found is None:
            G = projection.project(target, **options, max_group=max_group)
        else:
            G = found[0]
            for _, data in G.nodes(data=True):
                for key in MEASURES:
                    data.pop(key, None)
    G.graph["state"] = store_state(target)
    G.graph["without_coordinates"] = sorted(
        node for node, data in G.nodes(data=True)
        if data.get("bipartite") != 0 and (data.get("lat") is None or data.get("lon") is None))
    if figures is not None:
        G.graph["figures"] = figures
    return G
