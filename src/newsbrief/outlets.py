"""Outlets: one name per outlet, and the family an article's independence is counted by.

An outlet comes from the page (JSON-LD publisher, ``og:site_name``, the masthead), else from
the registered domain of the URL; a platform ("Blogger"), a URL or a headline is never an
outlet. ``family`` is what independent-source counting groups by (issue 16): a wire story
carried by another outlet belongs to the wire, and every article of one outlet to that
outlet, whatever variant of its name the page used ("The Guardian", "guardian.co.uk").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Hosting platforms and aggregators: the page's site name is the platform, not the outlet.
PLATFORMS = frozenset(
    [
        "blogger",
        "blogspot",
        "wordpress",
        "wordpresscom",
        "medium",
        "tumblr",
        "substack",
        "wix",
        "squarespace",
        "ghost",
        "youtube",
        "facebook",
        "twitter",
        "x",
        "instagram",
        "tiktok",
        "reddit",
        "linkedin",
        "googlenews",
        "google",
        "yahoo",
        "yahoonews",
        "msn",
        "msnnews",
        "newsbreak",
        "flipboard",
        "apple",
        "applenews",
    ]
)

# Second-level labels under which the registered domain has three labels ("bbc.co.uk").
_SECOND_LEVEL = frozenset(
    [
        "co",
        "com",
        "net",
        "org",
        "gov",
        "ac",
        "edu",
        "gob",
        "nic",
        "or",
        "ne",
        "go",
        "mil",
        "ltd",
        "plc",
        "sch",
    ]
)

# Spellings of one wire service (folded: lower case, letters and digits only).
WIRES = {
    "ap": "ap",
    "associatedpress": "ap",
    "theassociatedpress": "ap",
    "apnews": "ap",
    "reuters": "reuters",
    "thomsonreuters": "reuters",
    "afp": "afp",
    "agencefrancepresse": "afp",
    "upi": "upi",
    "unitedpressinternational": "upi",
    "dpa": "dpa",
    "ansa": "ansa",
    "efe": "efe",
    "pressassociation": "pa",
    "bloomberg": "bloomberg",
    "xinhua": "xinhua",
    "tass": "tass",
}

# "(AP) —", "(Reuters) -", "— The Associated Press" in the opening or closing lines.
_CREDIT = re.compile(
    r"\((AP|Reuters|AFP|UPI|dpa|Bloomberg|Xinhua)\)|"
    r"(?:^|[-—–]\s*)(The Associated Press|Associated Press|Reuters|Agence France-Presse)\s*$",
    re.MULTILINE,
)


def fold(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def registered_domain(url_or_host: str | None) -> str | None:
    """ "edition.cnn.com" -> "cnn.com", "news.bbc.co.uk" -> "bbc.co.uk"; None without a host."""
    if not url_or_host:
        return None
    text = url_or_host.strip()
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname
    except ValueError:
        return None
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None
    labels = host.lower().strip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _looks_likehost_of(name: str) -> bool:
    return " " not in name.strip() and bool(re.search(r"\.[a-z]{2,}$", name.strip().lower()))


def usable(name: str | None) -> bool:
    """A name that can stand for an outlet: not a platform, not a URL, not a headline."""
    if not name or not name.strip():
        return False
    text = name.strip()
    if text.lower().startswith(("http://", "https://", "www.")) or "/" in text:
        return False
    if fold(text) in PLATFORMS or fold(text.split(".")[0]) in PLATFORMS:
        return False
    # a headline: many words, or sentence punctuation a name does not carry
    return len(text.split()) <= 6 and not re.search(r"[:!?|]|\s[-—–]\s", text)


def host_of(url: str | None) -> str | None:
    """The host of a URL, lower case, without "www.", or None when it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


