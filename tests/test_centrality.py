"""Centrality: hand-computed values, igraph equal to NetworkX, the seed network's leaders."""

import networkx as nx
import pytest

from citygraph.errors import UsageError
from citygraph.graph.build import build
from citygraph.networks import centrality as c
from citygraph.networks.projection import project
from citygraph.querying.sparql import connect
from conftest import ROOT, SEED


def _graphs():
    """Small graphs of different shapes, with string nodes and an isolated node."""
    karate = nx.relabel_nodes(nx.karate_club_graph(), lambda n: f"k{n}")
    random_graph = nx.relabel_nodes(nx.gnm_random_graph(60, 90, seed=3), lambda n: f"r{n}")
    random_graph.add_node("alone")
    barbell = nx.relabel_nodes(nx.barbell_graph(5, 3), lambda n: f"b{n}")
    two_parts = nx.disjoint_union(nx.path_graph(4), nx.cycle_graph(5))
    two_parts = nx.relabel_nodes(two_parts, lambda n: f"p{n}")
    return {"karate": karate, "random": random_graph, "barbell": barbell, "two-parts": two_parts}


GRAPHS = _graphs()


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_igraph_betweenness_equals_networkx(name):
    G = GRAPHS[name]
    fast, slow = c.betweenness(G, backend="igraph"), c.betweenness(G, backend="networkx")
    assert set(fast) == set(slow)
    assert max(abs(fast[n] - slow[n]) for n in G) < 1e-9


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("k", [1, 5, 12])
def test_sampled_betweenness_draws_the_same_sources_in_both_backends(name, k):
    G = GRAPHS[name]
    fast = c.betweenness(G, backend="igraph", sample=k, seed=7)
    slow = c.betweenness(G, backend="networkx", sample=k, seed=7)
    for node in G:
        if fast[node] == fast[node]:  # k=1 leaves the source itself undefined (NaN) in both
            assert abs(fast[node] - slow[node]) < 1e-9
        else:
            assert slow[node] != slow[node]


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_igraph_closeness_and_figures_equal_networkx(name):
    G = GRAPHS[name]
    fast, slow = c.closeness(G, backend="igraph"), c.closeness(G, backend="networkx")
    assert max(abs(fast[n] - slow[n]) for n in G) < 1e-9
    figures_fast = c.network_figures(G, backend="igraph")
    figures_slow = c.network_figures(G, backend="networkx")
    assert figures_fast.keys() == figures_slow.keys()
    for key, value in figures_slow.items():
        if isinstance(value, float):
            assert figures_fast[key] == pytest.approx(value, abs=1e-9), key
        else:
            assert figures_fast[key] == value, key


def test_hand_computed_values_on_a_path():
    # a - b - c - d: b lies on the paths a-c and a-d, 2 of the 3 pairs without b
    G = nx.path_graph(["a", "b", "c", "d"])
    assert c.betweenness(G) == pytest.approx({"a": 0, "b": 2 / 3, "c": 2 / 3, "d": 0})
    # b reaches a, c, d in 1 + 1 + 2 hops
    assert c.closeness(G)["b"] == pytest.approx(3 / 4)
    assert c.closeness(G)["a"] == pytest.approx(3 / 6)
    figures = c.network_figures(G)
    assert (figures["nodes"], figures["edges"], figures["diameter"]) == (4, 3, 3)
    assert figures["mean_distance"] == pytest.approx(10 / 6)
    assert figures["density"] == pytest.approx(0.5)
    assert c.bridges(G) == [("a", "b"), ("b", "c"), ("c", "d")]
    assert c.articulation_points(G) == ["b", "c"]


def test_closeness_corrects_for_unreachable_places():
    # two separate pairs: each node reaches 1 of 3 others at distance 1 -> (1/1) * (1/3)
    G = nx.Graph([("a", "b"), ("c", "d")])
    G.add_node("e")
    assert c.closeness(G) == pytest.approx({"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25,
                                             "e": 0.0})


def test_kcore_communities_bridges_on_two_triangles():
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"),
                  ("c", "d"), ("f", "g")])
    assert c.kcore(G) == {"a": 2, "b": 2, "c": 2, "d": 2, "e": 2, "f": 2, "g": 1}
    groups = c.communities(G, seed=1)
    assert groups["a"] == groups["b"] == groups["c"]
    assert groups["d"] == groups["e"] == groups["f"] == groups["g"]
    assert groups["a"] != groups["d"]
    assert c.bridges(G) == [("c", "d"), ("f", "g")]
    assert c.articulation_points(G) == ["c", "d", "f"]
    assert c.weighted_degree(nx.Graph([("a", "b", {"weight": 3})])) == {"a": 3, "b": 3}


def test_eigenvector_falls_back_to_pagerank():
    G = nx.path_graph(["a", "b", "c", "d", "e"])
    values, method = c.eigenvector(G, max_iter=1)
    assert method == "pagerank"
    assert values == pytest.approx(nx.pagerank(G))
    values, method = c.eigenvector(G)
    assert method == "eigenvector"
    assert max(values, key=values.get) == "c"


