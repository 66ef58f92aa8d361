from __future__ import annotations

import pytest

from newsbrief.read.fields import host_of, normalize_date, outlet_name, split_authors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2017-07-11", "2017-07-11"),
        ("2017-7-1", "2017-07-01"),
        ("2017", "2017"),
        ("2017-07", "2017-07"),
        ("July 2017", "2017-07"),
        ("11 July 2017", "2017-07-11"),
        ("2017-07-11T10:30:00Z", "2017-07-11T10:30:00+00:00"),
        ("2017-07-11 10:30", "2017-07-11T10:30:00"),
        ("Tue, 11 Jul 2017 10:30:00 GMT", "2017-07-11T10:30:00+00:00"),
        (1499769000, "2017-07-11T10:30:00+00:00"),
        (1499769000000, "2017-07-11T10:30:00+00:00"),
        ("yesterday-ish", None),
        ("2017-13-45", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_normalize_date(raw: object, expected: str | None) -> None:
    assert normalize_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe, Rahul Mehta and Lena Fischer", ["Jane Doe", "Rahul Mehta", "Lena Fischer"]),
        ("Jane Doe; Email the author", ["Jane Doe"]),
        ("Doe, Jane", ["Jane Doe"]),
        ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("jane@example.com", []),
        (["Jane Doe", {"name": "Rahul Mehta"}, "jane doe"], ["Jane Doe", "Rahul Mehta"]),
        ({"@type": "Person", "name": "Lena Fischer"}, ["Lena Fischer"]),
        (None, []),
    ],
)
def test_split_authors(raw: object, expected: list[str]) -> None:
    assert split_authors(raw) == expected


def test_outlets_and_hosts() -> None:
    assert host_of("https://www.example.org/a/b") == "example.org"
    assert host_of("news.example.net/x") == "news.example.net"
    assert host_of(None) is None
    assert outlet_name({"id": "x", "name": "Daily Planet"}) == "Daily Planet"
    assert outlet_name("https://www.planet.example/") == "planet.example"
    assert outlet_name("  ") is None


def test_author_cleanup_of_credentials_dates_and_outlet() -> None:
    assert split_authors("Jane Doe, Ph.D.") == ["Jane Doe"]
    assert split_authors("Jane Doe February 8, 2024") == ["Jane Doe"]
    assert split_authors("Trine Holm og Ole Berg") == ["Trine Holm", "Ole Berg"]
    assert split_authors("Valley News, Ana Lima", outlet="Valley News") == ["Ana Lima"]
    # The outlet stays when it is the only byline there is.
    assert split_authors("Valley News", outlet="Valley News") == ["Valley News"]


def test_middle_initials_are_not_conjunctions() -> None:
    assert split_authors("Mary E. Smith and John Y Lee") == ["Mary E. Smith", "John Y Lee"]
