"""Authors from the byline a page shows when its markup names no person (or only the outlet)."""

from __future__ import annotations

import json

from lxml import html as lxml_html

from newsbrief.read.html import article_from_html
from newsbrief.read.metadata import read_page_meta, visible_bylines
from newsbrief.records import Article

BODY = """
<p>The county library reopened its reading room on Saturday after eight months of repairs to
the roof, which had leaked through two winters and damaged part of the local history shelf.</p>
<p>Volunteers spent the last fortnight moving about four thousand books back onto the shelves,
the head librarian said, and the archive of old parish maps has been scanned for the web.</p>
<p>Opening hours stay as they were, and the children's corner now has a small stage for story
readings on Wednesday afternoons, with the first one planned for the coming week.</p>
"""


def _page(head: str = "", byline: str = "", extra: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>Library reading room reopens - Dale Courier</title>
    <meta property="og:site_name" content="Dale Courier">{head}</head><body>
    <article><h1>Library reading room reopens</h1>{byline}{BODY}</article>{extra}</body></html>"""


def _read(page: str) -> Article:
    art = article_from_html(page, "library.html", url="https://dalecourier.example/news/library")
    assert isinstance(art, Article)
    return art


def test_author_page_link_names_the_writer_and_its_slug_trims_job_titles() -> None:
    byline = (
        '<div class="meta"><a href="/author/mira-tallis/">By Mira Tallis Staff Writer</a></div>'
    )
    art = _read(_page(byline=byline))
    assert art.authors == ["Mira Tallis"]
    assert art.meta["authors_from"] == "byline:link"


def test_markup_author_that_is_the_outlet_gives_way_to_the_byline() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Library reading room reopens",
        "author": {"@type": "Organization", "name": "Dale Courier"},
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    byline = '<p class="byline">By <a href="/staff/oren-pike">Oren Pike</a></p>'
    art = _read(_page(head=head, byline=byline))
    assert art.authors == ["Oren Pike"]


def test_outlet_stays_the_author_when_no_person_is_named() -> None:
    head = '<meta name="author" content="Dale Courier">'
    art = _read(_page(head=head))
    assert art.authors == ["Dale Courier"]


def test_related_cards_and_comment_authors_are_not_the_byline() -> None:
    extra = """<aside><a href="/author/una-west/">Una West</a></aside>
    <div class="related-posts"><a href="/author/ivo-brand/">Ivo Brand</a></div>
    <ol class="comment-list"><li><a href="/author/reader-one/">Reader One</a></li></ol>"""
    byline = '<span class="author-name"><a href="/author/mira-tallis/">Mira Tallis</a></span>'
    tree = lxml_html.fromstring(_page(byline=byline, extra=extra))
    assert visible_bylines(tree)[0] == ("byline:link", ["Mira Tallis"])
    tree = lxml_html.fromstring(_page(extra=extra))
    assert visible_bylines(tree) == []


def test_side_by_side_links_join_but_a_reviewer_box_does_not() -> None:
    byline = """<p>By <a href="/author/ana-ruiz">Ana Ruiz</a> and
    <a href="/author/ben-okafor">Ben Okafor</a></p>
    <div class="reviewer"><a href="/author/cleo-marsh">Cleo Marsh</a></div>"""
    tree = lxml_html.fromstring(_page(byline=byline))
    assert visible_bylines(tree)[0] == ("byline:link", ["Ana Ruiz", "Ben Okafor"])


def test_plain_by_line_and_itemprop_author() -> None:
    tree = lxml_html.fromstring(_page(byline="<div><span>By </span><b>Lena Ostrova</b></div>"))
    assert ("byline:text", ["Lena Ostrova"]) in visible_bylines(tree)
    micro = (
        '<div itemprop="author" itemscope>Written by: <a href="/who/lo">'
        '<span itemprop="name">Lena Ostrova</span></a></div>'
    )
    tree = lxml_html.fromstring(_page(byline=micro))
    assert visible_bylines(tree)[0] == ("byline:link", ["Lena Ostrova"])


def test_dates_in_byline_blocks_are_not_names() -> None:
    tree = lxml_html.fromstring(
        _page(byline='<div class="author">March 3, 2024 · 5 min read</div>')
    )
    assert visible_bylines(tree) == []


def test_scholarly_tags_list_every_author_and_yoast_label_names_the_writer() -> None:
    head = """<meta name="citation_author" content="Varga, Edit">
    <meta name="citation_author" content="Lund, Per">"""
    meta = read_page_meta(lxml_html.fromstring(_page(head=head)))
    assert meta.authors[0] == ("meta:citation_author", ["Varga, Edit", "Lund, Per"])
    assert _read(_page(head=head)).authors == ["Edit Varga", "Per Lund"]
    head = """<meta name="twitter:label1" content="Written by">
    <meta name="twitter:data1" content="Tomas Reyes">"""
    assert _read(_page(head=head)).authors == ["Tomas Reyes"]


def test_job_title_after_a_dash_is_cut_from_a_markup_author() -> None:
    head = '<meta name="author" content="Ida Brenner - Dale Courier Editorial Team">'
    assert _read(_page(head=head)).authors == ["Ida Brenner"]
