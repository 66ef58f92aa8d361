from __future__ import annotations

from newsbrief.clean import clean_article
from newsbrief.records import Article

BODY = (
    "The harbour reopened on Friday after a week of repairs, the port authority said, and "
    "the first ferry left on time.\n"
)


def _clean(header: str, **fields) -> Article:
    return clean_article(
        Article(id="x", source="x.txt", title="Harbour reopens", text=header + BODY, **fields)
    )


def test_outlet_and_date_on_one_line():
    article = _clean("By Ana Ruiz\nThe Coastal Herald | 3 June 2022, 09:15\n\n")
    assert article.outlet == "The Coastal Herald"
    assert article.published == "2022-06-03T09:15:00"
    assert article.meta["outlet_from"] == "masthead"
    assert article.authors == ["Ana Ruiz"]


def test_outlet_line_then_date_line():
    article = _clean("Coastal Radio News\nJune 3, 2022\n\n")
    assert (article.outlet, article.published) == ("Coastal Radio News", "2022-06-03")


def test_known_metadata_wins_and_prose_is_never_a_masthead():
    article = _clean("Coastal Radio News\nJune 3, 2022\n\n", outlet="Given", published="2022-06-02")
    assert (article.outlet, article.published) == ("Given", "2022-06-02")
    plain = _clean("")
    assert plain.outlet is None and plain.published is None
    # a date in the body (after prose has started) is not a publication date
    late = clean_article(
        Article(id="y", source="y.txt", title="T", text=BODY + "Coastal Radio News\nJune 3, 2022\n")
    )
    assert late.published is None


def test_a_published_line_states_the_date_wherever_it_stands():
    text = BODY + "\nPublished: March 4, 2019 at 10:02 am\n"
    article = clean_article(Article(id="p", source="p.txt", title="T", text=text))
    assert article.published == "2019-03-04"
    assert article.meta["published_from"] == "published-line"
    # an update line dates a revision: used only when no line states publication
    both = BODY + "\nUpdated: March 9, 2019\n\nPosted on 4 March 2019\n"
    assert clean_article(Article(id="q", source="q.txt", title="T", text=both)).published == (
        "2019-03-04"
    )
    # a date the page states for itself wins over none; a date in prose never counts
    prose = BODY + "\nThe law was published on March 4, 2019, in the official gazette.\n"
    assert clean_article(Article(id="r", source="r.txt", title="T", text=prose)).published is None
