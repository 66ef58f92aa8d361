"""The Markdown brief: sections in order, citation numbers, claims, disputes, timeline,
escaping of untrusted text."""

from __future__ import annotations

import re

import pytest
from render_sample_brief import HOSTILE_TITLE, make_brief, md_section

from newsbrief.records import ArticleRef, Brief, Claim, SentenceRef, SummarySentence
from newsbrief.render import render_markdown
from newsbrief.render.escape import escape

SECTIONS = [
    "## Summary",
    "## Corroborated claims",
    "## Disputed",
    "## Who said what",
    "## Timeline",
    "## Copies and rewrites",
    "## Removed from the sources",
    "## Sources",
]


def test_sections_in_order_and_header() -> None:
    brief = make_brief()
    md = render_markdown(brief)
    assert md.startswith("# Footbridge collapses into the Ashwen\n")
    positions = [md.index(f"\n{s}\n") for s in SECTIONS]
    assert positions == sorted(positions)
    header = md.splitlines()[2]
    assert "2024-05-14 – 2024-05-16" in header
    assert "4 articles from 3 outlets" in header


def test_citation_numbers_refer_to_the_sources_list() -> None:
    brief = make_brief()
    md = render_markdown(brief)
    sources = md_section(md, "Sources").strip().splitlines()
    assert len(sources) == 4
    for n, ref in enumerate(brief.articles, start=1):
        assert sources[n - 1].startswith(f"{n}. ")
        assert escape(ref.source) in sources[n - 1]
    assert "Calderwick Courier" in sources[0] and "by Jo Marsh" in sources[0]
    assert "(date inferred)" in sources[3] and "Unknown outlet" in sources[3]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", md.split("## Sources")[0])}
    assert cited == {1, 2, 3, 4}
    summary = md_section(md, "Summary").strip().splitlines()
    assert summary[0].endswith("on Tuesday. [1][3]")


def test_claims_corroborated_first_with_counts() -> None:
    brief = make_brief()
    claims = md_section(render_markdown(brief), "Corroborated claims")
    first, second = claims.index("Eleven people"), claims.index("built in 1968")
    assert first < second
    assert "2 outlets (3 articles)" in claims
    assert "1 outlet (2 articles)*" in claims


def test_disputed_values_name_their_sources() -> None:
    brief = make_brief()
    disputed = md_section(render_markdown(brief), "Disputed")
    assert "**Number**: How many people were injured" in disputed
    assert "“11” in [1][2][3]" in disputed and "“14” in [4]" in disputed
    # Without a description the conflict is explained by its claim.
    assert "**Number**: The bridge was built in 1968." in disputed


def test_timeline_sorted_and_marks_inferred() -> None:
    brief = make_brief()
    lines = md_section(render_markdown(brief), "Timeline").strip().splitlines()
    assert lines[0].startswith("- **2023-03** *(inferred)* — Inspectors")
    assert (
        lines[1]
        == "- **2024-05-14** — The footbridge collapses during the morning commute. [1][2][3]"
    )


def test_removed_counts_by_reason_not_text() -> None:
    brief = make_brief()
    removed = md_section(render_markdown(brief), "Removed from the sources")
    assert "- reader-comments: 2 [4]" in removed
    assert "Great piece" not in removed and "Share this article" not in removed


def test_untrusted_text_cannot_inject_markup() -> None:
    brief = make_brief()
    md = render_markdown(brief)
    assert "<script" not in md
    assert "](javascript:" not in md
    assert not any(line.startswith("# ") for line in md.splitlines()[1:])
    assert HOSTILE_TITLE not in md


def test_injection_is_inert_when_rendered_to_html() -> None:
    brief = make_brief()
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(render_markdown(brief))
    assert "<script" not in html
    assert "href=" not in html
    assert "<a " not in html
    assert html.count("<h1>") == 1
    assert "&lt;script&gt;alert(1)" in html  # still readable as text


