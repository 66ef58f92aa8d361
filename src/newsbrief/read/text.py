"""Plain-text articles, and the byte-level decisions every format needs: binary or text,
and which encoding."""

from __future__ import annotations

import codecs

from newsbrief.records import Article, Problem, article_id

_SNIFF_BYTES = 8192
# Magic numbers of formats people drop into article folders by accident; their first kilobytes
# can look like text to a byte-statistics test.
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"SQLite format 3",
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_MAX_CONTROL_RATIO = 0.05
# Encodings for which charset_normalizer cannot tell Western European text apart from Central
# European on short inputs; cp1252 (the web's de-facto "latin-1") is the safer reading.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "iso8859_1"})
_WESTERN_SLACK = 0.05


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, PDFs, archives)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > _MAX_CONTROL_RATIO


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was read with: UTF-8 (with or without BOM), UTF-16
    with a BOM, else the encoding charset_normalizer finds, preferring cp1252 on a tie."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        # latin-1 maps every byte, so this never fails; a wrong guess beats losing the file.
        return data.decode("latin-1"), "latin-1"


def _guess_encoding(data: bytes) -> str:
    try:
        import charset_normalizer
    except ImportError:  # pragma: no cover - shipped with trafilatura
        return "cp1252"
    matches = [
        m
        for m in charset_normalizer.from_bytes(data[: 1 << 20])
        # Without a BOM, UTF-16/32 guesses on 8-bit text are always wrong for news articles.
        if not m.encoding.startswith(("utf_16", "utf_32"))
    ]
    if not matches:
        return "cp1252"
    best = min(m.chaos for m in matches)
    for m in matches:
        if m.encoding in _WESTERN and m.chaos <= best + _WESTERN_SLACK:
            return "cp1252"
    return min(matches, key=lambda m: m.chaos).encoding


def article_from_text(text: str, source: str, encoding: str | None = None) -> Article | Problem:
    """A plain-text article: the first non-empty line is the title, everything after it the
    body with its line breaks kept (paragraphs matter to the stages downstream)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return Problem(source, "empty file")
    title = " ".join(lines[start].split())
    rest = lines[start + 1 :]
    while rest and not rest[0].strip():
        rest.pop(0)
    while rest and not rest[-1].strip():
        rest.pop()
    body = "\n".join(rest)
    if not body:
        return Problem(source, "only a title line, no article text")
    meta: dict[str, object] = {"format": "text"}
    if encoding is not None:
        meta["encoding"] = encoding
    return Article(
        id=article_id(source, body), source=source, text=body, title=title, meta=meta
    )
