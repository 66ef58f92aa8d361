from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.dates import extract_dates, reanchor
from newsbrief.annotate.sentences import split_sentences
from newsbrief.records import Article


def _values(text: str, anchor: str | None) -> list[tuple[str, str | None]]:
    ds = extract_dates(text, split_sentences(text), anchor)
    for d in ds:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value) for d in ds]


def test_absolute_dates() -> None:
    text = (
        "It fell on 10 July 2017, or July 10, 2017. In June 2014 the group came; "
        "in 2016 it weakened. The log says 2017-07-10."
    )
    assert _values(text, None) == [
        ("10 July 2017", "2017-07-10"),
        ("July 10, 2017", "2017-07-10"),
        ("June 2014", "2014-06"),
        ("2016", "2016"),
        ("2017-07-10", "2017-07-10"),
    ]


def test_range_gives_two_dates() -> None:
    assert _values("They ruled from June 2014 to July 2017.", None) == [
        ("June 2014", "2014-06"),
        ("July 2017", "2017-07"),
    ]


def test_relative_dates_with_anchor() -> None:
    text = (
        "On July 10 it ended. Last week and this week were busy; three years ago it began. "
        "He spoke on Thursday and yesterday, and next month he leaves before the end of July."
    )
    got = dict(_values(text, "2017-07-14"))  # a Friday
    assert got["July 10"] == "2017-07-10"
    assert got["Last week"] == "2017-W27"
    assert got["this week"] == "2017-W28"
    assert got["three years ago"] == "2014"
    assert got["Thursday"] == "2017-07-13"
    assert got["yesterday"] == "2017-07-13"
    assert got["next month"] == "2017-08"
    assert got["the end of July"] == "2017-07"


def test_relative_dates_without_anchor_stay_unresolved() -> None:
    ds = extract_dates("Last week, on Thursday, and on July 10.", [], None)
    assert [d.value for d in ds] == [None, None, None]
    assert all(d.relative for d in ds)


def test_numbers_that_are_not_dates() -> None:
    text = "Some 7000 fighters from 100 nationalities; 2,500 people; 1.5 million residents."
    assert _values(text, "2017-07-14") == []


def test_december_in_a_january_article_is_last_year() -> None:
    assert _values("On December 20 the deal was signed.", "2018-01-05") == [
        ("December 20", "2017-12-20")
    ]


def test_annotate_uses_published_as_anchor() -> None:
    art = annotate(
        Article(id="d", source="t", text="It happened yesterday.", published="2017-07-14T09:00:00")
    )
    assert [(d.value, d.relative, d.sentence) for d in art.dates] == [("2017-07-13", True, 0)]


def test_weekday_in_future_context_is_the_next_one() -> None:
    text = (
        "The report would be published by Friday. The road will reopen on Saturday. "
        "It was closed on Monday. Nobody may enter until Thursday."
    )
    got = _values(text, "2024-05-14")  # a Tuesday
    assert got == [
        ("Friday", "2024-05-17"),
        ("Saturday", "2024-05-18"),
        ("Monday", "2024-05-13"),
        ("Thursday", "2024-05-16"),
    ]


def test_reanchor_resolves_the_relative_mentions_annotate_found() -> None:
    # the timeline infers a publish date after annotation; the dates are not looked for again
    text = "On July 10 the city fell. It had been held since June 2014. Last week it was quiet."
    sents = split_sentences(text)
    found = extract_dates(text, sents, None)
    assert [d.value for d in found] == [None, "2014-06", None]
    again = reanchor(text, sents, found, "2017-07-31")
    assert [(d.text, d.value, d.relative) for d in again] == [
        ("July 10", "2017-07-10", True),
        ("June 2014", "2014-06", False),
        ("Last week", "2017-W30", True),
    ]
    assert reanchor(text, sents, found[1:2], "2017-07-31") == found[1:2]  # only what was found
