"""Every route through Starlette's TestClient: status codes, content, headers, escaping."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from web_fixtures import ATTR, IMG, JS_URL, ORIGINAL, REWRITE, SCRIPT

from newsbrief.errors import StoreError
from newsbrief.records import Article, Brief, Story
from newsbrief.store import Store
from newsbrief.web import create_app

testclient = pytest.importorskip("starlette.testclient")


@pytest.fixture()
def client(web_db: str):  # type: ignore[no-untyped-def]
    with testclient.TestClient(create_app(web_db)) as c:
        yield c


def _no_live_markup(html: str) -> None:
    """No payload survives as markup: the only <script> is our static file, no handler attrs."""
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert "<img" not in html and "<svg" not in html
    assert not re.search(r"<[^>]+\son\w+=", html)
    assert 'href="javascript:' not in html.lower()


def test_stories_page_lists_story_with_outlets_and_span(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/")
    assert r.status_code == 200
    assert 'href="/story/sferry000001"' in r.text
    assert "Harbour Times" in r.text and "River Wire" in r.text
    assert "2031-04-07 – 2031-04-09" in r.text
    for sort in ("size", "recent", "conflicts"):
        assert client.get(f"/?sort={sort}").status_code == 200


def test_story_sort_orders(tmp_path: Path) -> None:
    from newsbrief.records import Article, Story

    store = Store(tmp_path / "s.db")
    store.add_articles([Article(id=f"a{i}", source=f"/{i}", text=f"t {i}") for i in range(4)])
    store.save_stories([Story("big", ["a0", "a1"], "2020-01-01", "2020-01-02", "Big"),
                        Story("new", ["a2"], "2024-01-01", "2024-01-01", "New"),
                        Story("hot", ["a3"], "2021-01-01", "2021-01-01", "Hot")])  # fmt: skip
    store.conn.execute("UPDATE stories SET conflicts=3 WHERE id='hot'")
    assert [r["id"] for r in store.story_page("size")][0] == "big"
    assert [r["id"] for r in store.story_page("recent")][0] == "new"
    assert [r["id"] for r in store.story_page("conflicts")][0] == "hot"
    assert [r["id"] for r in store.story_page("size", limit=1, offset=1)] != ["big"]
    store.close()


def test_brief_page_sections_and_citation_links(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/story/sferry000001")
    assert r.status_code == 200
    html = r.text
    # citation markers link to the cited sentence of the source article
    assert 'href="/article/a1#s0"' in html and 'href="/article/c3#s1"' in html
    for section in ("summary", "claims", "conflicts", "quotes", "timeline", "coverage", "removed"):
        assert f'id="{section}"' in html
    assert "rewrite of Harbour Times" in html  # the rewrite's support is shown as derived
    assert 'href="/diff/b2/a1"' in html
    assert "<details>" in html and "Share this story on Flick" in html
    assert "Lena Okafor" in html and "thirty" in html


def test_article_page_has_one_span_per_sentence(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/article/a1")
    assert r.status_code == 200
    for i, text in enumerate(ORIGINAL):
        assert f'<span class="sent" id="s{i}">{text}</span>' in r.text
    assert "first!!! the ferry is always late" in r.text  # comments on demand
    assert 'href="/diff/b2/a1"' in r.text
    assert 'href="https://harbour.example/pier"' in r.text
    assert 'href="/story/sferry000001"' in r.text


def test_diff_page_highlights_changed_words(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/diff/b2/a1")
    assert r.status_code == 200
    assert "<mark>thirty </mark>" in r.text and "<mark>twenty </mark>" in r.text
    assert "(added in the rewrite)" in r.text  # REWRITE[2] has no original
    assert "(dropped by the rewrite)" in r.text  # ORIGINAL[2] was dropped
    assert REWRITE[2] in r.text
    # two unrelated articles still diff (paired by similarity)
    assert client.get("/diff/c3/a1").status_code == 200


def test_search_finds_articles_and_claims(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/search?q=decking")
    assert r.status_code == 200
    assert 'href="/article/a1"' in r.text and "<mark>decking</mark>" in r.text
    assert 'href="/story/sferry000001#claims"' in r.text  # claim 1 mentions decking
    assert client.get("/search?q=").status_code == 200
    assert client.get('/search?q="unbalanced').status_code == 200  # bad FTS syntax is words


def test_unknown_ids_are_404(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/story/nope", "/article/nope", "/diff/a1/nope", "/no/such/page"):
        assert client.get(url).status_code == 404
    r = client.get("/api/story/nope")
    assert r.status_code == 404 and "error" in r.json()


def test_api_mirrors_pages(client) -> None:  # type: ignore[no-untyped-def]
    stories = client.get("/api/stories?sort=recent").json()
    assert stories["total"] == 1 and stories["stories"][0]["id"] == "sferry000001"
    brief = client.get("/api/story/sferry000001").json()
    assert brief["headline"] == "Kestrel pier reopens"
    assert brief["derivations"][0]["evidence"]["similarity"] == 0.71
    art = client.get("/api/article/b2").json()
    assert art["story"] == "sferry000001" and art["derivations"][0]["parent"] == "a1"
    hits = client.get("/api/search?q=decking").json()
    assert hits["articles"][0]["id"] in {"a1", "b2"}
    assert any(s["hit"] for s in hits["articles"][0]["snippet"])
    diff = client.get("/api/diff/b2/a1").json()
    assert any(seg["changed"] for row in diff["rows"] for seg in row["child"])
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/stories", "/api/story/{id}", "/api/article/{id}", "/api/search"} <= set(
        schema["paths"]
    )


def test_security_headers_everywhere(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/", "/static/style.css", "/api/stories", "/story/nope"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_payloads_render_inert(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/", "/story/sferry000001", "/article/x9", "/search?q=pier", "/diff/x9/a1"):
        r = client.get(url)
        assert r.status_code == 200, url
        _no_live_markup(r.text)
    article = client.get("/article/x9").text
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in article
    assert "Mallory" in article and JS_URL in article  # shown as text, not as a link
    brief = client.get("/story/sferry000001").text
    assert "&lt;img src=x onerror=" in brief
    assert ATTR not in brief and SCRIPT not in brief and IMG not in brief


def test_ingest_is_off_by_default(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/ingest").status_code == 404
    assert client.post("/ingest", files={"files": ("a.txt", b"x")}).status_code in (404, 405)


def test_read_only_connection_refuses_writes(web_db: str) -> None:
    app = create_app(web_db)
    store = app.state.ctx.store()
    with pytest.raises(Exception, match="readonly"):
        store.conn.execute("DELETE FROM articles")


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "absent.db"))


def test_ingest_uploads_and_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine is replaced by a stub: this tests the upload handling, not the pipeline."""
    seen: list[tuple[str, bytes]] = []

    def fake_process(paths: list[Path], store: Store) -> SimpleNamespace:
        (folder,) = paths
        for f in sorted(Path(folder).iterdir()):
            seen.append((f.name, f.read_bytes()))
        article = Article(id="up1", source=str(folder / "x.txt"), text="Pier news.")
        store.add_articles([article])
        store.save_stories([Story("sup0000001", ["up1"], None, None, "Pier news")])
        return SimpleNamespace(added=1, already_stored=0, problems=[], stories_changed=["a", "b"])

    monkeypatch.setitem(sys.modules, "newsbrief.engines.local",
                        SimpleNamespace(process=fake_process))  # fmt: skip
    app = create_app(str(tmp_path / "new.db"), allow_ingest=True, max_upload_bytes=4096)
    with testclient.TestClient(app) as c:
        assert c.get("/ingest").status_code == 200
        text = ("Pier news\n\n" + " ".join(ORIGINAL)).encode()
        r = c.post("/ingest", files={"files": ("../../etc/pier.txt", io.BytesIO(text))})
        assert r.status_code == 200 and "1 new article" in r.text
        assert seen == [("000-pier.txt", text)]  # our own name, the uploaded bytes
        assert c.get("/api/stories").json()["total"] == 1
        big = c.post("/ingest", files={"files": ("big.txt", io.BytesIO(b"x" * 5000))})
        assert big.status_code == 413
        assert c.post("/ingest", data={"nothing": "1"}).status_code == 400
        foreign = c.post("/ingest", files={"files": ("a.txt", io.BytesIO(text))},
                         headers={"origin": "http://evil.example"})  # fmt: skip
        assert foreign.status_code == 403
        assert len(seen) == 1  # refused uploads never reach the engine


