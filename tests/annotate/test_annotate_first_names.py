from __future__ import annotations

from newsbrief.annotate.first_names import FEMALE, MALE, gender_of


def test_a_given_name_of_one_gender_says_it_and_a_shared_or_unknown_one_says_nothing() -> None:
    assert gender_of("Margaret Ollen") == "f"
    assert gender_of("Gregory Tamm") == "m"
    assert gender_of("Dr. Vell") is None
    for shared in ("Jordan Vale", "Taylor Brisk", "Sam Orwin", "Kelly Dunn", "Jean Marl"):
        assert gender_of(shared) is None, shared
    assert gender_of("") is None
    assert not FEMALE & MALE