def test_node_measures_rows():
    G = nx.star_graph(["hub", "a", "b", "c"])
    rows, method = c.node_measures(G)
    assert method == "eigenvector"
    assert rows["hub"]["degree"] == 3 and rows["a"]["degree"] == 1
    assert rows["hub"]["betweenness"] == pytest.approx(1.0)
    assert rows["hub"]["articulation"] is True and rows["hub"]["bridges"] == 3
    assert rows["a"]["core"] == 1
    assert set(rows["hub"]) == set(c.MEASURES)


def test_bad_backend_and_sample_are_usage_errors():
    with pytest.raises(UsageError, match="unknown backend 'rustworkx'"):
        c.betweenness(GRAPHS["karate"], backend="rustworkx")
    with pytest.raises(UsageError, match="--sample must be a positive number"):
        c.betweenness(GRAPHS["karate"], sample=0)


# --- the seed graph ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_network():
    return project(connect(build(memory=True, data_dir=SEED, root=ROOT, validate=False).store))


def test_seoul_tops_degree_in_the_combined_seed_network(seed_network):
    G = seed_network
    degrees = c.degree(G)
    assert max(degrees, key=degrees.get) == "place:seoul"
    assert degrees["place:seoul"] == 17
    # why: the five other delegations at the 13th Plenary (and the Tomsk Declaration), the
    # seven ANMC21 members that did not attend, and the five partners of the 2016 Seoul forum
    plenary = {"bangkok", "hanoi", "tokyo", "tomsk", "ulaanbaatar"}
    anmc21_absent = {"delhi", "jakarta", "kuala-lumpur", "metro-manila", "singapore", "taipei",
                     "yangon"}
    forum = {"colombo", "bogor", "ho-chi-minh-city", "addis-ababa", "country-bd"}
    assert {n.split(":")[1] for n in G["place:seoul"]} == plenary | anmc21_absent | forum
    assert G.edges["place:seoul", "place:delhi"]["layers"] == ["membership"]
    assert G.edges["place:seoul", "place:tokyo"]["layers"] == ["agreement", "event",
                                                               "membership"]
    assert G.edges["place:seoul", "place:ho-chi-minh-city"]["layers"] == [
        "agreement", "event", "project", "tie"]
    assert c.weighted_degree(G)["place:seoul"] == max(c.weighted_degree(G).values())


def test_changchun_and_seoul_top_betweenness_in_the_combined_seed_network(seed_network):
    G = seed_network
    values = c.betweenness(G)
    leaders = sorted(values, key=values.get, reverse=True)[:2]
    assert leaders == ["place:changchun", "place:seoul"]
    # why Changchun: the only place joining the 14 IUC pilot cities to the countries of the
    # China-ROK (Changchun) International Cooperation Demonstration Zone (001)
    edge = G.edges["place:changchun", "place:country-cn"]
    assert edge["facts"] == [
        "project:china-rok-changchun-international-cooperation-demonstration-zone"]
    H = G.copy()
    H.remove_node("place:changchun")
    assert not nx.has_path(H, "place:chongqing", "place:country-cn")
    # why Seoul: the only bridge between the ANMC21 cities and the 2016 forum's partners
    H = G.copy()
    H.remove_node("place:seoul")
    assert not nx.has_path(H, "place:colombo", "place:tokyo")
    assert {"place:changchun", "place:seoul"} <= set(c.articulation_points(G))


# --- the large-graph paths ------------------------------------------------------------------


def test_igraph_eigenvector_and_louvain_match_networkx_on_a_small_graph():
    G = GRAPHS["karate"].copy()
    for i, (u, v) in enumerate(G.edges()):
        G.edges[u, v]["weight"] = i % 3 + 1
    fast, method = c.eigenvector(G, backend="igraph")
    slow, _ = c.eigenvector(G, backend="networkx")
    assert method == "eigenvector"
    assert max(abs(fast[n] - slow[n]) for n in G) < 1e-6
    two_triangles = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"),
                              ("d", "f"), ("c", "d")])
    assert c.communities(two_triangles, backend="igraph") == c.communities(
        two_triangles, backend="networkx") == {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 1}
    # the same seed gives the same communities, and leaves Python's own random state alone
    state = __import__("random").getstate()
    first = c.communities(G, seed=3, backend="igraph")
    assert c.communities(G, seed=3, backend="igraph") == first
    assert __import__("random").getstate() == state


@pytest.fixture(scope="module")
def big():
    """A preferential-attachment graph of 3,000 nodes: large enough for sampled distances."""
    return nx.relabel_nodes(nx.barabasi_albert_graph(3000, 3, seed=5), lambda n: f"c{n}")


def test_sampled_closeness_and_distances_estimate_the_exact_ones(big):
    exact = c.closeness(big)
    estimate = c.closeness(big, sample=300, seed=1)
    errors = sorted(abs(estimate[n] - exact[n]) / exact[n] for n in big)
    assert errors[len(errors) // 2] < 0.02  # median relative error under 2%
    assert errors[-1] < 0.1
    figures = c.network_figures(big)
    sampled = c.network_figures(big, sample=300, seed=1)
    assert figures["distances"] == "exact"
    assert sampled["distances"] == "estimated from 300 sources; diameter is a lower bound"
    assert sampled["mean_distance"] == pytest.approx(figures["mean_distance"], rel=0.02)
    assert figures["diameter"] - 1 <= sampled["diameter"] <= figures["diameter"]
    # small components are exact even with a sample
    assert c.closeness(GRAPHS["karate"], sample=5) == c.closeness(GRAPHS["karate"])
