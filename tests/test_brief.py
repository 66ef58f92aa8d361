from __future__ import annotations

import pytest

from newsbrief.brief import (
    BRIEF_CHECKS,
    build_brief,
    check_citations,
    citation_errors,
    headline_problem,
)
from newsbrief.errors import CitationError
from newsbrief.records import (
    Analysis,
    Article,
    Derivation,
    Removed,
    Sentence,
    SentenceRef,
    Story,
    SummarySentence,
)


def _article(aid: str, title: str, sentences: list[str], published: str | None = None) -> Article:
    text = "\n".join(sentences)
    spans, pos = [], 0
    for n, s in enumerate(sentences):
        spans.append(Sentence(n, s, pos, pos + len(s), n))
        pos += len(s) + 1
    return Article(
        id=aid,
        source=f"{aid}.txt",
        title=title,
        text=text,
        published=published,
        sentences=spans,
        removed=[Removed("Share this article", "share-widget", 2)],
    )


FLOOD = ["The river Tarn burst its banks on Monday.", "Two hundred homes were flooded."]


def _brief(summary_from: list[tuple[Article, int]], derivations=()):
    a = _article("a", "River Tarn floods two hundred homes", FLOOD, "2024-03-04")
    b = _article("b", "Markets and weather roundup", FLOOD[:1], "2024-03-05")
    c = _article("c", "Tarn floods homes (copy)", FLOOD, "2024-03-05")
    summary = [
        SummarySentence(art.sentences[i].text, [SentenceRef(art.id, i, art.sentences[i].text)])
        for art, i in summary_from(a, b, c)
    ]
    story = Story("s1", ["a", "b", "c"], "2024-03-04", "2024-03-05", "floods")
    arts = [c, b, a]
    return build_brief(story, arts, list(derivations), Analysis(story="s1"), summary), arts


def test_articles_are_ordered_by_date_and_removed_lines_are_listed():
    brief, _ = _brief(lambda a, b, c: [(a, 0)])
    # by date, then in the order the story lists them
    assert [r.id for r in brief.articles] == ["a", "b", "c"]
    assert len(brief.removed) == 3 and {r.reason for r in brief.removed} == {"share-widget"}


def test_headline_is_the_cited_original_title_not_a_rewrite():
    rewrite = [Derivation("c", "a", "rewrite", 0.9)]
    brief, _ = _brief(lambda a, b, c: [(a, 0), (a, 1)], rewrite)
    assert brief.headline == "River Tarn floods two hundred homes"
    assert [(d.child, d.parent) for d in brief.derivations] == [("c", "a")]


def test_citation_errors_find_every_broken_reference():
    brief, arts = _brief(lambda a, b, c: [(a, 0)])
    assert citation_errors(brief, arts) == []
    brief.summary.append(SummarySentence("Invented.", [SentenceRef("a", 9, "Invented.")]))
    brief.summary.append(SummarySentence("No source.", []))
    brief.summary.append(SummarySentence("Changed.", [SentenceRef("a", 0, "Changed.")]))
    errors = citation_errors(brief, arts)
    assert len(errors) == 3
    assert "missing sentence" in errors[0] and "no citation" in errors[1]
    assert "text differs" in errors[2]


def test_the_suite_checks_the_citations_of_every_brief_it_builds():
    # tests/conftest.py turns the check on; without it a broken citation would pass here
    assert check_citations in BRIEF_CHECKS
    a = _article("a", "River Tarn floods", FLOOD)
    wrong = [SummarySentence(FLOOD[0], [SentenceRef("a", 1, FLOOD[1])])]
    with pytest.raises(CitationError, match=r"E051.*not its first citation"):
        build_brief(Story("s4", ["a"]), [a], [], Analysis(story="s4"), wrong)


