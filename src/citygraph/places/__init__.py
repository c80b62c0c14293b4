"""The places stage: names of places and entities matched to identifiers.

Takes: names as written in sources and tables.
Gives: folded names (:mod:`.names`), the GeoNames index of places
(:mod:`.geoindex`), reconciliation of a name and country to one place or a list of
candidates (:mod:`.reconcile`), and the name index of a project's graph
(:mod:`.lookup`).
Uses: only the utilities at the top of the package.
"""
