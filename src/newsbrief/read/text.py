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
# Non-letter characters a Western (cp1252) news text plausibly holds outside ASCII. Rare signs
# such as ¹ ³ ¦ are left out: they are what Polish or Czech letters become when misread.
_WESTERN_PUNCT = frozenset("“”‘’„‚–—…€£¥°©®™«»·•×÷§¶¢ªº±¼½¾¿¡\xa0")
_MAX_GUESS_BYTES = 1 << 20


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


def _is_latin_letter(char: str) -> bool:
    import unicodedata

    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def _latin_letters(text: str) -> bool:
    """Whether the non-ASCII letters of ``text`` are (mostly) Latin script."""
    letters = [c for c in set(text) if ord(c) > 127 and c.isalpha()]
    latin = sum(1 for c in letters if _is_latin_letter(c))
    return latin >= 0.9 * len(letters)


def _plausible_cp1252(text: str) -> bool:
    return all(
        ord(c) < 128 or c in _WESTERN_PUNCT or _is_latin_letter(c) or c.isspace() for c in set(text)
    )


def _guess_encoding(data: bytes) -> str:
    """charset_normalizer's guess, except that Latin-script text which reads cleanly as
    cp1252 is read as cp1252: on short texts the library cannot tell Western from Central
    European code pages and would turn "très" into "trčs"."""
    import charset_normalizer

    sample = data[:_MAX_GUESS_BYTES]
    matches = [
        m
        for m in charset_normalizer.from_bytes(sample)
        # Without a BOM, UTF-16/32 guesses on 8-bit text are always wrong for news articles.
        if not m.encoding.startswith(("utf_16", "utf_32"))
    ]
    best = min(matches, key=lambda m: m.chaos) if matches else None
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding if best is not None else "latin-1"
    if best is None or (_latin_letters(str(best)) and _plausible_cp1252(western)):
        return "cp1252"
    return best.encoding


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
    from newsbrief.outlets import outlet_from_text

    # a plain text carries no markup: the outlet is one the text names as its own, if any
    outlet = outlet_from_text(body)
    if outlet:
        meta["outlet_from"] = "text"
    return Article(
        id=article_id(source, body), source=source, text=body, title=title, meta=meta, outlet=outlet
    )
