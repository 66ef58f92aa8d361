"""Quote spans: the quoted or reported words, nothing more and nothing less (issue 17).

Every text here was written for these tests; each test failed before its rule.
"""

from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.quote_marks import quote_spans
from newsbrief.annotate.sentences import split_sentences
from newsbrief.records import Article, Quote


def _quotes(text: str) -> list[Quote]:
    art = annotate(Article(id="sp", source="t", text=text, published="2024-05-14"))
    for q in art.quotes:  # the article's words, an interrupting cue elided at most
        whole = art.text[q.start : q.end]
        head, _, tail = q.text.partition(" … ")
        assert whole.startswith(head) and whole.endswith(tail)
    return art.quotes


def _shown(text: str) -> list[Quote]:
    """The statements a brief shows (direct and reported speech)."""
    return [q for q in _quotes(text) if q.kind in ("direct", "reported")]


def _texts(text: str) -> list[str]:
    return [q.text for q in _shown(text)]


# --- quote marks -------------------------------------------------------------------------


def test_newswire_mixed_marks_close_each_other() -> None:
    text = (
        '"We never planned any of it,\'\' Rita Vance told the radio. "It just happened."\n'
        "``The fee is far too high,” Paul Ek said on Monday.\n"
        "The harbour is a “dry'' zone, the council says."
    )
    spans = [text[s.start : s.end] for s in quote_spans(text)]
    assert spans[:3] == [
        "We never planned any of it,",
        "It just happened.",
        "The fee is far too high,",
    ]
    assert "dry" in spans
    direct = [q for q in _shown(text) if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct[:1]] == [
        ("We never planned any of it", "Rita Vance")
    ]
    assert any(q.text == "The fee is far too high" and q.speaker == "Paul Ek" for q in direct)
    assert all(
        "told the radio" not in q.text and "said on Monday" not in q.text for q in _shown(text)
    )


def test_a_quote_reopened_with_its_own_cue_is_a_quote_of_its_own_paragraph() -> None:
    text = (
        "Lina Sorn, who chairs the parents' group, said, “I just don’t see it. Where are the "
        "checks?\n“The council should do far better,” Sorn added. “People seem not to care.”"
    )
    direct = [q for q in _shown(text) if q.kind == "direct"]
    assert [q.text for q in direct][:2] == [
        "I just don’t see it. Where are the checks?",
        "The council should do far better",
    ]
    assert all("\n" not in q.text for q in direct)
    assert {q.speaker for q in direct} == {"Lina Sorn"}


def test_a_sentence_may_open_on_a_newswire_mark() -> None:
    text = "Paul Ek spoke to the board later. ``The price is too high,'' Ek said."
    assert [s.text for s in split_sentences(text)] == [
        "Paul Ek spoke to the board later.",
        "``The price is too high,'' Ek said.",
    ]
    assert _texts(text) == ["The price is too high"]


def test_sentences_glued_without_a_space_are_two() -> None:
    text = "The archive hopes old links will be kept for the authors.The aim is to fix them all."
    assert [s.text for s in split_sentences(text)] == [
        "The archive hopes old links will be kept for the authors.",
        "The aim is to fix them all.",
    ]
    # never a web address, an e-mail or a title
    for kept in ("Write to ann.Lee@mail.org today.", "He met Gov.Brown on Friday."):
        assert len(split_sentences(kept)) == 1


# --- reported speech: where it starts ------------------------------------------------------


def test_the_addressee_before_that_is_not_the_statement() -> None:
    texts = _texts(
        "Governor Anne Kahl told her cabinet that the state would close nine offices.\n"
        "The planner Omar Lind pointed out to Kahl that the design copied an older one.\n"
        "Lind has stated to the court that he and the governor never discussed the contract.\n"
        "Kahl told northnews.com on Friday that the vote would go ahead."
    )
    assert texts == [
        "the state would close nine offices",
        "the design copied an older one",
        "he and the governor never discussed the contract",
        "the vote would go ahead",
    ]


def test_a_relative_that_after_a_tell_verb_stays() -> None:
    (q,) = _shown("Anne Kahl told the board the plan that failed last year would return.")
    assert "the plan that failed" in q.text


def test_how_it_was_said_is_not_what_was_said() -> None:
    (q,) = _shown(
        "Senator Ada Moor wondered aloud whether farmers would be better off without aid."
    )
    assert q.text == "whether farmers would be better off without aid"