def test_an_untitled_story_is_headed_by_its_most_cited_lede():
    long = (
        "Rescue crews worked through the night along the river Tarn to reach families "
        "stranded on the upper floors of flooded homes."
    )
    a = _article("a", "", ["The river Tarn burst its banks on Monday.", long])
    b = _article("b", "", [long, "Crews worked through the night."])
    summary = [
        SummarySentence(a.sentences[0].text, [SentenceRef("a", 0, a.sentences[0].text)]),
        SummarySentence(
            long, [SentenceRef("b", 0, long), SentenceRef("a", 1, long)]
        ),  # stated by both articles, and b's lede
    ]
    story = Story("s2", ["a", "b"], None, None, "tarn flood crew")
    brief = build_brief(story, [a, b], [], Analysis(story="s2"), summary)
    assert brief.headline == long  # whole, never cut with "…"
    untitled = build_brief(story, [a, b], [], Analysis(story="s2"), [])
    assert untitled.headline == "tarn flood crew"  # no summary: the label is all there is
    menu = Story("s2", ["a", "b"], None, None, "Join · Facebook")  # a junk page's top words
    assert build_brief(menu, [a, b], [], Analysis(story="s2"), []).headline == "(untitled story)"


def test_an_untitled_headline_prefers_a_reporters_sentence_to_a_quote():
    quote = '"We will rebuild every home," the mayor said.'
    a = _article("a", "", [quote, "The river Tarn burst its banks on Monday."])
    b = _article("b", "", [quote])
    summary = [
        SummarySentence(quote, [SentenceRef("a", 0, quote), SentenceRef("b", 0, quote)]),
        SummarySentence(a.sentences[1].text, [SentenceRef("a", 1, a.sentences[1].text)]),
    ]
    story = Story("s3", ["a", "b"], None, None, "tarn")
    brief = build_brief(story, [a, b], [], Analysis(story="s3"), summary)
    assert brief.headline == "The river Tarn burst its banks on Monday."


def test_furniture_and_cut_titles_never_head_a_brief():
    a = _article("a", "Story highlights Police charge a man, 31, in the death", ["A b c."])
    b = _article("b", "Flood waters rise along the Tarn as crews work through …", ["D e f."])
    c = _article("c", "", ["The river Tarn burst its banks on Monday, flooding homes."])
    summary = [SummarySentence(c.sentences[0].text, [SentenceRef("c", 0, c.sentences[0].text)])]
    story = Story("s3", ["a", "b", "c"], None, None, "tarn flood")
    brief = build_brief(story, [a, b, c], [], Analysis(story="s3"), summary)
    assert brief.headline == c.sentences[0].text
    for title in (
        "CLOSE Get the latest news",
        "Tweet with a location",
        "Rain …",
        "Follow WXYZ.COM: Facebook | Twitter",
        "Media playback is unsupported on your device Media caption The mayor at the dam",
        "This story is updated below with a reply from the council",
        "UPDATE: November 8, 8:25 AM CST",
        "By Staff Sgt. Jane Q. Roe, 7th Air Force Public Affairs / Published March 24, 2017",
        "The mayor (second from left) at the dam. REUTERS/Jane Doe",
        "Join · Facebook",
        "Archive-It · Partners · Mail",
        "Associated Press Tue Feb 19, 2013 7:44 PM",
        "Jane Doe / AP Mayor Dana Hale listens as the council debates the dam repairs.",
    ):
        assert headline_problem(title)
    assert headline_problem("Photo op turns sour for the mayor") == ""
    assert headline_problem("By the next morning, the river had risen two metres") == ""
    assert headline_problem("Dam Breaks At 7:44 AM, Flooding Three Villages") == ""
    assert headline_problem("Flood Update · What We Know So Far About The Dam And The Town") == ""


def test_a_capitalised_run_in_parentheses_is_checked_in_linear_time():
    # the credit pattern once backtracked exponentially here: a brief's headline step hung
    # for minutes on one summary sentence
    import threading

    text = "The board (" + " ".join(["ABCDEFGHIJ"] * 40) + " said nothing"
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.append(headline_problem(text)), daemon=True)
    worker.start()
    worker.join(timeout=60)  # a hang guard, not a timing: linear matching takes microseconds
    assert done == [""]
    assert headline_problem("Crowds at the gate (John Smith / AP)") == "furniture"


