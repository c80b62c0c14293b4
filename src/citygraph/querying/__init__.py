"""The querying stage: questions asked of a store version or a remote endpoint.

Takes: a store (from :mod:`citygraph.graph`) or an endpoint URL, and a query:
a catalog query of ``queries/`` with its parameters, or ad-hoc SPARQL.
Gives: answers as rows or RDF (:mod:`.sparql` for the local store, :mod:`.remote`
for endpoints, with one :class:`~citygraph.graph.sparql_base.Target` interface),
and the catalog of named queries (:mod:`.catalog`: finding and running a query;
:mod:`.headers`: its header; :mod:`.params`: its parameters; :mod:`.results`: rows
as table, CSV, TSV or JSON).
Uses: graph, places (name folding).
"""