# --- reported speech: where it ends --------------------------------------------------------


def test_a_trailing_cue_and_the_speakers_apposition_are_not_the_statement() -> None:
    texts = _texts(
        "The crews could be sent out at short notice, said Col. Mark Dunne, head of the 12th "
        "Wing.\nUntil now, mentions of the plant in public files were scarce and “likely "
        "accidental,” said Peter Olsen, a fellow at the Archive Institute."
    )
    assert texts == [
        "The crews could be sent out at short notice",
        "Until now, mentions of the plant in public files were scarce and “likely accidental,”",
    ]


def test_the_writers_remark_after_an_interrupting_cue_is_not_the_statement() -> None:
    (q,) = _shown(
        "Mark Dunne runs the station. There was also a break-in in 2014, Dunne said, although "
        "he had no details of it."
    )
    assert q.text == "There was also a break-in in 2014"
    assert q.speaker == "Mark Dunne"


def test_an_interrupting_cue_is_elided_from_the_shown_statement() -> None:
    (q,) = _shown(
        "Mark Dunne runs the station. The guards were let down, Dunne argued, by the poor "
        "training they had been given for years."
    )
    assert q.text == "The guards were let down … by the poor training they had been given for years"
    assert q.speaker == "Mark Dunne"


def test_an_opening_participle_is_what_the_speaker_did_not_what_was_said() -> None:
    (q,) = _shown(
        "Minister Ana Ruiz spoke on Monday. Stressing the danger, she said, the group was the "
        "most violent in the region."
    )
    assert q.text == "the group was the most violent in the region"


def test_a_second_cue_opens_a_second_statement() -> None:
    (q,) = _shown(
        "Senator Ada Moor said farmers would be better off without aid, and alleged that "
        "officials were against them."
    )
    assert q.text == "farmers would be better off without aid"


def test_but_without_a_subject_declining_is_the_writers() -> None:
    (q,) = _shown("Anne Kahl said the state needed a change, but would not reveal if she will run.")
    assert q.text == "the state needed a change"


def test_a_trailing_ellipsis_is_not_the_speakers() -> None:
    (q,) = _shown("Rep. Anne Kahl says she does not feel compelled to talk...")
    assert q.text == "she does not feel compelled to talk"


# --- not statements ------------------------------------------------------------------------


def test_saying_the_same_or_something_is_no_statement() -> None:
    assert _texts("The coach Ed Vane said the same about the other team and hinted at more.") == []
    assert _texts("In one scene, he says something that is either true or kind.") == []
    # "nothing has changed" is a clause: a statement
    assert _texts("Ed Vane said nothing has changed since the vote in May.") == [
        "nothing has changed since the vote in May"
    ]


def test_a_possessor_is_no_speaker_and_its_noun_no_cue() -> None:
    assert _texts("Kahl’s note specifically cites the ways in which the firm misled them.") == []


def test_a_subjectless_but_after_an_interrupting_cue_goes_on_with_the_statement() -> None:
    (q,) = _shown(
        "Spokeswoman Susanne Vold spoke in Oslo. Fair trade will be allowed to go on, she "
        "said, but must be approved first."
    )
    assert q.text == "Fair trade will be allowed to go on … but must be approved first"


def test_how_it_was_answered_and_that_are_not_the_answer() -> None:
    (q,) = _shown(
        "Asked about the season, the coach Ed Vane answered simply that none of it mattered."
    )
    assert q.text == "none of it mattered"


def test_the_interrupting_cue_is_the_one_next_to_its_subject() -> None:
    # an earlier "said" of the sentence is not the cue that interrupts the statement
    (q,) = _shown(
        "Eric Cole runs the council. Cole, said to be tired, spoke last: this all or nothing "
        "plan, he said, is unreasonable."
    )
    assert q.text.endswith("plan … is unreasonable")


# --- transcripts ---------------------------------------------------------------------------


def test_a_transcript_turn_is_its_labelled_speakers_words() -> None:
    text = (
        "Ruth Vane turned 90 this year. She spoke to our host Dan Ortiz about her march.\n"
        "DAN ORTIZ: What made you start walking?\n"
        'RUTH VANE: My mother told me, "Never stop." So I never did. People said I was too '
        "old, but I kept going.\n"
        "ORTIZ: And the city?\n"
        "VANE: The city said it would help us, and it did."
    )
    shown = [(q.speaker, q.text) for q in _shown(text)]
    assert shown == [
        ("Dan Ortiz", "What made you start walking?"),
        (
            "Ruth Vane",
            'My mother told me, "Never stop." So I never did. People said I was too old, but I '
            "kept going.",
        ),
        ("Dan Ortiz", "And the city?"),
        ("Ruth Vane", "The city said it would help us, and it did."),
    ]


