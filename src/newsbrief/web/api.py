"""The JSON API under /api: the same data as the pages, and a hand-written OpenAPI schema."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from newsbrief.records import to_dict
from newsbrief.render import brief_to_dict
from newsbrief.web import pages
from newsbrief.web.context import JSONResponse, ctx, wants_comments
from newsbrief.web.diff import Segment, diff_rows


def _segments(segments: list[Segment]) -> list[dict[str, Any]]:
    return [{"text": s.text, "changed": s.changed} for s in segments]


def stories(request: Request) -> Response:
    listing = pages.story_listing(
        ctx(request).store(), pages.sort_order(request), pages.page_number(request)
    )
    return JSONResponse(listing)


def story(request: Request) -> Response:
    data = brief_to_dict(ctx(request).store().brief(request.path_params["id"]))
    if not wants_comments(request) and isinstance(data.get("removed"), list):
        # reader comments can be abusive: out of the API unless asked for (?comments=1)
        data["removed"] = [r for r in data["removed"] if r.get("reason") != "reader-comments"]
    return JSONResponse(data)


def article(request: Request) -> Response:
    store = ctx(request).store()
    item = store.article(request.path_params["id"])
    data = to_dict(item)
    if not wants_comments(request):
        data["comments"] = []
        data["removed"] = [r for r in data["removed"] if r.get("reason") != "reader-comments"]
    return JSONResponse(
        {
            "article": data,
            "story": store.story_of(item.id),
            "derivations": [to_dict(d) for d in store.derivations_of(item.id)],
        }
    )


def diff(request: Request) -> Response:
    store = ctx(request).store()
    child = store.article(request.path_params["child"])
    parent = store.article(request.path_params["parent"])
    derivation = next((d for d in store.derivations_of(child.id) if d.parent == parent.id), None)
    rows = diff_rows(parent, child, derivation.pairs if derivation else None)
    return JSONResponse(
        {
            "child": child.id,
            "parent": parent.id,
            "derivation": to_dict(derivation) if derivation else None,
            "rows": [
                {
                    "parent_sentence": r.parent_sentence,
                    "child_sentence": r.child_sentence,
                    "parent": _segments(r.parent),
                    "child": _segments(r.child),
                }
                for r in rows
            ],
        }
    )


def search(request: Request) -> Response:
    results = pages.search_results(ctx(request).store(), request.query_params.get("q", ""))
    for group in ("articles", "claims"):
        for hit in results[group]:
            hit["snippet"] = [{"text": s.text, "hit": s.changed} for s in hit["snippet"]]
    return JSONResponse(results)


def _op(summary: str, params: list[dict[str, Any]], returns: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": {
                    "description": returns,
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "400": {
                    "description": "a query parameter out of range: {error}",
                    "content": {"application/json": {}},
                },
                "404": {"description": "no such id", "content": {"application/json": {}}},
            },
        }
    }


def _path_param(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": what,
            "schema": {"type": "string"}}  # fmt: skip


COMMENTS_PARAM: dict[str, Any] = {
    "name": "comments",
    "in": "query",
    "description": "1 to include reader comments (left out by default: they may be abusive)",
    "schema": {"type": "integer", "enum": [0, 1], "default": 0},
}

OPENAPI: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {
        "title": "newsbrief",
        "version": "1",
        "description": "Read-only access to the stories, briefs and articles of a newsbrief "
        "database. Every text field is untrusted article content.",
    },
    "paths": {
        "/api/stories": _op(
            "One page of stories",
            [
                {
                    "name": "sort",
                    "in": "query",
                    "schema": {"type": "string", "enum": list(pages.SORTS), "default": "size"},
                },
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            ],  # fmt: skip
            "{sort, page, pages, total, stories: [{id, label, start, end, size, conflicts, "
            "outlets, briefed}]} (briefed: false while the story's brief is being written)",
        ),
        "/api/story/{id}": _op(
            "The brief of a story",
            [_path_param("id", "story id"), COMMENTS_PARAM],
            "the brief (JSON form)",
        ),
        "/api/article/{id}": _op(
            "An article with its story and derivations",
            [_path_param("id", "article id"), COMMENTS_PARAM],
            "{article, story, derivations}",
        ),
        "/api/diff/{child}/{parent}": _op(
            "Word diff of an article against another",
            [_path_param("child", "rewrite article id"), _path_param("parent", "original id")],
            "{child, parent, derivation, rows}",
        ),
        "/api/search": _op(
            "Full-text search over articles and claims",
            [{"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}],
            "{query, articles: [{id, head, snippet}], claims: [{story, claim, snippet}]}",
        ),
    },
}


def openapi(request: Request) -> Response:
    return JSONResponse(OPENAPI)


def endpoints() -> list[dict[str, str]]:
    """Every API endpoint with what it answers, from the OpenAPI schema."""
    return [
        {"path": path, "summary": spec["get"]["summary"]} for path, spec in OPENAPI["paths"].items()
    ]


def index(request: Request) -> Response:
    """/api: what is there, so a client need not guess."""
    return JSONResponse(
        {
            "endpoints": endpoints(),
            "openapi": "/api/openapi.json",
            "docs": "/docs",
        }
    )


def docs(request: Request) -> Response:
    """/docs: the endpoints for people, with a link to the OpenAPI schema."""
    return ctx(request).render("docs.html", endpoints=endpoints())


def routes() -> list[Route]:
    return [
        Route("/api/stories", stories),
        Route("/api/story/{id}", story),
        Route("/api/article/{id}", article),
        Route("/api/diff/{child}/{parent}", diff),
        Route("/api/search", search),
        Route("/api/openapi.json", openapi),
        Route("/api", index),
        Route("/api/", index),
        Route("/docs", docs),
    ]
