"""A summary sentence never cites an article that states another value of its dispute."""

from __future__ import annotations

from newsbrief.records import Analysis, Article, Conflict, ConflictValue, Sentence, SentenceRef
from newsbrief.summarize import summarize

BUILT = "The Tarn footbridge, built in {}, carries about 3,000 people a day to the station."
REST = [
    "Eleven people were hurt when the footbridge fell into the river on Tuesday morning.",
    "Engineers will inspect the town's two other footbridges before they reopen.",
]


def make(aid: str, year: str) -> Article:
    text, sents = "", []
    for i, s in enumerate([BUILT.format(year), *REST]):
        start = len(text)
        text += s + " "
        sents.append(Sentence(i, s, start, start + len(s)))
    return Article(id=aid, source=aid, text=text.strip(), sentences=sents)


def test_a_sentence_stating_another_value_is_not_a_citation() -> None:
    articles = [make("a", "1968"), make("b", "1986"), make("c", "1968")]
    dispute = Conflict(
        "date",
        [
            ConflictValue("1968", ["a", "c"], [SentenceRef("a", 0), SentenceRef("c", 0)]),
            ConflictValue("1986", ["b"], [SentenceRef("b", 0)]),
        ],
    )
    plain = summarize(articles, Analysis("s"), words=200)
    built = next(s for s in plain if "built in" in s.text)
    assert {c.article for c in built.citations} == {"a", "b", "c"}  # without the dispute
    summary = summarize(articles, Analysis("s", conflicts=[dispute]), words=200)
    built = next(s for s in summary if "built in" in s.text)
    year = "1968" if "1968" in built.text else "1986"
    cited = {c.article for c in built.citations}
    assert cited == ({"a", "c"} if year == "1968" else {"b"})
    # sentences outside the dispute keep every article that states them
    hurt = next(s for s in summary if s.text.startswith("Eleven"))
    assert {c.article for c in hurt.citations} == {"a", "b", "c"}