def test_section_labels_are_no_transcript() -> None:
    text = (
        "The river rose again on Monday.\nPHOTOS: The flood in pictures.\n"
        "UPDATE: The road is closed.\nRELATED: Dams under strain.\n"
        "The mayor said the water would fall by Friday."
    )
    assert _texts(text) == ["the water would fall by Friday"]


def test_a_statement_holding_a_whole_direct_quote_is_that_quote() -> None:
    shown = _shown(
        "Bill Randa is an old spy near the end of his career. With protests raging in the "
        "streets, Randa remarks to an aide, “Mark my words, there will never be a worse time,” "
        "and yes, that line is sure to get some of the biggest laughs of the whole film."
    )
    assert [(q.kind, q.text) for q in shown] == [
        ("direct", "Mark my words, there will never be a worse time")
    ]


def test_an_unclosed_straight_quote_ends_before_its_trailing_cue() -> None:
    text = (
        "Dean Kunz spoke on Friday.\n"
        '"There is a chance he may be with somebody and that gives us hope, said Kunz. "It is '
        'a bad thing that he is not with us, but it also means he may be alive."'
    )
    spans = [text[s.start : s.end] for s in quote_spans(text)]
    assert spans == [
        "There is a chance he may be with somebody and that gives us hope",
        "It is a bad thing that he is not with us, but it also means he may be alive.",
    ]
    assert all("said Kunz" not in q.text for q in _shown(text))


def test_an_as_aside_refers_back_to_the_clause_before_it() -> None:
    (q,) = _shown(
        "Ann Clifford filed suit. If the contract is void because the owner did not sign it, "
        "as Clifford argues, the clause would also be unenforceable."
    )
    assert q.text == "the contract is void because the owner did not sign it"


def test_a_cue_said_twice_is_not_part_of_the_statement() -> None:
    (q,) = _shown(
        "Ann Vold was arrested on Monday. She said she was in Ohio when she first heard of the "
        "alert, she said in the interview."
    )
    assert q.text == "she was in Ohio when she first heard of the alert"


def test_a_transcript_label_names_its_speaker_without_a_mention() -> None:
    text = (
        "The president sat down with our anchor this week.\n"
        "GEORGE WALSH: You might have a new issue on your plate. Can you stop it?\n"
        "PRESIDENT OBAMA: Well, if the Republican Party believes that we should do nothing, "
        "well, I have a big difference with them.\n"
        "GEORGE WALSH: And the fees?\n"
        "PRESIDENT OBAMA: We will see."
    )
    shown = _shown(text)
    assert [q.kind for q in shown] == ["direct"] * 4
    assert [q.speaker for q in shown] == ["George Walsh", "President Obama"] * 2
    assert shown[1].text.startswith("Well, if the Republican Party believes")


def test_a_cue_in_a_relative_clause_at_the_end_is_no_trailing_cue() -> None:
    assert (
        _texts(
            "The Mercers became his backers after reading Hard Facts, an odd science newsletter "
            "that he writes."
        )
        == []
    )


def test_a_hedge_after_the_cue_stays_in_the_statement() -> None:
    (q,) = _shown("Omar Sahin of the Dale Trust says that he believes he was threatened in 2013.")
    assert q.text == "he believes he was threatened in 2013"


def test_the_other_sides_reply_is_not_the_statement() -> None:
    texts = _texts(
        "Mara Quist said the heaters were unsafe, but the company denied any fault.\n"
        "Quist told reporters that staff had been warned, while the firm has not responded."
    )
    assert texts == ["the heaters were unsafe", "staff had been warned"]


def test_a_newsletters_section_labels_name_no_speaker() -> None:
    text = (
        "President Barack Obama flies to Ohio.\n"
        "OBAMA TODAY: The president speaks on jobs in Columbus.\n"
        "HILL TODAY: The House votes on the budget.\n"
        "OBAMA TODAY: He meets donors in the evening.\n"
        "HILL TODAY: The Senate is out."
    )
    assert [q for q in _shown(text) if q.cue == ":"] == []