def test_escape_keeps_ordinary_text_readable() -> None:
    assert escape("The mayor's plan, costing $4.2m (2024), was approved.") == (
        "The mayor's plan, costing $4.2m (2024), was approved."
    )
    assert escape("snake_case stays") == "snake_case stays"
    assert escape("1. Not a list") == "1\\. Not a list"
    assert escape("line one\n\n# two") == "line one # two"
    assert escape(None) == ""


def test_empty_sections_are_left_out() -> None:
    ref = SentenceRef("x", 0, "Only one thing happened.")
    brief = Brief(
        story="s3",
        headline="",
        articles=[ArticleRef("x", "a.txt", "Outlet", "T", None)],
        summary=[SummarySentence(ref.text, [ref])],
        claims=[Claim(ref.text, [ref], ["x"], 1)],
    )
    md = render_markdown(brief)
    assert md.startswith("# Untitled story\n")
    assert "## Summary" in md and "## Sources" in md and "## Corroborated claims" in md
    for absent in ("Disputed", "Who said what", "Timeline", "Copies", "Removed"):
        assert f"## {absent}" not in md
    assert "*1 article from 1 outlet*" in md


def test_cited_article_missing_from_list_is_still_numbered() -> None:
    ref = SentenceRef("ghost", 2, "A sentence.")
    md = render_markdown(
        Brief(story="s4", headline="H", summary=[SummarySentence(ref.text, [ref])])
    )
    assert "A sentence. [1]" in md
    assert "1. Unknown outlet — (untitled) — article ghost" in md
    assert make_brief().headline  # the shared builder stays importable


def test_a_sentence_with_two_dates_is_one_timeline_line() -> None:
    from newsbrief.records import TimelineEvent

    brief = make_brief()
    text = "The crossing was shut from March 2019 to June 2020 for repairs."
    brief.timeline = [
        TimelineEvent("2020-06", text, ["a1"], [SentenceRef("a1", 7)]),
        TimelineEvent("2019-03", text, ["a1"], [SentenceRef("a1", 7)]),
    ]
    lines = md_section(render_markdown(brief), "Timeline").strip().splitlines()
    assert lines == [f"- **2019-03**, **2020-06** — {text} [1]"]


def test_statements_only_a_copy_repeats_are_one_line() -> None:
    brief = make_brief()
    shared = [f"The span had {n} rusted bolts." for n in range(3, 7)]
    brief.claims += [
        Claim(t, [SentenceRef("a1", 10 + k), SentenceRef("b2", 10 + k)], ["a1", "b2"], 1)
        for k, t in enumerate(shared)
    ]
    claims = md_section(render_markdown(brief), "Corroborated claims")
    assert "- 4 further statements appear only in [1][2], which count as one" in claims
    assert not any(t in claims for t in shared)
    # a disputed single-source claim is still shown line by line
    assert "The bridge was built in 1968." in claims


def test_the_header_span_uses_stated_dates_only() -> None:
    brief = make_brief()
    brief.start = brief.end = None
    for ref in brief.articles:
        ref.published, ref.published_inferred = "1974-08-05", True
    brief.articles[0].published, brief.articles[0].published_inferred = "2024-05-14", False
    header = render_markdown(brief).splitlines()[2]
    assert "1974" not in header and header.startswith("*2024-05-14 · ")


def test_a_dissenting_member_is_not_cited_for_the_claim() -> None:
    # the rewrite that changed the figure is named apart, never cited as support
    brief = make_brief()
    a, b, c, d = (ref.id for ref in brief.articles)
    brief.claims[1].members.append(SentenceRef(d, 2))
    brief.claims[1].articles.append(d)
    brief.claims[1].dissenting = [d]
    line = next(
        ln
        for ln in md_section(render_markdown(brief), "Corroborated claims").splitlines()
        if "Eleven people" in ln
    )
    assert line.startswith("- Eleven people were hurt. [1][2][3] — ")
    assert "2 outlets (3 articles); 1 article disagreeing: [4]" in line
