from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.quotes import quote_spans
from newsbrief.records import Article, Quote


def _quotes(text: str) -> list[Quote]:
    art = annotate(Article(id="q", source="t", text=text, published="2017-07-14"))
    for q in art.quotes:
        assert art.text[q.start : q.end] == q.text
    return art.quotes


def test_curly_single_quotes_vs_apostrophes() -> None:
    text = (
        "Norway’s envoy Jane Doe spoke.\n‘We face the same storm’, said Jane Doe.\nShe didn’t stay."
    )
    (q,) = [q for q in _quotes(text) if q.kind == "direct"]
    assert q.text == "We face the same storm"
    assert q.speaker == "Jane Doe"
    assert q.cue == "said"


def test_split_quote_around_cue_gives_two_parts_same_speaker() -> None:
    text = "Minister Omar Farouk visited.\n“We will win,” he said, “and we will rebuild the city.”"
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["We will win", "and we will rebuild the city."]
    assert {q.speaker for q in direct} == {"Omar Farouk"}


def test_quote_spanning_paragraphs_is_one_quote() -> None:
    text = 'Jane Doe said: "The first part goes on.\n"The second part ends here."'
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("The first part") and direct[0].text.endswith("ends here.")
    assert direct[0].speaker == "Jane Doe"


def test_pronoun_and_nominal_resolution() -> None:
    text = (
        "Ambassador of Norland Tomas Ilian Varga met reporters. Mayor Tom Hale also came.\n"
        "“We face the same storm,” Mr Varga said.\n"
        "“Help is needed for rebuilding the city,” the ambassador said.\n"
        "Hale spoke next. “Our roads are broken everywhere,” he said."
    )
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Tomas Ilian Varga", "Tomas Ilian Varga", "Tom Hale"]
    assert [q.speaker_text for q in direct] == ["Mr Varga", "the ambassador", "he"]


def test_cue_patterns_before_the_quote() -> None:
    text = (
        "Jane Doe said: “Prices will rise next year.”\nJohn Roe added, «We are ready for it now.»"
    )
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.cue) for q in direct] == [("Jane Doe", "said"), ("John Roe", "added")]


def test_reported_speech_patterns() -> None:
    text = (
        "Jane Doe said that the bridge would reopen in August.\n"
        "The talks failed last night, John Roe told reporters.\n"
        "According to Mary Major, the budget is almost empty."
    )
    reported = [q for q in _quotes(text) if q.kind == "reported"]
    got = {(q.speaker, q.text) for q in reported}
    assert ("Jane Doe", "the bridge would reopen in August") in got
    assert ("John Roe", "The talks failed last night") in got
    assert ("Mary Major", "the budget is almost empty") in got


def test_scare_quotes_are_not_statements() -> None:
    text = "The group likened the threat to “time bombs” and ‘bad guys’ in the region."
    assert _quotes(text) == []


def test_quote_spans_skip_apostrophes() -> None:
    text = "It’s Norway’s turn, he said. ‘Fine words’ were used."
    spans = quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Fine words"]
