from __future__ import annotations

from newsbrief.analyze import analyze_story
from newsbrief.records import AlignedPair, Derivation, Story


def test_analyze_story_end_to_end_on_hand_built_records(make_article) -> None:
    orig = make_article(
        "orig",
        "Ambassador of Peru Ana Lucia Torres told reporters the port reopened after repairs. "
        "We will rebuild everything, Ms Torres said.",
        mentions=[("Ana Lucia Torres", "person"), ("Torres", "person")],
        quotes=[("We will rebuild everything", "Ms Torres")],
        dates=[],
        published="2022-03-02",
    )
    rewrite = make_article(
        "rewrite",
        "Ana Lucia Torres, Ambassador of Chile says the port reopened after repairs last week. "
        "Nobody knows the cost, a resident said.",
        mentions=[("Ana Lucia Torres", "person")],
        quotes=[("Nobody knows the cost", None)],
    )
    other = make_article("other", "A separate article about football results in the league.")
    deriv = Derivation("rewrite", "orig", "rewrite", 0.6, [AlignedPair(0, 0, 0.6)])
    story = Story("s1", ["orig", "rewrite"])
    analysis = analyze_story(story, [orig, rewrite, other], [deriv])

    assert analysis.story == "s1"
    assert analysis.sources == {"orig": "orig", "rewrite": "orig"}
    (person,) = [e for e in analysis.entities if e.kind == "person"]
    assert person.name == "Ana Lucia Torres" and "Ms Torres" in person.aliases
    assert [q.speaker for q in analysis.quotes] == ["Ana Lucia Torres"]
    assert analysis.unattributed_quotes == 1
    (claim,) = analysis.claims
    assert claim.independent_sources == 1 and claim.articles == ["orig", "rewrite"]
    (conflict,) = analysis.conflicts
    assert conflict.kind == "entity" and conflict.claim == 0 and claim.conflicts == [0]
    assert {v.value for v in conflict.values} == {"Ambassador of Peru", "Ambassador of Chile"}


def test_attributions_that_are_not_speech_stay_out_of_the_quotes():
    from newsbrief.analyze.entities import merge_entities
    from newsbrief.analyze.quotes import story_quotes
    from newsbrief.annotate import annotate
    from newsbrief.records import Article, Quote

    text = 'Mayor Ana Ruiz criticized the plan on Monday.\n"We will fight it," Ruiz said.'
    art = annotate(Article(id="a", source="a", title="Plan", text=text))
    art.quotes.append(
        Quote("the plan", "attributed", 0, 28, 36, "Ana Ruiz", "Ana Ruiz", "criticized")
    )
    quotes, _ = story_quotes([art], merge_entities([art]))
    assert quotes and all(q.kind in ("direct", "reported") for q in quotes)
    assert not any(q.text == "the plan" for q in quotes)


def test_an_office_is_no_role_an_officer_holds():
    from newsbrief.analyze.entities import merge_entities
    from newsbrief.analyze.quotes import story_quotes
    from newsbrief.annotate import annotate
    from newsbrief.records import Article

    text = (
        "Officer Tim Barlow, 31, died Friday from a wound he suffered during a stop.\n"
        "The Kent County prosecutor's office said Barlow stopped a van on Elm Street shortly "
        "after midnight.\n"
    )
    art = annotate(Article(id="a", source="a", title="Stop", text=text))
    quotes, _ = story_quotes([art], merge_entities([art]))
    assert not any("stopped a van" in q.text for q in quotes)
