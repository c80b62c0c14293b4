"""The network view's data: the projected place network with its measures, as JSON-ready dicts."""

import json

__all__ = ["compute"]


def compute(target, layers="all", since=None, until=None, fold="none", sample=None):
    """Project and analyze the network (in a query worker); node-link data and figures.

    Nodes keep their label, kind, country, coordinates and every measure
    ``citygraph report`` computes; edges their layers, weight, dates, facts
    and source documents.
    """
    import networkx as nx

    from citygraph.export_io import json_value
    from citygraph.projection import parse_layers, project
    from citygraph.report import analyze

    chosen = parse_layers(layers) if isinstance(layers, str) else layers
    G = project(target, layers=chosen, since=since, until=until, fold=fold)
    figures = analyze(G, sample=sample)
    data = nx.node_link_data(G, edges="edges")
    # one JSON round trip turns dates, sets and numpy numbers into plain values
    data = json.loads(json.dumps(data, default=json_value))
    figures = json.loads(json.dumps(figures, default=json_value))
    return {"graph": data, "figures": figures}
