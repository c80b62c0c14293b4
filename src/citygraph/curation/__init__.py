"""The curation stage: a source document becomes sheet rows, then Turtle.

Takes: a document (text, PDF, HTML) and the curator's sheets (CSV) in ``sheets/NNN/``.
Gives: the stored text and the document's data file (:mod:`.sources`), sheet
templates and their reading (:mod:`.sheets`), and the compiled Turtle of the sheets
(:mod:`.sheets_compile` and :mod:`.sheet_entities`, with :mod:`.sheet_names`
resolving names, :mod:`.sheet_cells` reading cells, :mod:`.sheet_checks` checking
required cells and quotes, and :mod:`.turtle_out` writing Turtle), whose facts the
graph stage then loads. Drafting proposes sheet rows from the text (:mod:`.draft`,
reading it with :mod:`.draft_text` and :mod:`.draft_mentions`), and
:mod:`.draft_accept` moves the rows a curator accepts into the curator's sheets.
Uses: graph, querying, places.
"""
