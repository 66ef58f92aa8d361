"""'No. 5' abbreviates 'number': it negates nothing (from branch conflict10, round 10)."""

from newsbrief.analyze.conflict_checks import _negations
from newsbrief.eval.conflict import judge


def test_number_abbreviation_is_no_negation() -> None:
    assert _negations("The single climbed to No. 5 on the chart.") == []
    assert _negations("There was no sign of the band.") != []
    doc = "The single climbed to 5 on the national chart last week, its label said."
    assert judge("The single climbed to No. 5 on the national chart.", doc)[0]
