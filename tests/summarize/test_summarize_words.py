"""The summarizer's one pass over a story's words gives what the per-sentence functions give."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import newsbrief.summarize as summarize_module
from newsbrief.records import Article
from newsbrief.summarize import summarize
from newsbrief.summarize.text import _BOILERPLATE, _FILLER, _headline_like, ineligible_reason
from newsbrief.summarize.words import story_words
from newsbrief.text import STOP_WORDS, stem
from newsbrief.text import words as tokenize

# Pieces that reach every branch: trigger words of the boilerplate and filler patterns
# (whole, inside hyphenated or apostrophe compounds, capitalised), headline-like runs,
# quotes, characters whose lower case is longer ("İ") or ASCII (the Kelvin sign), curly
# apostrophes, digits and stop words.
PIECES = [
    "click here", "Click here", "sign up", "un-subscribe", "unsubscribe", "subscribe",
    "newsletter", "cookies", "all rights reserved", "terms of use", "follow us", "read more",
    "this website", "download the app", "comments below", "leave a comment", "tweets",
    "location", "news alerts", "send us your", "embed", "in our gallery", "internet archive",
    "web collections", "crawlers", "this crawl", "pre-click here", "o'click here",
    "gave no details", "gave no otherdetails", "no further information was given",
    "did not respond to requests", "could not be reached", "was not immediately available",
    "declined to comment", "Declined to comment", "DECLINED TO COMMENT", "İnternet archive",
    "\u212aick", "Mayor", "Ellen Roth", "The", "Harbor", "Bridge", "Reopens", "Iraq’s",
    "al-Abadi", "COVID-19", "1,000", "3.5", "said", "the", "a", "of", "he", '"We will',
    'rebuild,"', "(AP)", "—", "...", "|", "@handle", "Photo:", "By John Smith", "it's",
    "river", "dam", "burst", "on", "Tuesday", "morning", "officials", "residents",
]  # fmt: skip

# half the sentences open like a report, so they reach the later tests of eligibility
OPENERS = ["", "Officials in the river town said that"]
sentence = st.tuples(
    st.sampled_from(OPENERS), st.lists(st.sampled_from(PIECES), min_size=1, max_size=14)
).map(lambda x: " ".join([x[0], *x[1]]).strip() + ".")


def reference_tokens(texts: list[str]) -> tuple[list[int], list[bool], list[int]]:
    """Stem ids numbered by first occurrence, stop flags and sentence rows, one sentence
    at a time through the text core."""
    ids: dict[str, int] = {}
    stems, stops, rows = [], [], []
    for row, t in enumerate(texts):
        for w in tokenize(t, lower=True):
            stems.append(ids.setdefault(stem(w), len(ids)))
            stops.append(w in STOP_WORDS or len(w) < 2)
            rows.append(row)
    return stems, stops, rows


@settings(max_examples=300, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=8))
def test_story_pass_matches_the_sentence_functions(texts: list[str]) -> None:
    words = story_words(texts)
    assert [words.texts[u] for u in words.of.tolist()] == texts
    for text, u in zip(texts, words.of.tolist(), strict=True):
        flags = words.flags[u]
        assert flags.words == len(text.split())
        assert flags.headline == _headline_like(text)
        # the flags are guards: a sentence the pattern matches holds a trigger word
        low = text.lower()
        assert flags.boilerplate_word or not _BOILERPLATE.search(low)
        assert flags.filler_word or not _FILLER.search(low)
        assert ineligible_reason(text, flags=flags) == ineligible_reason(text)
    stems, stops, rows = reference_tokens(words.texts)
    assert words.stems.tolist() == stems
    assert words.stop.tolist() == stops
    assert words.sentence.tolist() == rows
    assert words.n_stems == len(set(stems))


def test_repeated_texts_are_processed_once() -> None:
    texts = ["The dam burst on Tuesday.", "Residents fled.", "The dam burst on Tuesday."]
    words = story_words(texts)
    assert words.texts == texts[:2]
    assert words.of.tolist() == [0, 1, 0]
    apart = story_words(texts, collapse=False)
    assert apart.texts == texts
    assert apart.of.tolist() == [0, 1, 2]


def test_every_trigger_phrase_is_caught_with_its_flags() -> None:
    # a sentence that the patterns reject must be rejected through the flags too
    for phrase in ["Click here to read the full story about the dam.",
                   "Officials declined to comment on the burst of the old dam.",
                   "The mayor could not be reached for comment on Tuesday night.",
                   "Sign up for our newsletter to follow the dam repairs."]:  # fmt: skip
        flags = story_words([phrase]).flags[0]
        assert ineligible_reason(phrase) != ""
        assert ineligible_reason(phrase, flags=flags) == ineligible_reason(phrase)


def test_a_story_of_repeated_sentences_gives_the_summary_of_uncollapsed_rows(
    monkeypatch, examples_dir
) -> None:  # type: ignore[no-untyped-def]
    # many articles that repeat the example articles' sentences (as a big story does):
    # sharing one row per distinct text must not change what is said or cited
    from newsbrief.pipeline import prepare_article, read_inputs

    base = [prepare_article(a) for a in read_inputs([examples_dir]) if isinstance(a, Article)]
    articles = []
    for k in range(4):
        for a in base:
            sents = a.sentences[k % 3 :] + a.sentences[: k % 3]
            articles.append(
                Article(
                    id=f"{a.id}-{k}",
                    source=f"{a.source}#{k}",
                    title=a.title,
                    text=a.text,
                    sentences=[type(s)(i, s.text, s.start, s.end) for i, s in enumerate(sents)],
                )
            )

    def shown(words: int) -> list[tuple[str, list[tuple[str, int]]]]:
        return [
            (s.text, [(c.article, c.sentence) for c in s.citations])
            for s in summarize(articles, words=words)
        ]

    together = [shown(w) for w in (60, 150, 400)]
    monkeypatch.setattr(summarize_module, "COLLAPSE_COPIES", False)
    assert [shown(w) for w in (60, 150, 400)] == together
    assert all(together)
    assert any(len(s[1]) > 1 for s in together[1])  # repeats are cited


def test_no_sentences() -> None:
    words = story_words([])
    assert words.texts == [] and len(words.stems) == 0 and words.n_stems == 0
    assert np.asarray(words.of).size == 0


def test_a_chunk_whose_counts_saturate_is_tested_alone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsbrief.summarize.words as words_module

    # a chunk with more capitalised words than its code can count (lowered here to 3)
    monkeypatch.setattr(words_module, "_COUNT", 3)
    monkeypatch.setattr(words_module, "_CHUNKS", {})
    texts = ["Officials of A.B.C.D.E said the dam burst.", "Residents said the dam burst."]
    words = story_words(texts)
    assert words.flags[0] is None  # the summarizer then runs every test on the sentence
    assert words.flags[1] is not None and words.flags[1].words == 5
    assert ineligible_reason(texts[0], flags=words.flags[0]) == ineligible_reason(texts[0])


def test_lines_that_talk_to_the_reader_or_caption_a_file_photo_are_not_summary_sentences():
    for text in (
        "Visit your local library's website for more on the reading programme.",
        "Here's her take on the budget, the bridge and the school, in her own words.",
        "For more about the flood maps, see the report by the county engineers.",
        "You may have seen the videos of the flooded square shared on social media.",
        "A volunteer fills sandbags by the river in a file photo.",
    ):
        assert ineligible_reason(text) in {"reader", "caption"}, text
    for text in (
        "Officials visited the flooded square on Monday and promised new barriers.",
        "Here in the valley, the river rose two metres overnight, the council said.",
        "Seeing the damage, the mayor asked for help from the regional government.",
    ):
        assert ineligible_reason(text) == "", text


def test_a_wire_caption_ending_on_place_and_date_is_not_a_summary_sentence():
    # the caption's date follows the place (or a weekday) with no preposition before it
    for text in (
        "A volunteer fills sandbags by the river in Riverton, Ohio May 30, 2016.",
        "The mayor walks through the flooded square in Riverton Saturday, March 23, 2013.",
        "Rescue boats wait at the harbour in Port Ellis, Maine, Dec. 20, 2012.",
    ):
        assert ineligible_reason(text) == "caption", text
    for text in (
        "The flood defence treaty was signed Oct. 1, 1953.",
        "The county's vote on the barriers is set for Tuesday, Nov. 6, 2018.",
        "The river is expected to stay under a flood warning until noon Jan. 2, 2018.",
    ):
        assert ineligible_reason(text) == "", text


def test_a_document_that_speaks_unnamed_is_a_referring_opening():
    from newsbrief.summarize.reference import opens_on_pronoun, opens_on_reference

    for text in (
        "The magazine claims that the mayor has been seen partying in Millbrook.",
        'The statement added: "The crews were given the wrong map."',
        'The page continued: "We dread the winter without the bridge."',
        'Asked about the fact sheet, the engineer said: "That is an internal document."',
    ):
        assert opens_on_pronoun(text) and opens_on_reference(text), text
    for text in (
        "The study, published today in a journal, found that the dam was safe.",
        "The magazine's editor said the flood issue sold out in a day.",
        "The report, issued on Tuesday, concluded that the levee failed.",
        "Asked whether the bridge would reopen, the mayor said it would.",
    ):
        assert not opens_on_pronoun(text), text


def test_the_reader_prefilter_agrees_with_the_whole_pattern():
    from newsbrief.summarize import text as summary_text

    lines = [
        "visit your local library for more.",
        "here's his take on the vote, in his own words.",
        "the mayor, in her own words, said the bridge was safe.",
        "residents should call your local office.",
        "see the full report on the council's site.",
        "seeing the damage, the mayor asked for help.",
        "officials said the words were their own.",
        "for more about the flood maps, see the report.",
        '"you may have heard the siren," he said.',
    ]
    for low in lines:
        whole = bool(summary_text._READER.search(low))
        assert summary_text._talks_to_reader(low) == whole, low


def test_a_writers_question_is_not_a_summary_sentence_but_still_counts():
    from newsbrief.records import Article, Sentence
    from newsbrief.summarize import _candidates

    assert ineligible_reason("Why would a town on the river Tarn need to move?") == "question"
    assert ineligible_reason('"Why would a town on the river need to move?" she asked.') == ""
    sents = [
        "Why would the town of Millbrook move its market square away from the river?",
        "The council voted on Monday to move the market square away from the river.",
    ]
    text, rows = "", []
    for i, s in enumerate(sents):
        rows.append(Sentence(i, s, len(text), len(text) + len(s)))
        text += s + " "
    cands, _, _ = _candidates([Article(id="a", source="a", text=text, sentences=rows)], None, [])
    question = cands[0]
    assert not question.eligible and question.counted
