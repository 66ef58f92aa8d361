"""The examples/ corpus keeps the properties its README promises (the quick start relies on it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _txt_bodies() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}


def _html() -> str:
    return (EXAMPLES / "ashwen-valley-post-footbridge.html").read_text(encoding="utf-8")


def _jsonl() -> list[dict[str, str]]:
    lines = (EXAMPLES / "wires.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _html_body() -> str:
    article = _html().split("<article>", 1)[1].split("</article>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", article))


def test_ten_articles_in_three_formats() -> None:
    assert len(_txt_bodies()) == 6
    assert 2 <= len(_jsonl()) <= 4
    assert len(_txt_bodies()) + len(_jsonl()) + 1 == 10
    assert (EXAMPLES / "README.md").read_text(encoding="utf-8").count("invented") >= 1


def test_every_article_is_150_to_400_words() -> None:
    texts = list(_txt_bodies().values()) + [r["text"] for r in _jsonl()] + [_html_body()]
    for text in texts:
        assert 150 <= len(text.split()) <= 400, text[:60]


def test_txt_files_start_with_a_title_line() -> None:
    for name, text in _txt_bodies().items():
        first, second = text.splitlines()[:2]
        assert first.strip() and not first.startswith("By ") and second == "", name


def test_jsonl_records_have_the_documented_fields() -> None:
    for record in _jsonl():
        assert {"url", "title", "text", "published", "outlet", "author"} <= record.keys()
        assert record["published"].startswith("2024-05-1")


def test_html_page_carries_metadata_and_boilerplate() -> None:
    page = _html()
    ld = json.loads(page.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert ld["@type"] == "NewsArticle" and ld["datePublished"].startswith("2024-05-14")
    assert ld["author"][0]["name"] and ld["publisher"]["name"] == "Ashwen Valley Post"
    assert 'property="og:site_name"' in page and 'property="og:title"' in page
    assert "<nav>" in page and "<footer>" in page and "Back to top" in page


def test_the_planted_rewrite_conflict_and_comments_are_there() -> None:
    txt = _txt_bodies()
    original, rewrite = (
        txt["calderwick-courier-footbridge.txt"],
        txt["daily-roundup-footbridge.txt"],
    )
    assert "built in 1968" in original and "built in 1986" in rewrite
    assert "built in 1968" not in rewrite
    ledger = txt["northern-ledger-footbridge.txt"]
    assert "injured 14 people" in ledger and "Comments (3)" in ledger
    elsewhere = [original, rewrite, _html_body(), *(r["text"] for r in _jsonl()[:2])]
    assert all(re.search(r"\b(11|Eleven)\b", t) for t in elsewhere)
    for variant in ("Miriam Tollander", "Ms Tollander", "Tollander,"):
        assert any(variant in t for t in [*txt.values(), _html_body(), _jsonl()[1]["text"]])
