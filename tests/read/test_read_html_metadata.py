from __future__ import annotations

from pathlib import Path

from newsbrief.clean import clean_article, clean_lines
from newsbrief.read.html import article_from_html
from newsbrief.read.metadata import read_page_meta
from newsbrief.records import Article

# an article body written for these tests, shared with the other reader tests
BODY = "\n" + (Path(__file__).parent / "fixtures" / "council_market_body.html").read_text()

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tram depot to become a covered market - Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta name="author" content="Email the author">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "Riverside Gazette"}},
  {{"@type": "NewsArticle", "headline": "Tram depot to become a covered market",
    "datePublished": "2022-10-03T17:05:00+01:00",
    "author": [{{"@type": "Person", "name": "Tomás Ferreira"}},
               {{"@type": "Person", "name": "Ada Kowalski"}}]}}]}}
</script></head><body>
<aside><h3>Most read</h3><p>Posted 1 January 2019</p><a href="/x">Old story</a></aside>
<article><h1>Tram depot to become a covered market</h1>{BODY}</article>
</body></html>"""


def test_metadata_from_jsonld_graph_wins_over_page_text() -> None:
    art = article_from_html(PAGE, "market.html")
    assert isinstance(art, Article)
    assert art.title == "Tram depot to become a covered market"
    assert art.authors == ["Tomás Ferreira", "Ada Kowalski"]
    assert art.published == "2022-10-03T17:05:00+01:00"
    assert art.outlet == "Riverside Gazette"
    assert art.meta["authors_from"] == "jsonld:author"
    assert art.meta["published_from"] == "jsonld:datePublished"
    assert art.meta["outlet_from"] == "og:site_name"
    assert art.meta["body_from"] in ("favor_precision", "favor_recall")
    assert "Most read" not in art.text and "Old story" not in art.text
    assert art.text.count("\n") == 3  # four paragraphs, one per line


def test_widget_author_and_missing_jsonld_fall_back_to_meta_tags() -> None:
    page = f"""<html><head><title>Quiet night at the observatory</title>
    <meta property="og:title" content="Quiet night at the observatory">
    <meta name="author" content="Email the author">
    <meta name="parsely-author" content="Li Wen">
    <meta property="article:published_time" content="2021-05-06T22:10:00Z">
    </head><body><article>{BODY}</article></body></html>"""
    art = article_from_html(page, "obs.html")
    assert isinstance(art, Article)
    assert art.authors == ["Li Wen"]
    assert art.meta["authors_from"] == "meta:parsely-author"
    assert art.published == "2021-05-06T22:10:00+00:00"
    assert art.meta["published_from"] == "meta:article:published_time"


def test_read_page_meta_tolerates_broken_jsonld() -> None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(
        '<html><head><script type="application/ld+json">{"@type": "Article",\n'
        '"headline": "Line one",\n"author": {"name": "Sam Lee"},}</script></head>'
        "<body><p>x</p></body></html>"
    )
    meta = read_page_meta(tree)
    assert meta.titles[0] == ("jsonld:headline", "Line one")
    assert meta.authors[0] == ("jsonld:author", ["Sam Lee"])


def test_markup_authors_are_not_extended_by_body_bylines() -> None:
    art = Article(
        id="a",
        source="p.html",
        text="By Photo Desk\nThe council met on Monday and agreed the plan for the market hall.",
        authors=["Tomás Ferreira"],
        meta={"format": "html", "authors_from": "jsonld:author"},
    )
    assert clean_article(art).authors == ["Tomás Ferreira"]


def test_structured_text_keeps_short_list_items_that_shape_rules_would_drop() -> None:
    lines = [
        "The recipe needs only a few things from the corner shop, all of them cheap.",
        "- two onions",
        "- a tin of tomatoes",
        "- fresh basil",
        "Cook the onions slowly before adding the tomatoes, then season to taste.",
    ]
    kept_structured = [r is None for _, r in clean_lines(lines, structured=True)]
    assert all(kept_structured)
    # the plain-text cleaner still judges shape (it drops at least as much)
    kept_plain = [r is None for _, r in clean_lines(lines)]
    assert sum(kept_plain) <= sum(kept_structured)


def test_settings_decide_who_wins_where_markup_and_trafilatura_disagree() -> None:
    from newsbrief.read.html import ExtractSettings, _first_authors, _first_date
    from newsbrief.read.metadata import PageMeta

    marked = [("jsonld:datePublished", "2022-10-03T17:05:00+01:00")]
    assert _first_date(marked, "2022-10-04")[0] == "2022-10-03T17:05:00+01:00"
    assert _first_date(marked, "2022-10-04", trafilatura_first=True) == (
        "2022-10-04",
        "trafilatura",
    )
    # trafilatura found nothing: our evidence fills the gap either way
    assert _first_date(marked, None, trafilatura_first=True)[1] == "jsonld:datePublished"

    meta = PageMeta(authors=[("jsonld:author", ["Tomás Ferreira"])])
    tree = None  # the visible byline is never reached: the markup or trafilatura answers
    assert _first_authors(tree, meta, "Li Wen", None, None)[0] == ["Tomás Ferreira"]
    assert _first_authors(tree, meta, "Li Wen", None, None, trafilatura_first=True) == (
        ["Li Wen"],
        "trafilatura",
    )

    plain = article_from_html(PAGE, "market.html", settings=ExtractSettings(body="default"))
    precise = article_from_html(PAGE, "market.html", settings=ExtractSettings(body="precision"))
    assert isinstance(plain, Article) and isinstance(precise, Article)
    assert plain.meta["body_from"] == "default"
    assert precise.meta["body_from"] in ("favor_precision", "favor_recall")
    assert plain.text == precise.text  # a clean page: both runs find the same four paragraphs


def test_markup_corrects_a_day_first_misreading_by_trafilatura() -> None:
    from newsbrief.read.html import _first_date

    marked = [("meta:article:published_time", "2026-03-09T10:00:00Z")]
    # trafilatura read 9 March as 3 September: the markup's reading stands
    assert _first_date(marked, "2026-09-03", trafilatura_first=True)[1] == (
        "meta:article:published_time"
    )
    # a plain disagreement is not a misreading: trafilatura's date stands
    assert _first_date(marked, "2026-03-10", trafilatura_first=True) == (
        "2026-03-10",
        "trafilatura",
    )
