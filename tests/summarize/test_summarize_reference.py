"""A sentence that leans on an earlier one enters a summary only right after it (or not at
all): a pronoun before any name ("At each check, they ..."), an "also" continuation, a
condition ("If so, ...")."""

from __future__ import annotations

from newsbrief.records import Article, Sentence
from newsbrief.summarize import summarize
from newsbrief.summarize.reference import leans_on_context, opens_on_pronoun


def _article(aid: str, sentences: list[str]) -> Article:
    text, sents = "", []
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, s, len(text), len(text) + len(s)))
        text += s + " "
    return Article(id=aid, source=aid, text=text.strip(), sentences=sents)


# The leaning sentence holds a fact no other sentence states, so a summarizer that judges it
# alone takes it when there is room; its antecedent is a photo caption, which never stands in
# a summary.
LEANING = "At the Millbrook river dam, they also counted forty drowned sheep in the fields."
FLOOD_A = [
    "Heavy rain burst the Millbrook river dam on Tuesday, flooding the market square.",
    "In this photo provided by the council, engineers inspect the Millbrook dam wall.",
    LEANING,
    "About three hundred residents spent the night in the school gymnasium.",
]
FLOOD_B = [
    "The Millbrook river dam burst on Tuesday after heavy rain, officials said.",
    "Engineers found cracks in the Millbrook dam wall after the rain, the council said.",
    "Residents were moved to the school gymnasium overnight.",
]
FLOOD_C = [
    "Rain burst the river dam at Millbrook on Tuesday and cracks were found in its wall.",
    "The council said repairs to the dam wall would start next month.",
]


def test_the_rule_reads_leaning_sentences() -> None:
    assert leans_on_context(LEANING) and not opens_on_pronoun(LEANING)
    assert leans_on_context("The plan also contains almost $90 billion for disaster aid.")
    assert leans_on_context("If so, the vote will be held on Monday.")
    assert not leans_on_context("Engineers found cracks in the Millbrook dam wall.")


def test_a_leaning_sentence_never_stands_without_what_it_leans_on() -> None:
    articles = [_article("a", FLOOD_A), _article("b", FLOOD_B), _article("c", FLOOD_C)]
    for budget in (30, 60, 120, 500):
        out = summarize(articles, words=budget)
        assert out
        for n, s in enumerate(out):
            if leans_on_context(s.text):
                assert n > 0, s.text
                prev, here = out[n - 1].citations[0], s.citations[0]
                assert (prev.article, prev.sentence) == (here.article, here.sentence - 1)
        # its antecedent is a caption, so the leaning sentence cannot enter at all
        assert all(s.text != LEANING for s in out)
