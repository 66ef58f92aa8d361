"""Round 13 (lead): the second part of a quotation split around a longer cue clause, and a
subheading that names the source of its quotation."""

from __future__ import annotations

from annotate_rule_helpers import annotated, quote_with


def test_the_second_part_after_a_longer_cue_clause_is_a_quote() -> None:
    art = annotated(
        "The band will tour next year. “We are thrilled about the tour,” comments Olsen in a "
        "statement, “as it celebrates our whole history.”"
    )
    assert quote_with(art.quotes, "as it celebrates").speaker == "Olsen"


def test_a_lower_case_fragment_of_the_writers_sentence_is_still_no_quote() -> None:
    art = annotated("Ana Ruiz called the plan “a step forward” on Monday.")
    assert not [q for q in art.quotes if q.kind == "direct"]


def test_a_subheading_names_the_source_of_its_quotation() -> None:
    art = annotated(
        "The jobs data came in strong on Friday, said Mara Quint of Delta Bank. “Wages "
        "slowed,” she said.\n‘Hiring is back, for now’: Harbor Bank\nHarbor Bank's economist "
        "Ivo Brandt said the gains were broad."
    )
    assert quote_with(art.quotes, "Hiring is back").speaker == "Harbor Bank"


def test_a_subheading_whose_source_is_no_name_is_not_the_last_speakers() -> None:
    art = annotated(
        "The jobs data came in strong on Friday, said Mara Quint of Delta Bank. “Wages "
        "slowed,” she said.\n‘Hiring is back, for now’: what the economists say\n"
        "Economists were split on the figures."
    )
    quotes = [q for q in art.quotes if "Hiring is back" in q.text]
    assert all(q.speaker != "Mara Quint" for q in quotes)
