from __future__ import annotations

from pathlib import Path

from newsbrief.read import iter_inputs
from newsbrief.read.text import article_from_text, decode_bytes, is_binary
from newsbrief.records import Article, Problem, article_id

STORY = (
    "\n\nCouncil approves new tram line\n\n"
    "The city council voted on Monday to build a tram line to the airport.\n"
    "\n"
    "Construction is due to start next spring, the transport office said.\n\n"
)


def _only_article(path: Path) -> Article:
    (record,) = list(iter_inputs([path]))
    assert isinstance(record, Article), record
    return record


def test_first_nonempty_line_is_title_and_paragraphs_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "tram.txt"
    path.write_text(STORY, encoding="utf-8")
    art = _only_article(path)
    assert art.title == "Council approves new tram line"
    assert art.text == (
        "The city council voted on Monday to build a tram line to the airport.\n"
        "\n"
        "Construction is due to start next spring, the transport office said."
    )
    assert art.source == str(path)
    assert art.id == article_id(str(path), art.text)
    assert art.meta["encoding"] == "utf-8"


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\r\nFirst line of the body.\r\nSecond line.\r\n")
    art = _only_article(path)
    assert art.title == "Headline"
    assert art.text == "First line of the body.\nSecond line."


def test_latin1_file_reads_correctly(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    text = "Le café du port rouvre\nLe propriétaire a déclaré que le café serait ouvert à 8 h.\n"
    path.write_bytes(text.encode("latin-1"))
    art = _only_article(path)
    assert art.title == "Le café du port rouvre"
    assert "propriétaire a déclaré que le café" in art.text
    assert art.meta["encoding"] in {"cp1252", "latin-1"}


def test_cp1252_quotes_read_correctly() -> None:
    raw = "He said \u201cno comment\u201d \u2013 twice, at the caf\u00e9.".encode("cp1252")
    text, encoding = decode_bytes(raw)
    assert text == "He said \u201cno comment\u201d \u2013 twice, at the caf\u00e9."
    assert encoding == "cp1252"


def test_cyrillic_legacy_encoding_is_detected() -> None:
    sentence = "Городской совет одобрил строительство новой линии трамвая до аэропорта."
    text, encoding = decode_bytes(sentence.encode("cp1251"))
    assert text == sentence
    assert encoding == "cp1251"


def test_binary_detection() -> None:
    assert is_binary(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    assert is_binary(b"%PDF-1.7 some text")
    assert is_binary(bytes(range(1, 32)) * 10)
    assert not is_binary("Plain words, ünïcode too.\n\tIndented.".encode())


def test_title_only_and_blank_texts_are_problems() -> None:
    assert isinstance(article_from_text("Just a headline\n\n", "a.txt"), Problem)
    blank = article_from_text(" \n \n", "b.txt")
    assert isinstance(blank, Problem) and blank.reason == "empty file"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    plain = tmp_path / "NOTES"
    plain.write_text("Storm closes port\nThe port closed at noon as winds rose.\n")
    binary = tmp_path / "blob.dat"
    binary.write_bytes(b"\x00\x01\x02\x03binary\x00payload" * 10)
    records = list(iter_inputs([plain, binary]))
    assert isinstance(records[0], Article) and records[0].title == "Storm closes port"
    assert isinstance(records[1], Problem)
    assert records[1].reason == "binary file, not an article"
    assert records[1].source == str(binary)