def test_timeline_entries_of_an_article_dated_apart_show_its_date():
    from newsbrief.brief import dated_apart
    from newsbrief.records import TimelineEvent
    from newsbrief.render.markdown import render_markdown

    a = _article("a", "Dam bursts", ["The dam burst on 3 May 2021."], published="2021-05-04")
    b = _article("b", "Dam burst", ["Crews worked on 4 May 2021."], published="2021-05-05")
    old = _article("o", "Dam warning", ["Engineers warned in March 2016."], published="2016-04-01")
    old.published_inferred = True
    assert dated_apart([a, b, old]) == {"o": ("2016-04-01", True)}
    assert dated_apart([a, b]) == {}
    timeline = [
        TimelineEvent("2016-03", old.sentences[0].text, ["o"], [SentenceRef("o", 0)]),
        TimelineEvent("2021-05-03", a.sentences[0].text, ["a"], [SentenceRef("a", 0)]),
    ]
    story = Story("s4", ["a", "b", "o"], None, None, "dam")
    brief = build_brief(story, [a, b, old], [], Analysis(story="s4", timeline=timeline), [])
    events = {e.articles[0]: e for e in brief.timeline}
    assert events["o"].article_date == "2016-04-01" and events["o"].article_date_inferred
    assert events["a"].article_date == ""
    text = render_markdown(brief)
    assert "(article date inferred 2016-04-01)" in text
    assert text.count("(article ") == 1


@pytest.mark.parametrize(
    "line",
    [
        # a transcript or letter line in the first person is a quotation without the marks
        "I-- I'm used to being the underdog, and we will rebuild every home.",
        # a post or letter line that says I or you is no headline either, even when more
        # articles repeat it than the reporter's sentence
        "No, I'm not running for the council.",
        "Thank you for your service, sir.",
    ],
)
def test_an_untitled_headline_passes_over_a_line_that_says_i_or_you(line: str) -> None:
    a = _article("a", "", [line, "The river Tarn burst its banks on Monday."])
    b = _article("b", "", [line])
    summary = [
        SummarySentence(line, [SentenceRef("a", 0, line), SentenceRef("b", 0, line)]),
        SummarySentence(a.sentences[1].text, [SentenceRef("a", 1, a.sentences[1].text)]),
    ]
    story = Story("s4", ["a", "b"], None, None, "tarn")
    brief = build_brief(story, [a, b], [], Analysis(story="s4"), summary)
    assert brief.headline == "The river Tarn burst its banks on Monday."


def test_an_untitled_headline_is_a_lede_not_a_sentence_from_deep_in_an_article():
    # a sentence late in two articles is stated by more of them than the lede of one, but
    # it leans on what the articles said before it
    deep = "The temperature at the dam was well over 30 degrees all week."
    lede = "The river Tarn burst its banks on Monday, flooding two hundred homes."
    a = _article("a", "", [lede, "Crews came.", "They worked.", deep])
    b = _article("b", "", ["Crews worked.", "They came.", "Rain fell.", "Wind rose.", deep])
    summary = [
        SummarySentence(deep, [SentenceRef("a", 3, deep), SentenceRef("b", 4, deep)]),
        SummarySentence(lede, [SentenceRef("a", 0, lede)]),
    ]
    story = Story("s5", ["a", "b"], None, None, "tarn")
    assert build_brief(story, [a, b], [], Analysis(story="s5"), summary).headline == lede


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("Asked on Sunday about his discovery, he quoted a French scientist.", True),
        ("If he passes a second check, he could drive the trucks again.", True),
        ("With his speech to the council, the mayor is trying one more time.", True),
        ("Who believe that the flood was nobody's fault.", True),
        ("The plan also contains money for the flooded towns.", True),
        ("Speaking on Monday, she said the dam would hold.", True),
        ("(As a measure of how fast the river rose, the gauge broke twice.)", True),
        ("If the dam holds tonight, the lower town will be spared the flood.", True),
        ("A Tarnside man has surrendered after his mother saw the video.", False),
        ("Newly released papers show the dam was known to leak in March.", False),
        ("Mayor Dana Hale said her town would rebuild every home.", False),
        ("(Valley News) -- The river Tarn burst its banks on Monday.", False),
        ("Officials charged a 21-year-old man with arson in the fire at his home.", False),
    ],
)
def test_a_headline_must_not_lean_on_an_unseen_sentence(sentence: str, leans: bool) -> None:
    from newsbrief.headline import leans_on_context

    assert leans_on_context(sentence) is leans
