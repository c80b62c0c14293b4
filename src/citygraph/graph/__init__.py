"""The graph stage: the project's files become one store version.

Takes: the project (:mod:`.project`: ``citygraph.toml``, ``ontology/``, ``data/``,
``shapes/``, ``sources/``) and its Turtle files.
Gives: a store version with one named graph per file and the inferred graph
(:mod:`.build` and :mod:`.version` write it, :mod:`.inference` infers,
:mod:`.store` opens and switches versions), its validation report (:mod:`.validation`)
and the quote check against the source texts (:mod:`.evidence`); the SPARQL
text and term helpers every reader of the store shares (:mod:`.sparql_base`).
Uses: only the utilities at the top of the package.
"""
