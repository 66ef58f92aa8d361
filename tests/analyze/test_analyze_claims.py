from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.claim_pairs import is_statement, numbers_apart, shares_event
from newsbrief.analyze.claims import align_claims
from newsbrief.records import AlignedPair, Derivation


def test_headings_and_fragments_are_not_statements() -> None:
    assert not is_statement("Pakistan Helps Iraq Liberate Mosul")
    assert not is_statement("Please enter your name")
    assert not is_statement("Peru Hopes for Chile's Help in Rebuilding of Lima after Floods")
    assert is_statement("The city was freed after a nine-month campaign by Iraqi forces.")
    # a link to another story is page furniture; "More than" opens a statement
    assert not is_statement("More: Harbour town celebrates the opening of its new ferry line.")
    assert not is_statement("Read more: Why the ferry line was delayed for two whole years.")
    assert is_statement("More than 40 passengers were rescued from the ferry on Sunday.")


def test_claims_need_two_articles_and_count_independent_sources(make_article) -> None:
    a = make_article(
        "a",
        "Iraqi forces freed the city of Mosul after a long military campaign. "
        "The weather in the capital was unusually warm for the season.",
    )
    b = make_article(
        "b",
        "After a long military campaign, Iraqi forces freed the city of Mosul. "
        "Local football clubs announced a new league schedule yesterday.",
    )
    c = make_article(
        "c",
        "The city of Mosul was freed by Iraqi forces after a long military campaign. "
        "Officials opened a new bridge across the river today.",
    )
    sources = {"a": "a", "b": "a", "c": "c"}  # b copies a
    (claim,) = align_claims([a, b, c], [], sources)
    assert claim.articles == ["a", "b", "c"]
    assert claim.independent_sources == 2
    assert claim.text == a.sentences[0].text
    assert [(m.article, m.sentence) for m in claim.members] == [("a", 0), ("b", 0), ("c", 0)]


def test_at_most_one_sentence_per_article(make_article) -> None:
    a = make_article(
        "a",
        "Iraqi forces freed the city of Mosul after a long campaign. "
        "Iraqi forces freed the city of Mosul after a campaign.",
    )
    b = make_article("b", "Iraqi forces freed the city of Mosul after a long campaign.")
    claims = align_claims([a, b], [], {"a": "a", "b": "b"})
    for claim in claims:
        assert len(set(claim.articles)) == len(claim.articles)


def test_representative_comes_from_the_original_and_rewrite_pairs_count(make_article) -> None:
    child = make_article(
        "child", "Some militants were caught near the border crossing on Monday night."
    )
    orig = make_article(
        "orig", "Border guards arrested several gunmen at the frontier post late Monday."
    )
    deriv = Derivation("child", "orig", "rewrite", 0.5, [AlignedPair(0, 0, 0.5)])
    (claim,) = align_claims([child, orig], [deriv], {"child": "orig", "orig": "orig"})
    assert claim.text == orig.sentences[0].text
    assert claim.independent_sources == 1


def test_claims_sorted_by_independent_support(make_article) -> None:
    s1 = "Parliament approved the new budget for schools on Tuesday evening."
    s2 = "Heavy rain flooded several villages in the northern province overnight."
    a = make_article("a", f"{s1} {s2}")
    b = make_article("b", f"{s2} {s1}")
    c = make_article("c", f"{s2}")
    claims = align_claims([a, b, c], [], {"a": "a", "b": "b", "c": "c"})
    assert [c.independent_sources for c in claims] == [3, 2]
    assert claims[0].text == s2


def test_no_chaining_through_a_middle_sentence(make_article) -> None:
    a = make_article("a", "The old bridge over the river collapsed after days of heavy rain.")
    b = make_article(
        "b",
        "The old bridge over the river collapsed, and the mayor announced new taxes on "
        "fuel, tobacco and imported cars for the coming budget year.",
    )
    c = make_article(
        "c", "The mayor announced new taxes on fuel, tobacco and imported cars for next year."
    )
    claims = align_claims([a, b, c], [], {"a": "a", "b": "b", "c": "c"})
    assert claims, "b should align with a or with c"
    assert all(len(claim.articles) == 2 for claim in claims)


def test_topic_neighbours_do_not_corroborate_each_other(make_article, monkeypatch) -> None:
    # Two reports that share the topic words but state different facts must not make a
    # two-source claim, whatever the (loose, MRPC-fitted) paraphrase decision says.
    a = make_article(
        "a",
        "The ferry terminal at Wrenport will open next spring, the harbour authority said.",
    )
    b = make_article(
        "b",
        "Fishermen protested at the Wrenport ferry terminal over fish prices on Friday.",
    )
    sources = {"a": "a", "b": "b"}
    for said in (0.9, 0.1):
        monkeypatch.setattr("newsbrief.analyze.claims.paraphrase_fn", lambda s=said: lambda x, y: s)
        assert align_claims([a, b], [], sources) == []


def test_same_statement_with_a_different_number_stays_one_claim(make_article, monkeypatch) -> None:
    # A close restatement with another figure fails a paraphrase test, but it is exactly the
    # pair a conflict check must see, so lexical closeness alone keeps it in one claim.
    a = make_article("a", "The storm flooded 40 homes in the lower town of Brisling on Sunday.")
    b = make_article("b", "The storm flooded 55 homes in the lower town of Brisling on Sunday.")
    monkeypatch.setattr("newsbrief.analyze.claims.paraphrase_fn", lambda: lambda x, y: 0.0)
    (claim,) = align_claims([a, b], [], {"a": "a", "b": "b"})
    assert claim.articles == ["a", "b"]


def test_statements_sharing_only_names_do_not_corroborate() -> None:
    # the same museum, town and person, but one says what it holds, the other who lectured
    a = "The Harlow Museum in Denbury holds the letters of Ada Quill."
    b = "Ada Quill lectured at the Harlow Museum in Denbury last winter."
    sa, sb = claim_stems(a), claim_stems(b)
    assert not shares_event(a, b, sa, sb, 0.4)
    c = "The letters of Ada Quill are kept in Denbury: the Harlow Museum holds them."
    assert shares_event(a, c, sa, claim_stems(c), 0.4)


def test_different_figures_of_different_events_are_two_statements() -> None:
    if not parse.available():
        pytest.skip("the parse layer is not installed")
    a = "The flood destroyed 40 homes in the lower town of Brisling on Sunday."
    b = "Volunteers repaired 12 homes in the lower town of Brisling after the flood."
    assert numbers_apart(a, b)
    # one figure for one event is a dispute, which stays inside one claim
    c = "The flood destroyed 55 homes in the lower town of Brisling on Sunday."
    assert not numbers_apart(a, c)
    assert not numbers_apart(a, a)


def test_anonymous_source_boilerplate_is_not_content(make_article) -> None:
    a = make_article(
        "a",
        "The budget talks could collapse next week, said an aide who asked not to be named.",
    )
    b = make_article(
        "b",
        "The mayor will visit the flooded villages, said an official who asked not to be named.",
    )
    assert align_claims([a, b], [], {"a": "a", "b": "b"}) == []