def test_serve_binds_localhost_by_default(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from newsbrief.web import serve

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    serve(web_db)
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert not seen["app"].state.ctx.allow_ingest  # type: ignore[attr-defined]


# ------------------------------------------------------------------ rough edges (issue 19)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("sort=bogus", "sort must be one of size, recent, conflicts"),
        ("page=99", "page 99 is past the last page"),
        ("page=abc", "page must be a whole number"),
        ("page=0", "page must be a whole number"),
    ],
)
def test_invalid_query_parameters_are_400_with_a_message(client, query, message) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/?{query}")
    assert page.status_code == 400
    assert message in page.text
    api = client.get(f"/api/stories?{query}")
    assert api.status_code == 400
    assert message in api.json()["error"]


def test_api_lists_its_endpoints_and_docs_answers(client) -> None:  # type: ignore[no-untyped-def]
    listing = client.get("/api")
    assert listing.status_code == 200
    paths = {e["path"] for e in listing.json()["endpoints"]}
    assert {"/api/stories", "/api/story/{id}", "/api/article/{id}", "/api/search"} <= paths
    assert paths == set(client.get("/api/openapi.json").json()["paths"])
    assert all(e["summary"] for e in listing.json()["endpoints"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert 'href="/api/openapi.json"' in docs.text
    assert "GET /api/stories" in docs.text


def test_stories_without_outlet_or_date_still_fill_those_columns(tmp_path: Path) -> None:
    store = Store(tmp_path / "plain.db")
    store.add_articles(
        [Article(id=f"p{i}", source=f"/in/report-{i}.txt", text=f"text {i}") for i in range(2)]
    )
    store.save_stories([Story("splain", ["p0", "p1"], None, None, "Plain text story")])
    store.save_brief(Brief(story="splain", headline="Plain text story"))
    store.close()
    with testclient.TestClient(create_app(str(tmp_path / "plain.db"))) as c:
        html = c.get("/").text
    row = re.search(r"<tr>\s*<td><a class=\"story-link\".*?</tr>", html, re.S)
    assert row, html
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    assert cells[2] == "report-0.txt, report-1.txt"
    assert cells[3] == "undated"
