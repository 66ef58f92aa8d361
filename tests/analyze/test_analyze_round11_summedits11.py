"""Opposite words said of one thing are a conflict (round 11, summedits11).

Sentences written for these tests; none comes from the evaluation data.
"""

from newsbrief.analyze.conflict_checks import compare
from newsbrief.analyze.opposites import opposite_swaps
from newsbrief.eval.conflict import judge


def _kinds(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value_a, f.value_b) for f in compare(a, b, [], [])]


def test_earnings_verbs_of_one_figure_are_opposites() -> None:
    assert ("antonym", "beat", "missed") in _kinds(
        "The retailer beat analyst estimates for the quarter.",
        "The retailer missed analyst estimates for the quarter.",
    )
    assert ("antonym", "declined", "climbed") in _kinds(
        "Revenue declined 5 percent from a year earlier.",
        "Revenue climbed 5 percent from a year earlier.",
    )


def test_un_prefix_is_an_opposite() -> None:
    assert opposite_swaps(
        "Profits are likely to rise next year.", "Profits are unlikely to rise next year."
    ) == [("likely", "unlikely")]
    # "unrest" is no opposite of "rest"
    assert (
        opposite_swaps("The rest of the city was calm.", "Unrest gripped the city on Monday.") == []
    )


def test_opposites_need_a_shared_word_around_them() -> None:
    # "buyers" and "sellers" of different things: nothing around them is shared
    assert (
        opposite_swaps(
            "Buyers of homes waited for lower mortgage rates.",
            "Sellers of used cars cut prices sharply.",
        )
        == []
    )


def test_a_negator_or_hedge_turns_the_opposite_back() -> None:
    assert (
        opposite_swaps("Shares were little changed at noon.", "Shares were unchanged at noon.")
        == []
    )
    assert (
        opposite_swaps(
            "The company did not beat estimates this quarter.",
            "The company missed estimates this quarter.",
        )
        == []
    )


def test_classifiers_are_no_opposites() -> None:
    # an article sets public and private colleges side by side: two groups, not one swapped
    assert (
        opposite_swaps(
            "Tuition at private colleges rose 6 percent.",
            "Tuition at public colleges rose 4 percent.",
        )
        == []
    )


def test_statement_with_an_opposite_verb_is_inconsistent() -> None:
    doc = (
        "The chain reported results on Tuesday. It beat analyst estimates for the third "
        "quarter, helped by strong holiday sales. Its shares rose in early trading."
    )
    assert judge("The chain beat analyst estimates for the third quarter.", doc)[0]
    ok, reasons = judge("The chain missed analyst estimates for the third quarter.", doc)
    assert not ok and any(r.startswith("antonym") for r in reasons)
