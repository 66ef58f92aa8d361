"""Round 11 (summedits11): "refused to V" negates V; an office the source never names is
unsupported. Sentences written for these tests; none comes from the evaluation data."""

from newsbrief.analyze.conflict_checks import _negations, _plain_negation
from newsbrief.analyze.roles import roles
from newsbrief.eval.conflict import judge, unsupported

DOC = (
    "The board approved the merger on Monday after a long meeting. The minister commented "
    "on the plan in parliament. The chief executive of the bank said profits would rise."
)


def test_refused_and_failed_to_negate_the_next_verb() -> None:
    assert _negations("The board refused to approve the merger.") == [
        (2, ["approve", "the", "merger"])
    ]
    assert _plain_negation("The board has failed to approve it.") == "The board has not approve it."
    assert _plain_negation("She declined to comment.") == "She did not comment."
    ok, reasons = judge("The board refused to approve the merger on Monday.", DOC)
    assert not ok and "negation: approve / not approve" in reasons
    ok, reasons = judge("The minister declined to comment on the plan.", DOC)
    assert not ok and any(r.startswith("negation") for r in reasons)


def test_declined_without_to_is_no_negation() -> None:
    # "declined 5 percent" is a fall, not a refusal
    assert _negations("Shares declined 5 percent on Monday.") == []
    assert judge("The board approved the merger on Monday.", DOC)[0]


def test_an_office_the_source_never_names_is_unsupported() -> None:
    assert unsupported("The founder of the bank said profits would rise.", DOC) == ["founder"]
    # the same office under another spelling or a synonym is supported
    assert roles("The bank's CEO spoke.") == roles("its chief executive spoke")
    assert unsupported("The bank's chief executive said profits would rise.", DOC) == []
    lawyers = "Her attorney said she would appeal."
    assert unsupported("Her lawyer said she would appeal.", lawyers) == []


def test_a_title_inside_a_name_is_left_to_the_name_rules() -> None:
    # "President Ames" for a source's "Ames": a title written as part of a name
    assert roles("President Ames spoke.", lower_only=True) == frozenset()
    assert "president" not in unsupported("On Monday President Ames spoke.", "Ames spoke.")
