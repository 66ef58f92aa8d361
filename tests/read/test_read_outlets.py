"""The outlet a reader sets (issue 16): the publisher's markup, the masthead, else the URL's
registered domain; never a platform, a URL or a headline; a plain text's own naming."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.read.html import article_from_html
from newsbrief.read.jsonl import article_from_dict
from newsbrief.read.text import article_from_text
from newsbrief.records import Article

# an article body written for these tests, shared with the other reader tests
BODY = "\n" + (Path(__file__).parent / "fixtures" / "council_market_body.html").read_text()


def page(head: str, title: str = "Tram depot to become a covered market") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><article><h1>Tram depot to become a covered market</h1>{BODY}"
        "</article></body></html>"
    )


def read(html: str, url: str | None) -> Article:
    art = article_from_html(html, "page.html", url=url)
    assert isinstance(art, Article)
    return art


def test_jsonld_publisher_comes_first() -> None:
    head = (
        '<meta property="og:site_name" content="Blogger">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
        '"publisher": {"@type": "Organization", "name": "Valley Ledger"}}</script>'
    )
    art = read(page(head), "https://news.valleyledger.example.org/2024/market")
    assert (art.outlet, art.meta["outlet_from"]) == ("Valley Ledger", "jsonld:publisher")


def test_a_platform_site_name_gives_way_to_the_masthead() -> None:
    head = '<meta property="og:site_name" content="Blogger">'
    art = read(page(head, "Tram depot to become a market | Hilltown Herald"), None)
    # no URL: the masthead cannot be checked against a domain, so nothing is guessed
    assert art.outlet is None
    art = read(
        page(head, "Tram depot to become a market | Hilltown Herald"),
        "https://www.hilltownherald.co.uk/news/market",
    )
    assert (art.outlet, art.meta["outlet_from"]) == ("Hilltown Herald", "masthead")


def test_headline_or_url_as_site_name_falls_back_to_the_domain() -> None:
    for bad in ("https://www.riverside.example.com/", "Council votes: the depot becomes a market!"):
        art = read(
            page(f'<meta property="og:site_name" content="{bad}">', "Market"),
            "https://edition.riverside.example.com/a/b",
        )
        assert art.outlet == "example.com"
        assert art.meta["outlet_from"] == "url"


def test_a_blog_on_a_platform_is_its_own_outlet() -> None:
    art = read(page("", "Market"), "https://tramwatch.blogspot.com/2024/01/market.html")
    assert art.outlet == "tramwatch.blogspot.com"


def test_host_variants_are_one_name() -> None:
    a = read(page("", "Market"), "https://www.ledger.co.uk/x")
    b = read(page("", "Market"), "https://news.ledger.co.uk/y")
    assert a.outlet == b.outlet == "ledger.co.uk"


def test_json_record_outlets() -> None:
    text = "The council voted to turn the old tram depot into a covered market. " * 3
    assert article_from_dict({"text": text, "source": "WordPress.com"}, "s").outlet is None
    rec = {"text": text, "source": "WordPress", "url": "https://www.ledger.co.uk/x"}
    assert article_from_dict(rec, "s").outlet == "ledger.co.uk"
    rec = {"text": text, "site_name": "www.ledger.co.uk"}
    assert article_from_dict(rec, "s").outlet == "ledger.co.uk"


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        (
            "In an interview with the Hilltown Herald e-newspaper's reporter, the mayor said "
            "the market would open in spring.",
            "Hilltown Herald",
        ),
        ("The mayor said the market would open.\n\nSupport Valley Ledger", "Valley Ledger"),
        (
            "The mayor said the market would open.\n© 2023 Coastal Courier. All rights reserved.",
            "Coastal Courier",
        ),
        # naming another outlet is no self-reference; nor is the topic
        ("The mayor told the Coastal Courier that the market would open.", None),
        ("The Valley Ledger market will open in spring, the mayor said.", None),
    ],
)
def test_plain_text_names_its_outlet(body: str, outlet: str | None) -> None:
    art = article_from_text(f"Market to open\n\n{body}", "a.txt")
    assert isinstance(art, Article)
    assert art.outlet == outlet


@pytest.mark.parametrize(
    "body",
    [
        "The mayor said the market would open.\n\nSupport Our Journalism",
        "The mayor said the market would open.\n© Getty Images",
        "The mayor said the market would open.\n© 2023 All rights reserved.",
    ],
)
def test_appeals_and_photo_credits_name_no_outlet(body: str) -> None:
    art = article_from_text(f"Market to open\n\n{body}", "a.txt")
    assert isinstance(art, Article) and art.outlet is None


def test_a_bare_section_word_in_the_title_is_no_masthead() -> None:
    art = read(page("", "Tram depot to become a market - News"), "https://www.foxnews.com/a")
    assert art.outlet == "foxnews.com"
