"""The JSON form of a Brief: the contract the web UI, exports and outside scoring read.

Mostly ``records.to_dict``; the one renamed part is a derivation's evidence
(``similarity`` and ``pairs`` are grouped under ``evidence``).
"""

from __future__ import annotations

import json
from typing import Any

from newsbrief.records import AlignedPair, Brief, Derivation, from_dict, to_dict


def _derivation_to_dict(derivation: Derivation) -> dict[str, Any]:
    return {
        "child": derivation.child,
        "parent": derivation.parent,
        "kind": derivation.kind,
        "evidence": {
            "similarity": derivation.similarity,
            "pairs": [_pair(pair) for pair in derivation.pairs],
        },
    }


def coverage(brief: Brief) -> dict[str, Any]:
    """Who covered the story: articles per outlet, copies by kind, and the originals."""
    outlets: dict[str, list[str]] = {}
    for article in brief.articles:
        outlets.setdefault(article.outlet or "unknown outlet", []).append(article.id)
    derived = {d.child for d in brief.derivations}
    return {
        "articles": len(brief.articles),
        "outlets": outlets,
        "copies": {kind: sum(1 for d in brief.derivations if d.kind == kind) for kind in KINDS},
        "originals": len(brief.articles) - len(derived),  # articles that copy no other
    }


KINDS = ("exact", "near", "rewrite")


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """A JSON-safe dict of ``brief`` with every contract key present (lists may be empty)."""
    data: dict[str, Any] = to_dict(brief)
    data["derivations"] = [_derivation_to_dict(d) for d in brief.derivations]
    data["coverage"] = coverage(brief)
    data["language"] = next((a.language for a in brief.articles if a.language), None)
    return data


def render_json(brief: Brief) -> str:
    """The brief as indented UTF-8 JSON text (non-ASCII kept as is)."""
    return json.dumps(brief_to_dict(brief), indent=2, ensure_ascii=False)


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """Rebuild a Brief from ``brief_to_dict`` output (the inverse, for the store and web UI)."""
    data = dict(data)
    data.pop("coverage", None)  # derived from the articles and derivations
    derivations = []
    for item in data.pop("derivations", None) or []:
        evidence = item.get("evidence") or {}
        derivations.append(
            Derivation(
                child=item["child"],
                parent=item["parent"],
                kind=item["kind"],
                similarity=float(evidence.get("similarity", item.get("similarity", 0.0))),
                pairs=[from_dict(AlignedPair, p) for p in evidence.get("pairs", [])],
            )
        )
    brief = from_dict(Brief, data)
    brief.derivations = derivations
    return brief


def _pair(pair: AlignedPair) -> dict[str, Any]:
    # the sentence texts are only there for the pairs that differ (see brief.py)
    data = to_dict(pair)
    for key in ("child_text", "parent_text"):
        if not data.get(key):
            data.pop(key, None)
    return data
