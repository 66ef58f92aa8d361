from __future__ import annotations

from newsbrief.clean.meta import parse_byline, parse_dateline
from newsbrief.clean.rules import rule_reason


def test_bylines() -> None:
    assert parse_byline("By Jane Doe").authors == ["Jane Doe"]  # type: ignore[union-attr]
    both = parse_byline("Reporting by Ann Lee; Editing by Tom Fox")
    assert both is not None and both.authors == ["Ann Lee"] and both.editors == ["Tom Fox"]
    assert parse_byline("Interviewed by: Mia Hart").interviewers == ["Mia Hart"]  # type: ignore[union-attr]
    assert parse_byline("By the time the troops arrived, the city was empty of people.") is None
    assert parse_byline("Bypass road reopened") is None


def test_datelines() -> None:
    d = parse_dateline("LONDON — The government said on Monday it would act soon.")
    assert d is not None and d.place == "LONDON" and d.wire is None
    d = parse_dateline("NEW DELHI, May 3 (AP) - Police said the roads were closed again.")
    assert d is not None and d.place == "NEW DELHI" and d.wire == "AP"
    assert parse_dateline("BREAKING: officials say the bridge is closed today.") is None
    assert parse_dateline("Update: the count was revised later in the day.") is None


def test_rule_reasons() -> None:
    cases = {
        "Please enter your comment!": "comment-prompt",
        "Would love your thoughts, please comment.": "comment-prompt",
        "View all comments": "comment-widget",
        "Click to share on Twitter": "share-widget",
        "Donate now": "donate-widget",
        "Updated: 19 March 2021, 10:15 AM": "timestamp",
        "Tags: budget, council": "navigation",
        "@someone_here": "social-handle",
        "Rescuers search the rubble on Sunday. – Photos by Kim Park": "photo-credit",
        "Advertisement": "boilerplate",
    }
    for line, reason in cases.items():
        assert rule_reason(line) == reason, line
    assert rule_reason("Double trouble") is None


def test_wire_residue_datelines() -> None:
    d = parse_dateline("TRIPOLI, Libya (AP) _ Rebels said on Sunday they held the town.")
    assert d is not None and d.place == "TRIPOLI, Libya" and d.wire == "AP"
    assert d.prefix.rstrip().endswith("_")
    for text, wire in (
        ("(CNN) -- As the toll climbs, the minister spoke again.", "CNN"),
        ("(Reuters) - Apple said on Monday it would buy the firm.", "Reuters"),
        ("(CNN) A Detroit man pleaded not guilty Friday to murder.", "CNN"),
        # an outlet no wire list names, with the wire dash
        (
            "(Valley Health News) -- Babies sleep more after a busy day, a study says.",
            "Valley Health News",
        ),
    ):
        d = parse_dateline(text)
        assert d is not None and d.place == "" and d.wire == wire
        assert text[len(d.prefix) :][0].isupper()
    # a parenthesis that is no wire credit stays
    assert parse_dateline("(Updated) The count was revised later in the day.") is None


def test_a_dateline_dash_set_tight_against_the_first_word() -> None:
    for text, place in (
        ("OAKDALE--A stray dog helped rescuers search the flooded valley last week.", "OAKDALE"),
        ("OAKDALE—The council said the bridge would stay closed until May.", "OAKDALE"),
    ):
        d = parse_dateline(text)
        assert d is not None and d.place == place
        assert text[len(d.prefix) :].startswith(("A stray", "The council"))
    # a hyphen inside a word is no dateline, tight or not
    assert parse_dateline("COVID-19 cases rose again in the valley towns this week.") is None


def test_a_station_credit_of_two_words_is_a_dateline() -> None:
    d = parse_dateline("OAKDALE (KTV SF) — Jurors in the county court refused to sit again.")
    assert d is not None and d.place == "OAKDALE" and d.wire == "KTV SF"
    assert parse_dateline("(KTV SF) The council met in a closed session on Friday.") is None
