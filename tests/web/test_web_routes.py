"""Every route through Starlette's TestClient: status codes, content, headers, escaping."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from web_fixtures import (
    ATTR,
    IMG,
    JS_URL,
    ORIGINAL,
    REWRITE,
    SCRIPT,
    build_articles,
    fill_store,
)

from newsbrief.errors import StoreError
from newsbrief.records import Article, Brief, Story
from newsbrief.store import Store
from newsbrief.web import create_app

testclient = pytest.importorskip("starlette.testclient")
LOCAL = "http://localhost"  # the Host the TestClient sends must be on the allow-list


@pytest.fixture()
def client(web_db: str):  # type: ignore[no-untyped-def]
    with testclient.TestClient(create_app(web_db), base_url=LOCAL) as c:
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
    assert "first!!! the ferry is always late" not in r.text  # comments only on demand
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
    """The real pipeline; the reader is wrapped to see which file it was handed."""
    import newsbrief.read

    seen: list[tuple[str, bytes]] = []
    read_path = newsbrief.read.read_path

    def spy(path: Path):  # type: ignore[no-untyped-def]
        seen.append((Path(path).name, Path(path).read_bytes()))
        return read_path(path)

    monkeypatch.setattr(newsbrief.read, "read_path", spy)
    app = create_app(str(tmp_path / "new.db"), allow_ingest=True, max_upload_bytes=4096)
    with testclient.TestClient(app, base_url=LOCAL) as c:
        assert c.get("/ingest").status_code == 200
        text = ("Pier news\n\n" + " ".join(ORIGINAL)).encode()
        r = c.post("/ingest", files={"files": ("../../etc/pier.txt", io.BytesIO(text))},
                   follow_redirects=False)  # fmt: skip
        assert r.status_code == 303 and r.headers["location"].startswith("/story/")
        assert seen == [("000-pier.txt", text)]  # our own name, the uploaded bytes
        assert c.get("/api/stories").json()["total"] == 1
        big = c.post("/ingest", files={"files": ("big.txt", io.BytesIO(b"x" * 5000))})
        assert big.status_code == 413
        assert c.post("/ingest", data={"nothing": "1"}).status_code == 400
        foreign = c.post("/ingest", files={"files": ("a.txt", io.BytesIO(text))},
                         headers={"origin": "http://evil.example"})  # fmt: skip
        assert foreign.status_code == 403
        assert len(seen) == 1  # refused uploads never reach the reader


def test_serve_binds_localhost_by_default(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from newsbrief.web import serve

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    serve(web_db)
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert not seen["app"].state.ctx.allow_ingest  # type: ignore[attr-defined]


# ---------------------------------------------------------------- issue 14: hostile use


def test_host_header_allow_list(web_db: str) -> None:
    """A DNS-rebinding page reaches the server with its own name in Host: refused with a
    400 (security headers still on); local names and --allowed-host names are answered."""
    app = create_app(web_db)
    for base in ("http://evil.example", "http://evil.example:8000", "http://127.0.0.2"):
        with testclient.TestClient(app, base_url=base) as c:
            r = c.get("/api/stories")
            assert r.status_code == 400, base
            assert "script-src 'self'" in r.headers["content-security-policy"]
            assert "sferry000001" not in r.text
    for base in ("http://localhost", "http://127.0.0.1:8000", "http://[::1]:8000",
                 "http://app.localhost:8000", "http://LOCALHOST."):  # fmt: skip
        with testclient.TestClient(app, base_url=base) as c:
            assert c.get("/api/stories").status_code == 200, base
    named = create_app(web_db, allowed_hosts=["news.lan"], bound_host="192.168.7.5")
    for base, status in (("http://news.lan:8000", 200), ("http://192.168.7.5:8000", 200),
                         ("http://other.lan", 400)):  # fmt: skip
        with testclient.TestClient(named, base_url=base) as c:
            assert c.get("/").status_code == status, base
    with testclient.TestClient(app, base_url=LOCAL) as c:
        for odd in ("evil.example@localhost", "localhost/x", "local host", ""):
            assert c.get("/", headers={"host": odd}).status_code == 400, odd
    wildcard = create_app(web_db, bound_host="0.0.0.0")
    with testclient.TestClient(wildcard, base_url="http://0.0.0.0") as c:
        assert c.get("/").status_code == 400  # "0.0.0.0" is no one's name


def test_upload_origin_check_uses_the_host_allow_list(tmp_path: Path) -> None:
    fill_store(tmp_path / "up.db").close()
    app = create_app(str(tmp_path / "up.db"), allow_ingest=True, max_upload_bytes=4096)
    files = {"files": ("a.txt", io.BytesIO(b"Pier news\n\nThe pier reopened on Monday."))}
    # the rebinding case: page and Host agree with each other, but name another site
    with testclient.TestClient(app, base_url="http://evil.example:8000") as c:
        r = c.post("/ingest", files=files, headers={"origin": "http://evil.example:8000"})
        assert r.status_code == 400
    with testclient.TestClient(app, base_url=LOCAL) as c:
        for origin in ("http://evil.example", "null", "http://localhost:9999"):
            r = c.post("/ingest", files=files, headers={"origin": origin})
            assert r.status_code == 403, origin
    assert Store(tmp_path / "up.db").count_articles() == len(build_articles())  # none added


def test_fts_query_limits_answer_400(client) -> None:  # type: ignore[no-untyped-def]
    near = "NEAR(" + " ".join(["t*"] * 40) + ", 100000)"
    for query, reason in ((near, "more than"), ("NEAR(t* t*, 100000)", "NEAR distance"),
                          ("pier " * 60, "longer than"), ("a* b* c* d*", "prefix")):  # fmt: skip
        page = client.get("/search", params={"q": query})
        assert page.status_code == 400 and reason in page.text, query
        assert "script-src 'self'" in page.headers["content-security-policy"]
        api = client.get("/api/search", params={"q": query})
        assert api.status_code == 400 and reason in api.json()["error"], query
    assert client.get("/search", params={"q": "NEAR(pier ferry, 10)"}).status_code == 200
    assert client.get("/search", params={"q": "pier*"}).status_code == 200


def test_fts_statement_is_cut_off_by_the_progress_handler(
    web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted in VM instructions (progress-handler ticks), not in seconds."""
    from newsbrief.errors import QueryError
    from newsbrief.store import browse

    store = Store(web_db)
    monkeypatch.setattr(browse, "FTS_TICK", 1)  # a tick per VM instruction
    assert store.search_marked("pier")
    ticks = store.fts_ticks  # what a small ordinary search costs
    assert ticks > 0
    monkeypatch.setattr(browse, "FTS_MAX_TICKS", ticks // 2)
    with pytest.raises(QueryError, match="too expensive"):
        store.search_marked("pier")
    with pytest.raises(QueryError, match="too expensive"):
        store.search_claims("pier")
    assert store.fts_ticks == ticks // 2 + 1  # stopped at the first tick over the budget
    store.close()


def test_reupload_of_the_same_file_adds_no_article(tmp_path: Path) -> None:
    """The real pipeline: the stored source is the content hash, not a temporary path."""
    import hashlib

    app = create_app(str(tmp_path / "new.db"), allow_ingest=True)
    text = ("Pier news\n\n" + " ".join(ORIGINAL)).encode()
    with testclient.TestClient(app, base_url=LOCAL) as c:
        for _ in range(2):
            files = {"files": ("pier.txt", io.BytesIO(text))}
            r = c.post("/ingest", files=files, follow_redirects=False)
            assert r.status_code in (200, 303)
        other = c.post("/ingest", files={"files": ("pier.txt", io.BytesIO(text + b" More."))})
        assert other.status_code in (200, 303)
    with Store(tmp_path / "new.db") as store:
        sources = sorted(a.source for a in store.articles())
    digest = hashlib.sha256(text).hexdigest()
    assert len(sources) == 2  # the same bytes twice: one article; changed bytes: another
    assert f"upload://{digest}/pier.txt" in sources


def test_story_list_links_only_to_briefed_stories(web_db: str) -> None:
    with Store(web_db) as store:  # what a running ingest leaves: a story, no brief yet
        store.add_articles([Article(id="n1", source="/in/n1.txt", text="Tram news.")])
        store.save_stories([Story("snobrief0001", ["n1"], "2031-05-01", "2031-05-01", "Tram")])
    with testclient.TestClient(create_app(web_db), base_url=LOCAL) as c:
        html = c.get("/").text
        assert 'href="/story/sferry000001"' in html
        assert 'href="/story/snobrief0001"' not in html
        assert "Tram" in html and "being prepared" in html
        listing = c.get("/api/stories").json()["stories"]
        assert {s["id"]: s["briefed"] for s in listing} == {
            "sferry000001": True,
            "snobrief0001": False,
        }
        assert 'href="/story/' not in c.get("/article/n1").text  # no link from the article


def test_reader_comments_hidden_until_asked(client) -> None:  # type: ignore[no-untyped-def]
    comment = "first!!! the ferry is always late"
    page = client.get("/article/a1").text
    assert comment not in page
    assert "may be abusive" in page and 'href="?comments=1#removed"' in page
    assert comment in client.get("/article/a1?comments=1").text
    hostile = client.get("/article/x9?comments=1").text
    assert "<li>&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;</li>" in hostile
    _no_live_markup(hostile)
    brief = client.get("/story/sferry000001").text
    assert "Comment &lt;img" not in brief and "may be abusive" in brief
    assert "Share this story on Flick" in brief  # other removed lines still shown
    shown = client.get("/story/sferry000001?comments=1").text
    assert "Comment &lt;img" in shown
    _no_live_markup(shown)
    api = client.get("/api/article/a1").json()["article"]
    assert api["comments"] == []
    assert client.get("/api/article/a1?comments=1").json()["article"]["comments"] == [comment]
    x9 = client.get("/api/article/x9").json()["article"]
    assert all(r["reason"] != "reader-comments" for r in x9["removed"])
    removed = client.get("/api/story/sferry000001").json()["removed"]
    assert [r["reason"] for r in removed] == ["share-widget"]
    removed = client.get("/api/story/sferry000001?comments=1").json()["removed"]
    assert [r["reason"] for r in removed] == ["share-widget", "reader-comments"]


def test_nan_metadata_is_null_in_json(web_db: str) -> None:
    with Store(web_db) as store:
        nan = Article(id="nan1", source="/in/nan.json", text="Pier news.",
                      meta={"score": float("nan"), "rank": [float("inf"), 1.5]})  # fmt: skip
        store.add_articles([nan])
    with testclient.TestClient(create_app(web_db), base_url=LOCAL) as c:
        r = c.get("/api/article/nan1")
        assert r.status_code == 200
        assert "NaN" not in r.text and "Infinity" not in r.text
        assert r.json()["article"]["meta"] == {"score": None, "rank": [None, 1.5]}
        assert c.get("/article/nan1").status_code == 200


def test_security_headers_on_500(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.web import pages

    def broken(*args: object) -> None:
        raise RuntimeError("<script>boom</script>")

    monkeypatch.setattr(pages, "story_listing", broken)
    app = create_app(web_db)
    with testclient.TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        for url in ("/", "/api/stories"):
            r = c.get(url)
            assert r.status_code == 500, url
            assert "script-src 'self'" in r.headers["content-security-policy"]
            assert r.headers["x-frame-options"] == "DENY"
            assert "boom" not in r.text


def test_serve_allowed_host_option_reaches_the_app(
    web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from click.testing import CliRunner

    from newsbrief.cli import main

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    args = ["serve", "--db", web_db, "--host", "10.0.0.7", "--allowed-host", "news.lan",
            "--allowed-host", "TV.lan:8000"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    app = seen["app"]
    for base, status in (("http://news.lan", 200), ("http://tv.lan:8000", 200),
                         ("http://10.0.0.7:8000", 200), ("http://evil.example", 400)):  # fmt: skip
        with testclient.TestClient(app, base_url=base) as c:
            assert c.get("/").status_code == status, base


def test_a_locked_store_answers_503_not_500(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.errors import StoreLockedError
    from newsbrief.web import pages

    def locked(*args: object) -> None:
        raise StoreLockedError("database 'x.db' stayed locked by another process")

    monkeypatch.setattr(pages, "story_listing", locked)
    with testclient.TestClient(create_app(web_db), base_url=LOCAL) as c:
        for url in ("/", "/api/stories"):
            r = c.get(url)
            assert r.status_code == 503 and "stayed locked" in r.text, url
            assert "script-src 'self'" in r.headers["content-security-policy"]


def test_serves_a_database_in_a_read_only_folder(tmp_path: Path) -> None:
    """Run in a private mount namespace with the folder mounted read-only (tests run as
    root, which chmod does not stop): the pages are served, nothing is written."""
    import os
    import shutil
    import subprocess

    folder = tmp_path / "ro"
    folder.mkdir()
    fill_store(folder / "web.db").close()
    before = (folder / "web.db").read_bytes()
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && "$@"'
    prefix = ["unshare", "--mount", "sh", "-c", script, "sh", str(folder)]
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare for a read-only mount")
    probe = subprocess.run([*prefix, "touch", str(folder / "probe")], capture_output=True)
    if b"Read-only file system" not in probe.stderr:
        pytest.skip("cannot make a read-only mount here (no mount namespace)")
    check = (
        "import sys\n"
        "from starlette.testclient import TestClient\n"
        "from newsbrief.web import create_app\n"
        "with TestClient(create_app(sys.argv[1]), base_url='http://localhost') as c:\n"
        "    for url in ('/', '/story/sferry000001', '/api/article/a1', '/search?q=pier'):\n"
        "        print(url, c.get(url).status_code)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([*prefix, sys.executable, "-c", check, str(folder / "web.db")],
                          capture_output=True, text=True, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert [line.split()[1] for line in done.stdout.splitlines()] == ["200"] * 4
    assert (folder / "web.db").read_bytes() == before


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
    with testclient.TestClient(
        create_app(str(tmp_path / "plain.db")), base_url="http://localhost"
    ) as c:
        html = c.get("/").text
    row = re.search(r"<tr>\s*<td><a class=\"story-link\".*?</tr>", html, re.S)
    assert row, html
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    assert cells[2] == "report-0.txt, report-1.txt"
    assert cells[3] == "undated"
