"""The networks stage: the graph's facts as a network of places, measured and written out.

Takes: a query target (:mod:`citygraph.querying`).
Gives: the rows and place attributes the network is made of (:mod:`.incidence`), the
projected network of places (:mod:`.projection`), its measures
(:mod:`.centrality`, cached per store state by :mod:`.analysis`), the report
(:mod:`.report`, :mod:`.report_html`) and the exports for Gephi and others
(:mod:`.export`, :mod:`.export_gexf`, :mod:`.export_io`).
Uses: graph, querying, places.
"""
