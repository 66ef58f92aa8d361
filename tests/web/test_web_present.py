"""The pure helpers behind the pages: link safety, labels, matrix, diff, upload names."""

from __future__ import annotations

from web_fixtures import ORIGINAL, REWRITE, build_articles, build_brief

from newsbrief.records import Article, Sentence
from newsbrief.web import present
from newsbrief.web.diff import align, diff_rows, word_diff
from newsbrief.web.ingest import safe_name


def test_safe_url_allows_only_http_links() -> None:
    assert present.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert present.safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                "vbscript:x", "//evil.example/x", "/etc/passwd", "http:///x",
                "https://ok.example/\tjavascript:x", "", None):  # fmt: skip
        assert present.safe_url(bad) is None, bad


def test_source_label_falls_back_to_host_then_file_name() -> None:
    assert present.source_label("Harbour Times", "/x/a.txt") == "Harbour Times"
    assert present.source_label(None, "https://news.example/a/b") == "news.example"
    assert present.source_label(None, "/data/in/wires.jsonl#3") == "wires.jsonl"
    assert present.source_label(None, "javascript:alert(1)") == "javascript:alert(1)"


def test_claim_matrix_marks_rewrite_support_as_derived() -> None:
    brief = build_brief(build_articles())
    columns, rows = present.claim_matrix(brief)
    labels = [c.label for c in columns]
    assert labels[:3] == ["Harbour Times", "Copy Daily", "River Wire"]
    first = {label: cell for label, cell in zip(labels, rows[0].cells, strict=True)}
    assert first["Harbour Times"].state == "independent"
    assert first["Copy Daily"].state == "derived"
    assert first["Copy Daily"].note == "rewrite of Harbour Times"
    assert first["River Wire"].state == "independent"
    second = dict(zip(labels, rows[1].cells, strict=True))
    assert second["River Wire"].state == "none" and rows[1].conflicted


def test_quotes_grouped_by_speaker_and_coverage_counts() -> None:
    brief = build_brief(build_articles())
    groups = present.quotes_by_speaker(brief.quotes)
    assert {speaker for speaker, _ in groups} == {"Lena Okafor", brief.quotes[1].speaker}
    cov = present.coverage(brief)
    assert cov["articles"] == 4 and cov["independent"] == 3 and cov["kinds"] == {"rewrite": 1}


def test_split_marked_snippet() -> None:
    segments = present.split_marked("a \x02hit\x03 b \x02two\x03")
    assert [(s.text, s.changed) for s in segments] == [
        ("a ", False), ("hit", True), (" b ", False), ("two", True)]  # fmt: skip


def test_word_diff_marks_only_changed_words() -> None:
    left, right = word_diff("The bridge was built in 1968.", "The bridge was built in 1986.")
    assert [s.text for s in left if s.changed] == ["1968."]
    assert [s.text for s in right if s.changed] == ["1986."]
    assert "".join(s.text for s in right) == "The bridge was built in 1986."


def test_diff_rows_without_pairs_align_by_similarity() -> None:
    def art(aid: str, sentences: list[str]) -> Article:
        return Article(id=aid, source=aid, sentences=[
            Sentence(i, s, 0, 0) for i, s in enumerate(sentences)])  # fmt: skip

    assert align(ORIGINAL, REWRITE) == {0: 0, 1: 1}
    rows = diff_rows(art("p", ORIGINAL), art("c", REWRITE))
    assert [(r.parent_sentence, r.child_sentence) for r in rows] == [
        (0, 0), (1, 1), (2, None), (None, 2)]  # fmt: skip
    assert all(s.changed for s in rows[3].child)


def test_safe_name_never_keeps_a_path() -> None:
    assert safe_name(0, "../../etc/passwd") == "000-passwd.txt"
    assert safe_name(3, "C:\\x\\My Report.HTML") == "003-My-Report.html"
    assert safe_name(1, "feed.jsonl.gz") == "001-feed.jsonl.gz"
    assert safe_name(2, "") == "002-upload.txt"
    assert "/" not in safe_name(4, "a/b/<script>.txt")


def test_claim_matrix_shows_a_dissenting_outlet_apart() -> None:
    brief = build_brief(build_articles())
    river = next(ref.id for ref in brief.articles if present.ref_label(ref) == "River Wire")
    brief.claims[0].dissenting = [river]
    columns, rows = present.claim_matrix(brief)
    cells = {c.label: cell for c, cell in zip(columns, rows[0].cells, strict=True)}
    assert cells["River Wire"].state == "dissent" and cells["River Wire"].articles == [river]
    assert cells["Harbour Times"].state == "independent"
    assert rows[0].articles == 2
