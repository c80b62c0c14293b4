"""The importers stage: outside tables and gazetteers become Turtle files of the project.

Takes: sister-city tables (CSV, Wikidata), the gazetteer list of places, the theme and
SDG vocabularies.
Gives: ``data/imports/NAME.ttl`` with a reconciliation report and a list of skipped rows
(:mod:`.csv_ties`, :mod:`.wikidata`, :mod:`.common`), ``data/places.ttl``
(:mod:`.gazetteer`), ``data/themes.ttl`` (:mod:`.themes`); Turtle written by :mod:`.turtle`.
Uses: graph, querying, places, curation.
"""

__all__ = []
