"""The rules' word prefilters and the split comment-prompt pattern answer exactly what the
plain patterns answer."""

from __future__ import annotations

import json
from pathlib import Path

from newsbrief.clean import rules
from newsbrief.text import words


def _plain_reason(line: str, title: str = "") -> str | None:
    """``rule_reason`` as it was: every pattern tried on every line."""
    text = line.strip()
    if not text:
        return None
    if title and rules._norm(text) == rules._norm(title):
        return "repeated-title"
    count = len(words(text))
    if count > rules.LONG_LINE_WORDS:
        return None
    if rules.COMMENT_PROMPT.search(text):
        return "comment-prompt"
    if rules.COMMENT_HEADER.match(text):
        return "comment-widget"
    for reason, pattern in rules._RULES:
        if pattern.match(text):
            if reason in rules._GUARDED and not rules._addresses_reader(text):
                continue
            return reason
    if not count:
        return "boilerplate"
    return None


CRAFTED = [
    "Subscribe to our newsletter",
    "Sign up for our daily briefing",
    "Get the latest news delivered to your inbox",
    "Enter your email address",
    "Enter your e-mail",
    "Download our free app",
    "Get the app",
    "Follow us on Twitter",
    "Thanks for subscribing!",
    "Please donate today",
    "Become a patron",
    "Buy me a coffee",
    "Your monthly gift keeps us going",
    "Contribute now to support us",
    "We use cookies to improve your experience",
    "By browsing you accept cookies",
    "Privacy Policy",
    "Terms of Use",
    "AdChoices",
    "Ad Choices",
    "Do Not Sell My Personal Information",
    "GDPR",
    "Copyright 2019 The Gazette",
    "(c) 2019 The Gazette",
    "© 2019 The Gazette",
    "All Rights Reserved.",
    "Gazette is a registered trademark",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Please enable JavaScript to view the comments",
    "Advertisement",
    "ADVERTISEMENT",
    "  Sponsored by Acme Corp  ",
    "Loading...",
    "-- skip ad --",
    "You are using an adblocker; update your browser",
    "Your email address will not be published.",
    "Required fields are marked *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "You must be logged in to post a comment.",
    "Be the first to comment",
    "We would love your thoughts, please comment.",
    "Comments are closed.",
    "Leave a Reply",
    "Cancel reply",
    "Name *",
    "Reply ↓",
    "What do you think?",
    "12 Likes",
    "SUBSCRİBE now",  # a non-ASCII capital: the patterns decide alone
    "ſubscribe to the newsletter",
    "The council said the donation was made in 2015 after a monthly review of gifts.",
    "Officials said cookies were sold at the fair, and the policy was changed.",
    "He said he would subscribe to the view that the plan will fail.",
    "The pumps, the mayor said, will not be replaced before the spring.",
]


def _lines(shared_data_path: Path) -> list[str]:
    out = list(CRAFTED)
    source = shared_data_path / "mds" / "multinews" / "dev.jsonl"
    if source.is_file():
        with source.open(encoding="utf-8") as rows:
            for n, row in enumerate(rows):
                if n == 150:
                    break
                for doc in json.loads(row)["articles"]:
                    out.extend(doc["text"].split("\n"))
    return out


def test_prefiltered_rules_agree_with_the_plain_patterns(shared_data_path: Path) -> None:
    lines = _lines(shared_data_path)
    for line in lines:
        assert rules.rule_reason(line) == _plain_reason(line), line
        text = line.strip()
        assert rules.comment_prompt(text) == bool(rules.COMMENT_PROMPT.search(text)), line
    found = {_plain_reason(line) for line in CRAFTED}
    assert {"subscribe-widget", "donate-widget", "cookie-notice", "copyright"} <= found
    assert {"boilerplate", "comment-prompt"} <= found


def test_the_comment_prompt_parts_are_the_whole_pattern() -> None:
    parts = rules._split_alternatives(rules.COMMENT_PROMPT.pattern)
    assert "|".join(parts) == rules.COMMENT_PROMPT.pattern
    assert len(parts) > 10
