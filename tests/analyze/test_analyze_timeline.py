from __future__ import annotations

from newsbrief.analyze.timeline import build_timeline, infer_published
from newsbrief.annotate.dates import extract_dates
from newsbrief.records import Article


def dated(art: Article) -> Article:
    """The article with the dates the annotate stage assigns (the timeline only reads them)."""
    art.dates = extract_dates(art.text, art.sentences, art.published)
    return art


def test_published_inferred_from_latest_past_tense_date(make_article) -> None:
    art = dated(
        make_article(
            "a",
            "The city was held by militants from June 2014 to July 2017. "
            "A conference will be held in March 2018.",
        )
    )
    assert infer_published(art) == "2017-07"  # the future-tense sentence does not count


def test_timeline_merges_same_date_and_wording_and_sorts(make_article) -> None:
    a = make_article(
        "a",
        "Militants captured the city in June 2014. The army declared victory on 10 July 2017.",
        published="2017-07-12",
        dates=[("June 2014", "2014-06", False), ("10 July 2017", "2017-07-10", False)],
    )
    b = make_article(
        "b",
        "The army declared victory over the militants on 10 July 2017.",
        published="2017-07-11",
        dates=[("10 July 2017", "2017-07-10", False)],
    )
    events = build_timeline([a, b])
    assert [(e.date, e.articles) for e in events] == [
        ("2014-06", ["a"]),
        ("2017-07-10", ["a", "b"]),
    ]
    assert events[1].sentences[1].article == "b" and not events[1].inferred
    assert a.published == "2017-07-12" and not a.published_inferred


def test_an_inferred_date_resolves_no_relative_expression(make_article) -> None:
    art = dated(
        make_article(
            "a",
            "On July 10, the prime minister declared the city liberated. "
            "The city was under militant control from June 2014 to July 2017. "
            "Last week officials met.",
        )
    )
    events = build_timeline([art])
    # the publish date inferred from the events is kept, and marked as inferred
    assert art.published == "2017-07" and art.published_inferred
    dates = {e.date for e in events}
    assert "2014-06" in dates and "2017-07" in dates  # dates with their own year stay
    # "On July 10" and "Last week" would be resolved from a guess: left out
    assert not any(d.startswith("2017-07-") for d in dates)
    assert all("Last week" not in e.text and "On July 10" not in e.text for e in events)


def test_article_whose_inferred_year_disagrees_keeps_only_absolute_dates(make_article) -> None:
    story = dated(
        make_article(
            "s", "Voters went to the polls on 3 May 2021 in the capital.", published="2021-05-04"
        )
    )
    old = dated(
        make_article(
            "o",
            "On March 3, the council met again. The council was founded in June 2016 by decree.",
        )
    )
    events = build_timeline([story, old])
    dates = [e.date for e in events]
    assert "2016-06" in dates  # absolute: safe whatever the year
    assert not any(d.endswith("-03-03") for d in dates)  # "March 3" of which year? left out


def test_relative_dates_without_any_anchor_are_left_out(make_article) -> None:
    art = make_article(
        "a",
        "On Thursday the minister resigned from the government.",
        dates=[("Thursday", None, True)],
    )
    assert build_timeline([art]) == []


def test_a_day_inferred_from_the_text_resolves_no_weekday(make_article) -> None:
    # the latest reported day ("October 28, 2016") is when something happened, not when the
    # article was written: "on Tuesday" against it would date the filing to that week
    art = dated(
        make_article(
            "a",
            "The agreement was signed on October 28, 2016, by both sides. "
            "She filed a lawsuit in Los Angeles on Tuesday. "
            "On March 3, the arbitrator issued an order.",
        )
    )
    events = build_timeline([art])
    assert art.published == "2016-10-28" and art.published_inferred
    assert all("Tuesday" not in e.text for e in events)
    # nor does "On March 3": its year would come from the guess
    assert not any(e.date.endswith("-03-03") for e in events)
    assert [e.date for e in events] == ["2016-10-28"]


def test_an_article_without_annotated_dates_has_no_timeline_events(make_article) -> None:
    # the timeline reads what annotate assigned; it never looks for dates in the text again
    art = make_article("a", "The army declared victory on 10 July 2017.", published="2017-07-12")
    assert build_timeline([art]) == []
    assert build_timeline([dated(art)])[0].date == "2017-07-10"


def test_sentences_stating_other_values_of_a_dispute_stay_apart(make_article) -> None:
    from newsbrief.records import Conflict, ConflictValue, SentenceRef

    a = make_article(
        "a",
        "The footbridge collapsed on 14 May 2024, injuring 11 people.",
        published="2024-05-14",
        dates=[("14 May 2024", "2024-05-14", False)],
    )
    b = make_article(
        "b",
        "The footbridge collapsed on 14 May 2024, injuring 14 people.",
        published="2024-05-15",
        dates=[("14 May 2024", "2024-05-14", False)],
    )
    assert [e.articles for e in build_timeline([a, b])] == [["a", "b"]]
    dispute = Conflict(
        "number",
        [
            ConflictValue("11", ["a"], [SentenceRef("a", 0)]),
            ConflictValue("14", ["b"], [SentenceRef("b", 0)]),
        ],
    )
    assert [e.articles for e in build_timeline([a, b], [dispute])] == [["a"], ["b"]]