def tidy(name: str) -> str:
    """One spelling per outlet name: a host is shown as its registered domain ("www.cnn.com",
    "edition.cnn.com" -> "cnn.com"), except under a platform, where the blog is the host
    ("someblog.blogspot.com"); whitespace and a trailing ".com" after a name are folded."""
    text = re.sub(r"\s+", " ", name).strip()
    if _looks_likehost_of(text):
        domain = registered_domain(text)
        if domain and fold(domain.split(".")[0]) in PLATFORMS:
            return host_of(text) or text
        return domain or text
    return text


def outlet_name(candidates: list[str | None], url: str | None = None) -> str | None:
    """The first usable candidate, else the registered domain of ``url`` (on a platform such
    as blogspot.com, the blog's own host: every blog there is a different outlet)."""
    for name in candidates:
        if usable(name):
            return tidy(str(name))
    domain = registered_domain(url)
    if not domain:
        return None
    if fold(domain.split(".")[0]) in PLATFORMS:
        host = host_of(url)
        return host if host and host != domain else None
    return domain


# How a plain text names the outlet it was copied from: a copyright or footer line, an
# appeal to support the site, or the outlet's own reporter in an interview ("In an interview
# with the Hilltown Herald e-newspaper's reporter"). Names stop at four capitalised words.
_NAME = r"((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})"
_KIND = r"(?:\s+(?:e-newspaper|newspaper|news\s+agency|agency|website|site|magazine|daily|weekly))?"
_TEXT_OUTLET = [
    re.compile(
        r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*" + _NAME,
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(r"^\s*(?:Support|Subscribe to|Donate to)\s+" + _NAME + r"\s*$", re.MULTILINE),
    re.compile(
        r"\b(?:interview with|speaking to)\s+(?:the\s+)?"
        + _NAME
        + _KIND
        + r"(?:'s|’s)\s+(?:own\s+)?(?:reporter|correspondent)\b"
    ),
]
# "Support Our Journalism", "© All rights reserved": the words after the cue are no name
_NOT_A_NAME = frozenset(["all", "our", "us", "this", "local", "independent", "quality", "free"])
# a photo agency's credit line is no outlet of the text ("© Getty Images")
_PHOTO = re.compile(r"images|photo|pictures|shutterstock|istock|alamy", re.IGNORECASE)
_TEXT_LINES = 12  # copyright and appeal lines are read only near the top or the bottom


def outlet_from_text(text: str) -> str | None:
    """The outlet a plain-text article names as its own, or None (no guess from topic words)."""
    lines = text.splitlines()
    edges = "\n".join(lines[:_TEXT_LINES] + lines[-_TEXT_LINES:])
    for i, pattern in enumerate(_TEXT_OUTLET):
        m = pattern.search(text if i == 2 else edges)
        if m:
            name = re.sub(r"\s+(?:All|Ltd|Inc)\b.*$", "", m.group(1)).strip(" .,")
            first = name.split()[0].lower()
            if usable(name) and first not in _NOT_A_NAME and not _PHOTO.search(name):
                return tidy(name)
    return None


def outlet_key(name: str | None) -> str | None:
    """One key per outlet: "The Guardian", "guardian.co.uk" and "www.theguardian.com" meet."""
    if not name or not name.strip():
        return None
    text = name.strip()
    if _looks_likehost_of(text) or text.lower().startswith(("http://", "https://", "www.")):
        domain = registered_domain(text)
        if domain and fold(domain.split(".")[0]) in PLATFORMS:
            return fold(host_of(text) or text)  # each blog on a platform is its own outlet
        text = domain.split(".")[0] if domain else text
    key = fold(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE))
    key = key.removeprefix("the") if key.startswith("the") and len(key) > 6 else key
    return WIRES.get(key, key) or None


def wire_of(credit: str | None) -> str | None:
    """The wire a credit names ("A.P.", "Associated Press" -> "ap"); None for other names."""
    if not credit:
        return None
    key = fold(credit)
    return WIRES.get(key, key) or None


def wire_credit(text: str) -> str | None:
    """A wire credit line in the first or last 300 characters of a body ("(AP) —")."""
    for part in (text[:300], text[-300:]):
        m = _CREDIT.search(part)
        if m:
            return wire_of(m.group(1) or m.group(2))
    return None
