from __future__ import annotations

import gzip
from pathlib import Path

from newsbrief.read import iter_inputs
from newsbrief.read.html import article_from_html
from newsbrief.records import Article, Problem

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | Coastal Courier</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="Coastal Courier">
<meta property="og:url" content="https://courier.example.com/news/harbour-bridge-reopens">
<meta name="author" content="Jane Doe, Rahul Mehta and Lena Fischer">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Harbour bridge reopens after repairs", "datePublished": "2023-04-12T08:30:00+02:00",
"publisher": {"@type": "Organization", "name": "Coastal Courier"}}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Tuesday morning after eight months of repairs
that cost the city more than four million euros, officials said.</p>
<p>Mayor Anna Berg told reporters that the work had finished two weeks ahead of schedule and
that cyclists would now have a separate lane on the eastern side.</p>
<p>"We promised a safer crossing and this is what people get today," Berg said at the opening
ceremony, which drew several hundred residents.</p>
<p>Engineers replaced the worn steel cables and resurfaced the whole deck, according to a
statement from the city transport office.</p>
</article>
<footer><p>Copyright 2023 Coastal Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def _article(path: Path) -> Article:
    (record,) = list(iter_inputs([path]))
    assert isinstance(record, Article), record
    return record


def test_html_page_through_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    art = _article(path)
    assert art.title == "Harbour bridge reopens after repairs"
    lines = art.text.split("\n")
    # One paragraph per line, the <h1> not repeated, no navigation or footer.
    assert len(lines) == 4
    assert lines[0].startswith("The harbour bridge reopened to traffic on Tuesday")
    assert lines[3].endswith("city transport office.")
    for junk in ("Home", "Sport", "Copyright", "Privacy policy"):
        assert junk not in art.text
    assert art.authors == ["Jane Doe", "Rahul Mehta", "Lena Fischer"]
    assert art.published == "2023-04-12T08:30:00+02:00"  # JSON-LD keeps the time
    assert art.meta["published_from"] == "jsonld:datePublished"
    assert art.outlet == "Coastal Courier"
    assert art.url == "https://courier.example.com/news/harbour-bridge-reopens"
    assert art.source == str(path)
    assert art.meta["extractor"] == "trafilatura"


def test_gzipped_html_reads_the_same(tmp_path: Path) -> None:
    plain = tmp_path / "bridge.htm"
    plain.write_text(PAGE, encoding="utf-8")
    packed = tmp_path / "bridge.html.gz"
    packed.write_bytes(gzip.compress(PAGE.encode()))
    assert _article(packed).text == _article(plain).text


def test_html_without_an_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "saved_page"
    path.write_text(PAGE, encoding="utf-8")
    assert _article(path).meta["format"] == "html"


def test_page_without_body_is_a_problem() -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>"
    problem = article_from_html(page, "menu.html")
    assert isinstance(problem, Problem)
    assert problem.reason == "no article text found in HTML page"
    assert problem.source == "menu.html"
