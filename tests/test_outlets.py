from __future__ import annotations

import pytest

from newsbrief.outlets import (
    outlet_key,
    outlet_name,
    registered_domain,
    usable,
    wire_credit,
    wire_of,
)


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://edition.cnn.com/2024/x", "cnn.com"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("https://www.smh.com.au/a", "smh.com.au"),
        ("http://127.0.0.1/x", None),
        (None, None),
    ],
)
def test_registered_domain(url: str | None, domain: str | None) -> None:
    assert registered_domain(url) == domain


def test_never_a_platform_url_or_headline() -> None:
    assert not usable("Blogger")
    assert not usable("https://example.com/story")
    assert not usable("Harbour Official to HH: Ferry Repairs Will Take Three Weeks")
    assert usable("The New York Times")
    assert outlet_name(["Blogger", None], "https://blogspot.com/p") is None
    # a blog on a platform is its own outlet, never the platform
    assert outlet_name(["Blogger"], "https://someblog.blogspot.com/p") == "someblog.blogspot.com"
    assert outlet_name(["WordPress.com", "Ledger"], None) == "Ledger"
    assert outlet_name([None], "https://www.ledger.co.uk/x") == "ledger.co.uk"


def test_variants_of_one_outlet_share_a_key() -> None:
    assert outlet_key("The Guardian") == outlet_key("guardian.co.uk") == "guardian"
    assert outlet_key("Associated Press") == outlet_key("AP") == wire_of("A.P.") == "ap"
    assert outlet_key("BBC News") != outlet_key("BBC")  # no guessing beyond spelling


def test_wire_credit_lines() -> None:
    assert wire_credit("BAGHDAD (Reuters) - Forces advanced.") == "reuters"
    assert wire_credit("Forces advanced.\n— The Associated Press") == "ap"
    assert wire_credit("Our reporter in Baghdad saw forces advance.") is None
