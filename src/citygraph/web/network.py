"""The network view's data: the projected place network with its measures, as JSON-ready dicts."""

import json

__all__ = ["compute"]


def compute(target, layers="all", since=None, until=None, fold="none", sample=None):
    """The measured network (in a query worker); node-link data and figures.

    Nodes keep their label, kind, country, coordinates and every measure
    ``citygraph report`` computes; edges their layers, weight, dates, facts
    and source documents. The network is :func:`citygraph.networks.analysis.analysed`'s,
    so a store state measured once (by ``citygraph report``, ``export`` or an
    earlier server) is read back, not projected and measured again.
    """
    import networkx as nx

    from citygraph.networks.analysis import analysed
    from citygraph.networks.export_io import json_value

    G, figures = analysed(target, layers=layers, since=since, until=until, fold=fold,
                          sample=sample)
    figures.pop("cache", None)
    data = nx.node_link_data(G, edges="edges")
    # one JSON round trip turns dates, sets and numpy numbers into plain values
    data = json.loads(json.dumps(data, default=json_value))
    figures = json.loads(json.dumps(figures, default=json_value))
    return {"graph": data, "figures": figures}
