"""HTML page handlers. Sync functions: Starlette runs them in its thread pool, so the
SQLite calls never block the event loop."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from newsbrief.store import Store
from newsbrief.web import present
from newsbrief.web.context import ctx, wants_comments
from newsbrief.web.diff import diff_rows

PAGE_SIZE = 50
SORTS = ("size", "recent", "conflicts")
MAX_QUERY = 200


def page_number(request: Request) -> int:
    """The ``page`` query parameter: a whole number from 1; anything else is a 400."""
    raw = request.query_params.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        raise HTTPException(400, f"page must be a whole number from 1, not {raw[:40]!r}") from None
    if page < 1:
        raise HTTPException(400, f"page must be a whole number from 1, not {page}")
    return page


def sort_order(request: Request) -> str:
    """The ``sort`` query parameter, one of SORTS; anything else is a 400."""
    sort = request.query_params.get("sort", "size")
    if sort not in SORTS:
        raise HTTPException(400, f"sort must be one of {', '.join(SORTS)}, not {sort[:40]!r}")
    return sort


def story_listing(store: Store, sort: str, page: int) -> dict[str, Any]:
    """One page of the stories table; shared by the page and the API. A page past the last
    is a 400 (page 1 of an empty list is fine: it shows that there is nothing yet)."""
    sort = sort if sort in SORTS else "size"
    total = store.count_stories()
    pages = max(1, -(-total // PAGE_SIZE))
    if page > pages:
        last = "1 page" if pages == 1 else f"{pages} pages"
        raise HTTPException(400, f"page {page} is past the last page: there are {last}")
    rows = store.story_page(sort, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    for row in rows:
        if not row["outlets"]:
            # articles without an outlet (plain text files) are named by their source
            heads = store.article_heads(store.story(row["id"]).article_ids).values()
            row["outlets"] = sorted({present.source_label(h["outlet"], h["source"]) for h in heads})
    return {"sort": sort, "page": page, "pages": pages, "total": total, "stories": rows}


def stories(request: Request) -> Response:
    c = ctx(request)
    listing = story_listing(c.store(), sort_order(request), page_number(request))
    return c.render("stories.html", sorts=SORTS, **listing)


def story(request: Request) -> Response:
    c = ctx(request)
    brief = c.store().brief(request.path_params["id"])
    columns, matrix = present.claim_matrix(brief)
    refs = {ref.id: ref for ref in brief.articles}
    show_comments = wants_comments(request)
    hidden = sum(1 for r in brief.removed if r.reason == "reader-comments")
    return c.render(
        "brief.html",
        brief=brief,
        refs=refs,
        labels={ref.id: present.ref_label(ref) for ref in brief.articles},
        numbers=present.citation_numbers(brief),
        columns=columns,
        matrix=matrix,
        speakers=present.quotes_by_speaker(brief.quotes),
        coverage=present.coverage(brief),
        derived=present.derived_from(brief.derivations),
        removed=present.removed_by_article(brief, with_comments=show_comments),
        hidden_comments=0 if show_comments else hidden,
    )


def article(request: Request) -> Response:
    c = ctx(request)
    store = c.store()
    item = store.article(request.path_params["id"])
    story_id = store.story_of(item.id)  # linked only once its brief exists (no 404)
    derivations = store.derivations_of(item.id)
    heads = store.article_heads([d.child for d in derivations] + [d.parent for d in derivations])
    return c.render(
        "article.html",
        article=item,
        label=present.source_label(item.outlet, item.source, item.url),
        paragraphs=present.paragraphs(item),
        derivations=derivations,
        heads=heads,
        story_id=story_id if story_id and store.has_brief(story_id) else None,
        show_comments=wants_comments(request),
    )


def diff(request: Request) -> Response:
    c = ctx(request)
    store = c.store()
    child = store.article(request.path_params["child"])
    parent = store.article(request.path_params["parent"])
    derivation = next((d for d in store.derivations_of(child.id) if d.parent == parent.id), None)
    rows = diff_rows(parent, child, derivation.pairs if derivation else None)
    return c.render(
        "diff.html",
        child=child,
        parent=parent,
        derivation=derivation,
        rows=rows,
        changed=sum(1 for r in rows if any(s.changed for s in r.parent + r.child)),
    )


def search_results(store: Store, query: str, limit: int = 20) -> dict[str, Any]:
    """Articles and claims matching ``query``; shared by the page and the API."""
    query = query.strip()  # the store refuses one over its limits (QueryError: a 400)
    if not query:
        return {"query": "", "articles": [], "claims": []}
    hits = store.search_marked(query, limit)
    heads = store.article_heads(aid for aid, _ in hits)
    articles = [
        {"id": aid, "head": heads.get(aid, {}), "snippet": present.split_marked(snippet)}
        for aid, snippet in hits
    ]
    claims = [
        {"story": sid, "claim": index, "snippet": present.split_marked(snippet)}
        for sid, index, snippet in store.search_claims(query, limit)
    ]
    return {"query": query, "articles": articles, "claims": claims}


def search(request: Request) -> Response:
    c = ctx(request)
    results = search_results(c.store(), request.query_params.get("q", ""))
    return c.render("search.html", **results)
