"""A later, larger cumulative count is an update with its dates, not a dispute (issue 16)."""

from __future__ import annotations

from newsbrief.analyze.conflicts import find_conflicts
from newsbrief.records import ArticleRef, Brief, Claim, SentenceRef
from newsbrief.render.json import brief_to_dict
from newsbrief.render.markdown import render_markdown


def _claim(*articles) -> list[Claim]:
    members = [SentenceRef(x.id, 0, x.sentences[0].text) for x in articles]
    return [Claim(text=members[0].text, members=members, articles=[x.id for x in articles])]


def test_a_later_larger_count_is_an_update(make_article) -> None:
    a = make_article(
        "a", "The collapse of the footbridge injured 11 people.", published="2024-05-14"
    )
    b = make_article(
        "b", "The collapse of the footbridge injured 11 people.", published="2024-05-14"
    )
    c = make_article(
        "c", "The collapse of the footbridge injured 14 people.", published="2024-05-16"
    )
    claims = _claim(a, b, c)
    assert find_conflicts(claims, [a, b, c], []) == []
    (update,) = claims[0].updates
    assert [v.value for v in update.values] == ["11", "14"]
    assert update.dates == ["2024-05-14", "2024-05-16"]
    assert "rose from 11 to 14 by 2024-05-16" in update.description
    assert claims[0].conflicts == [] and claims[0].dissenting == []

    brief = Brief(
        story="s",
        headline="Footbridge",
        articles=[
            ArticleRef(x.id, x.source, title=x.title, published=x.published) for x in (a, b, c)
        ],
        claims=claims,
    )
    md = render_markdown(brief)
    assert "## Updated figures" in md and "rose from 11 to 14 by 2024-05-16" in md
    assert "## Disputed" not in md and "**disputed**" not in md
    data = brief_to_dict(brief)
    assert data["claims"][0]["updates"][0]["dates"] == ["2024-05-14", "2024-05-16"]


def test_still_a_dispute_when_not_an_update(make_article) -> None:
    def run(texts_and_days: list[tuple[str, str | None]]) -> tuple[list, list[Claim]]:
        arts = [
            make_article(f"x{i}", text, published=day)
            for i, (text, day) in enumerate(texts_and_days)
        ]
        claims = _claim(*arts)
        return find_conflicts(claims, arts, []), claims

    injured = "The collapse of the footbridge injured {} people."
    cases = [
        # a later report still says 11: the story did not move on
        [(injured.format(11), "2024-05-14"), (injured.format(14), "2024-05-15"),
         (injured.format(11), "2024-05-16")],
        # same day
        [(injured.format(11), "2024-05-14"), (injured.format(14), "2024-05-14T18:00:00")],
        # the count fell
        [(injured.format(14), "2024-05-14"), (injured.format(11), "2024-05-15")],
        # an undated side
        [(injured.format(11), "2024-05-14"), (injured.format(14), None)],
        # not a cumulative count
        [("The new footbridge will cost 11 million pounds.", "2024-05-14"),
         ("The new footbridge will cost 14 million pounds.", "2024-05-16")],
    ]  # fmt: skip
    for case in cases:
        conflicts, claims = run(case)
        assert [c.kind for c in conflicts] == ["number"], case
        assert claims[0].updates == []
