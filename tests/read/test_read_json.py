from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.read import article_from_dict, iter_inputs
from newsbrief.records import Article, Problem, article_id

BODY = "Rescue teams reached the village on Friday.\nAll residents were safe, officials said."


@pytest.mark.parametrize("text_key", ["text", "body", "content", "article", "maintext"])
@pytest.mark.parametrize("title_key", ["title", "headline"])
def test_text_and_title_field_variants(text_key: str, title_key: str) -> None:
    art = article_from_dict({text_key: BODY, title_key: "Village reached"}, "f.jsonl#L1")
    assert art.text == BODY
    assert art.title == "Village reached"
    assert art.source == "f.jsonl#L1"
    assert art.id == article_id("f.jsonl#L1", BODY)


@pytest.mark.parametrize(
    "date_key",
    ["date", "published", "published_at", "publish_date", "pubDate", "datePublished"],
)
def test_date_field_variants(date_key: str) -> None:
    art = article_from_dict({"text": BODY, date_key: "2021-03-05T09:15:00Z"}, "s")
    assert art.published == "2021-03-05T09:15:00+00:00"


@pytest.mark.parametrize("outlet_key", ["outlet", "source", "site", "site_name", "publisher"])
def test_outlet_field_variants(outlet_key: str) -> None:
    assert article_from_dict({"text": BODY, outlet_key: "Valley News"}, "s").outlet == "Valley News"


def test_outlet_dict_domain_and_url_fallback() -> None:
    newsapi = {"content": BODY, "source": {"id": None, "name": "Valley News"}}
    assert article_from_dict(newsapi, "s").outlet == "Valley News"
    assert article_from_dict({"text": BODY, "domain": "www.valley.example"}, "s").outlet == (
        "valley.example"
    )
    art = article_from_dict({"text": BODY, "link": "https://www.valley.example/a"}, "s")
    assert art.outlet == "valley.example"
    assert art.meta["outlet_from"] == "url"


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("author", "Ana Lima and Tom Berg", ["Ana Lima", "Tom Berg"]),
        ("authors", ["Ana Lima", "Tom Berg"], ["Ana Lima", "Tom Berg"]),
        ("authors", [{"name": "Ana Lima"}, {"name": "Tom Berg"}], ["Ana Lima", "Tom Berg"]),
        ("byline", "By Ana Lima, Tom Berg", ["Ana Lima", "Tom Berg"]),
    ],
)
def test_author_field_variants(key: str, value: object, expected: list[str]) -> None:
    assert article_from_dict({"text": BODY, key: value}, "s").authors == expected


def test_url_becomes_source_and_unknown_fields_go_to_meta() -> None:
    record = {
        "text": BODY,
        "url": "https://valley.example/rescue",
        "category": "world",
        "word_count": 14,
    }
    art = article_from_dict(record, "feed.jsonl#L3")
    assert art.source == "https://valley.example/rescue"
    assert art.url == "https://valley.example/rescue"
    assert art.id == article_id("https://valley.example/rescue", BODY)
    assert art.meta["category"] == "world"
    assert art.meta["word_count"] == 14
    assert art.meta["path"] == "feed.jsonl#L3"
    assert "text" not in art.meta and "url" not in art.meta


def test_bad_date_keeps_raw_value() -> None:
    art = article_from_dict({"text": BODY, "date": "sometime last spring"}, "s")
    assert art.published is None
    assert art.meta["raw_date"] == "sometime last spring"


def test_paragraph_lists_and_html_bodies() -> None:
    art = article_from_dict({"text": ["First paragraph.", "", "Second paragraph."]}, "s")
    assert art.text == "First paragraph.\nSecond paragraph."
    art = article_from_dict({"body": "<p>First <b>bold</b> one.</p><p>Second.</p>"}, "s")
    assert art.text == "First bold one.\nSecond."


def test_records_without_text_raise_input_error() -> None:
    with pytest.raises(InputError, match="no text field"):
        article_from_dict({"title": "Only a title"}, "s")
    with pytest.raises(InputError, match="empty text"):
        article_from_dict({"text": "   "}, "s")


def test_jsonl_with_one_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "One", "text": "First article body."}),
        "",
        '{"title": "Two" "text": "missing comma"}',
        json.dumps({"title": "Three", "text": "Third article body."}),
        json.dumps({"title": "Four"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    records = list(iter_inputs([path]))
    articles = [r for r in records if isinstance(r, Article)]
    problems = [r for r in records if isinstance(r, Problem)]
    assert [a.title for a in articles] == ["One", "Three"]
    assert [a.source for a in articles] == [f"{path}#L1", f"{path}#L4"]
    assert [(p.source, p.line) for p in problems] == [(str(path), 3), (str(path), 5)]
    assert problems[0].reason == "not valid JSON: Expecting ',' delimiter (col 17)"
    assert problems[1].reason.startswith("no text field (expected one of text/body/")


def test_json_object_list_and_wrapper(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"headline": "Solo", "body": BODY}))
    listed = tmp_path / "many.json"
    listed.write_text(json.dumps([{"text": "Alpha body."}, 7, {"text": "Gamma body."}]))
    wrapped = tmp_path / "api.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [{"content": "Delta body."}]}))
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "text": "x",\n  oops\n}')
    records = list(iter_inputs([single, listed, wrapped, broken]))
    summary = [
        (r.source, r.text) if isinstance(r, Article) else (r.source, r.reason, r.line)
        for r in records
    ]
    assert summary == [
        (str(single), BODY),
        (f"{listed}#0", "Alpha body."),
        (str(listed), "item 1: not a JSON object but int", None),
        (f"{listed}#2", "Gamma body."),
        (f"{wrapped}#0", "Delta body."),
        (
            str(broken),
            "not valid JSON: Expecting property name enclosed in double quotes (line 3, col 3)",
            3,
        ),
    ]


def test_gzipped_jsonl_and_truncated_gzip(tmp_path: Path) -> None:
    payload = "".join(json.dumps({"text": f"Story number {i} body."}) + "\n" for i in range(500))
    good = tmp_path / "feed.jsonl.gz"
    good.write_bytes(gzip.compress(payload.encode()))
    records = list(iter_inputs([good]))
    assert len(records) == 500 and all(isinstance(r, Article) for r in records)

    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    records = list(iter_inputs([cut]))
    articles = [r for r in records if isinstance(r, Article)]
    problems = [r for r in records if isinstance(r, Problem)]
    # Whatever decompressed before the damage is kept, and the damage is reported once.
    assert 0 < len(articles) < 500
    assert [a.text for a in articles] == [f"Story number {i} body." for i in range(len(articles))]
    assert [(p.source, p.reason) for p in problems] == [(str(cut), "truncated or corrupt gzip")]


def test_an_empty_jsonl_file_is_reported(tmp_path):
    import gzip

    from newsbrief.read import iter_inputs
    from newsbrief.records import Problem

    (tmp_path / "a.jsonl").write_text("\n\n")
    with gzip.open(tmp_path / "b.jsonl.gz", "wb"):
        pass
    found = list(iter_inputs([tmp_path]))
    assert [(type(p), p.reason) for p in found] == [(Problem, "empty file")] * 2
