"""``bench.generate``: the synthetic graph with the seed data, with and without --clean."""

from collections import Counter

import pytest

from citygraph.graph.validation import data_files, shorten, validate
from conftest import ROOT, SEED


@pytest.fixture
def bench_generate(monkeypatch):
    """The bench's generator, from the checkout (bench/ is not part of the package)."""
    monkeypatch.syspath_prepend(str(ROOT))
    import bench.generate

    return bench.generate


def _shapes(report):
    return Counter(shorten(r.shape) for r in report.violations)


def test_the_default_graph_holds_the_violations_of_data_in_the_making(tmp_path, bench_generate):
    bench_generate.generate(tmp_path, triples=5000, files=2)
    report = validate([*sorted(tmp_path.glob("*.ttl")), *data_files(SEED)])
    # 60 countries without a code; the three hub cities and the hub event described again
    assert _shapes(report) == {"cgsh:Country-iso3166Code": 60, "cgsh:Place-country": 3,
                               "cgsh:Place-population": 3, "cgsh:Dated-startDate": 1}


def test_a_clean_graph_conforms_with_the_seed_data(tmp_path, bench_generate):
    bench_generate.main(["--triples", "5000", "--files", "2", "--clean", "--out", str(tmp_path)])
    files = sorted(tmp_path.glob("*.ttl"))
    assert [f.name for f in files] == ["synthetic-00.ttl", "synthetic-01.ttl"]
    report = validate([*files, *data_files(SEED)])
    assert report.conforms and len(report.violations) == 0
    assert {shorten(r.shape) for r in report.warnings} == {"cgsh:CityIdentifiedShape"}
