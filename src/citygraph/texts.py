"""The text of a source document: UTF-8 text, or the text of a PDF or an HTML page.

``citygraph source add`` stores this text in ``sources/``; the evidence check
(:mod:`citygraph.graph.evidence`) compares quotes with it. Both read it here, so
a quote is checked against the very text that was stored.
"""

import hashlib
import re
from pathlib import Path

from citygraph.errors import InputError

__all__ = ["read_text", "html_encoding", "sha256"]


def _normalize(text):
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


def read_text(path, encoding=None):
    """The text of a source file: UTF-8 text, or text extracted from PDF or HTML.

    An HTML page is decoded by the encoding it declares (a byte-order mark,
    ``<meta charset>``, ``http-equiv`` or an XML declaration); a page that
    declares none must be UTF-8, or ``encoding`` must say what it is: a guess
    would store mojibake ("MedellÃ­n") that no quote could match.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_bytes(b"one\\r\\ntwo")
    >>> read_text(p)
    'one\\ntwo\\n'
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    if raw.startswith(b"%PDF") or suffix == ".pdf":
        return _normalize(_pdf_text(path))
    head = raw[:512].lstrip().lower()
    if suffix in (".html", ".htm", ".xhtml") or head.startswith((b"<!doctype html", b"<html")):
        return _normalize(_html_text(_decoded_html(raw, path, encoding), path))
    if encoding:
        text = _decode(raw, encoding, path, "--encoding")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8, "
                             "give its encoding (--encoding windows-1252), or give a PDF or "
                             "HTML file") from None
    if "\x00" in text:
        raise InputError(f"{path}: a binary file; give plain text (UTF-8), PDF or HTML")
    return _normalize(text)


def _pdf_text(path):
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise InputError(f"{path}: reading PDF needs pypdf (pip install pypdf)") from None
    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"{path}: not a readable PDF ({exc})") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise InputError(f"{path}: the PDF has no text layer (a scan?); give its text instead")
    return text


_DECLARED = (
    re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I),
    re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I),
)


def html_encoding(raw):
    """The encoding an HTML page declares in its first 4 kB, or None.

    >>> html_encoding(b'<html><head><meta charset="euc-kr"></head>')
    'euc-kr'
    >>> html_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    'windows-1252'
    >>> html_encoding(b"<html><body>Medell\\xc3\\xadn</body></html>") is None
    True
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for pattern in _DECLARED:
        m = pattern.search(raw[:4096])
        if m:
            return m.group(1).decode("ascii").lower()
    return None


def _decode(raw, encoding, path, where):
    try:
        return raw.decode(encoding)
    except LookupError:
        raise InputError(f"{path}: {where} {encoding!r} is not an encoding Python knows "
                         "(utf-8, windows-1252, euc-kr, shift_jis, gb18030, ...)") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not {encoding} (byte {exc.start}); give the encoding it is "
                         "written in with --encoding") from None


def _decoded_html(raw, path, encoding):
    """The page as text: by --encoding, by what it declares, or as UTF-8 when it decodes as such."""
    if encoding:
        return _decode(raw, encoding, path, "--encoding")
    declared = html_encoding(raw)
    if declared:
        return _decode(raw.removeprefix(b"\xef\xbb\xbf"), declared, path, "its declared charset")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the page declares no encoding (no <meta charset>) and is not "
                         f"UTF-8 (byte {exc.start}); give its encoding: citygraph source add "
                         f"{path.name} --encoding windows-1252 (or the one it is written in)") \
            from None


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "header", "footer", "table", "ul", "ol", "blockquote", "title"}


def _html_text(raw, path):
    import lxml.html
    from lxml.etree import ParserError

    # the text is decoded already: a declaration left in it would make lxml refuse the string
    raw = re.sub(r"^\s*<\?xml[^>]*\?>", "", raw.lstrip("\ufeff"))
    try:
        root = lxml.html.document_fromstring(raw)
    except (ParserError, ValueError) as exc:
        raise InputError(f"{path}: not a readable HTML page ({exc})") from None
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def sha256(text):
    """The SHA-256 of a text as stored (UTF-8), lowercase hex.

    >>> sha256("abc\\n")[:12]
    'edeaaff3f177'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
