"""The "Who said what" section: quotes grouped by speaker entity, each quote once across
copies."""

from __future__ import annotations

from render_sample_brief import make_brief, md_section

from newsbrief.records import Brief, StoryQuote
from newsbrief.render import render_markdown


def test_quotes_grouped_by_entity_with_roles() -> None:
    brief = make_brief()
    quotes = md_section(render_markdown(brief), "Who said what")
    assert quotes.count("### Miriam Tollander — council spokesperson") == 1
    assert "Ms Tollander" not in quotes  # the alias is merged into the entity
    # Same words in two articles: one line citing both.
    assert "“We will not reopen it until it is safe.” [1][2]" in quotes
    assert "the council had acted on every report *(reported)* [3]" in quotes
    assert "### Pieter Vance — station commander" in quotes


def test_unattributed_quotes_are_shown_under_unknown_speaker() -> None:
    quotes = [
        StoryQuote("", "Nobody claimed this.", "x", 0),
        StoryQuote(None, "Nor this.", "x", 1),  # type: ignore[arg-type]
    ]
    md = render_markdown(Brief(story="s5", headline="H", quotes=quotes))
    section = md_section(md, "Who said what")
    assert section.count("### Unknown speaker") == 1
    assert "“Nobody claimed this.” [1]" in section and "“Nor this.” [1]" in section


def test_a_rewrites_rewording_of_a_quote_is_the_original_quote() -> None:
    brief = make_brief()
    # b2 is a rewrite of a1 whose sentence 3 was aligned to a1's sentence 2
    brief.quotes += [
        StoryQuote("Miriam Tollander", "the span had passed its checks", "a1", 2, "reported"),
        StoryQuote("Miriam Tollander", "the bridge passed every check", "b2", 3, "reported"),
        StoryQuote("Miriam Tollander", "repairs would start soon", "b2", 9, "reported"),
    ]
    quotes = md_section(render_markdown(brief), "Who said what")
    assert "the span had passed its checks *(reported)* [1][2]" in quotes
    assert "the bridge passed every check" not in quotes
    assert "repairs would start soon *(reported)* [2]" in quotes  # not aligned: its own line


def test_an_interrupting_cue_is_elided_from_reported_speech() -> None:
    brief = make_brief()
    brief.quotes = [
        StoryQuote(
            "Miriam Tollander",
            "the bridge, the spokeswoman said, had passed its last inspection",
            "a1",
            8,
            "reported",
            "said",
        ),
        StoryQuote("Miriam Tollander", "repairs, she said nothing of", "a1", 9, "reported", "told"),
    ]
    quotes = md_section(render_markdown(brief), "Who said what")
    assert "- the bridge … had passed its last inspection *(reported)* [1]" in quotes
    assert "repairs, she said nothing of" in quotes  # not its cue: left as written
