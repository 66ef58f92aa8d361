"""The UI in a real browser: Playwright driving Debian's Chromium against uvicorn.

Skips cleanly without /usr/bin/chromium or the playwright package (never `playwright
install`). Saves a screenshot of each page to docs/screenshots/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import fill_store

from newsbrief.store import Store

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# CI sets NEWSBRIEF_REQUIRE_BROWSER so that a missing browser fails instead of skipping.
if not CHROMIUM.exists():
    if os.environ.get("NEWSBRIEF_REQUIRE_BROWSER"):
        raise RuntimeError("NEWSBRIEF_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
    pytest.skip("Chromium not installed at /usr/bin/chromium", allow_module_level=True)
if os.environ.get("NEWSBRIEF_REQUIRE_BROWSER"):
    import playwright.sync_api as sync_api
    import uvicorn
else:
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the browser tests need the `browser` extra: pip install -e '.[browser]'",
    )
    uvicorn = pytest.importorskip("uvicorn", reason="the browser tests need the `web` extra")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: str) -> Iterator[str]:
    from newsbrief.web import create_app

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def examples_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the examples corpus run through the whole pipeline."""
    from newsbrief.engines.local import process

    db = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(db) as store:
        process([REPO / "examples"], store)
        assert store.count_stories() > 0, "the examples corpus produced no stories"
    yield from _serve(str(db))


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    fill_store(db).close()
    yield from _serve(str(db))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def _shot(page: Any, name: str, height: int | None = None) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    clip = {"x": 0, "y": 0, "width": 1280, "height": height} if height else None
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=bool(height), clip=clip)


def test_story_brief_citation_diff_search(page: Any, examples_url: str) -> None:
    page.goto(examples_url + "/")
    assert page.locator("table.stories tbody tr").count() > 0
    _shot(page, "stories")

    page.locator("a.story-link").first.click()
    page.wait_for_url("**/story/*")
    assert page.locator("#summary .summary-sentence").count() > 0
    assert page.locator("table.matrix").count() == 1
    _shot(page, "brief", height=1600)
    page.locator("#claims").screenshot(path=str(SHOTS / "brief-claims.png"))

    # The first summary sentence's first citation is, by contract, that very sentence.
    cited = page.locator("#summary .summary-sentence").first.inner_text().strip()
    link = page.locator("#summary sup.cite a").first
    href = link.get_attribute("href")
    assert href and "#s" in href
    link.click()
    page.wait_for_url("**/article/*")
    target = page.locator("#" + href.split("#")[1])
    assert target.is_visible()
    assert target.inner_text().strip() == cited
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900 - box["height"]  # scrolled into view
    matches = page.evaluate("id => document.getElementById(id).matches(':target')", href[-2:])
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), (matches, background)
    _shot(page, "article")

    page.go_back()
    page.wait_for_url("**/story/*")
    # the examples corpus holds a sloppy rewrite: its brief links to the diff
    page.locator("a.diff-link").first.click()
    page.wait_for_url("**/diff/*/*")
    assert page.locator("table.diff tbody tr").count() > 0
    assert page.locator("table.diff mark").count() > 0
    _shot(page, "diff")

    # a word in both the examples corpus and the hand-built store
    page.fill("header input[type=search]", "Monday OR inspection")
    page.press("header input[type=search]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ul.results mark").count() > 0
    _shot(page, "search")


def test_payloads_execute_nothing(page: Any, hostile_url: str) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    paths = ("/", "/story/sferry000001", "/article/x9", "/search?q=pier", "/diff/x9/a1",
             "/article/x9?comments=1", "/story/sferry000001?comments=1")  # fmt: skip
    for path in paths:
        page.goto(hostile_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("a[href^='javascript:' i]").count() == 0, path
        assert page.locator("main img, main svg, main script").count() == 0, path
    # The payloads are there, as text.
    page.goto(hostile_url + "/article/x9")
    assert "<script>" in page.locator("h1").inner_text()
    assert "javascript:" in page.locator("dl.meta").inner_text()
    _shot(page, "payloads")
    # The diff page of a real rewrite works in the same store.
    page.goto(hostile_url + "/diff/b2/a1")
    assert page.locator("table.diff mark").count() > 0
    page.wait_for_timeout(200)  # let any stray handler fire before judging
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


@pytest.fixture(scope="module")
def pairing_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A rewrite whose stored evidence pairs only the sentence that differs."""
    from test_web_diff import ORIGINAL, REWRITE, STORED, article

    from newsbrief.records import Derivation, Story

    db = tmp_path_factory.mktemp("pairing") / "pairing.db"
    with Store(db) as store:
        store.add_articles([article("orig", ORIGINAL), article("copy", REWRITE)])
        store.add_derivations([Derivation("copy", "orig", "rewrite", 0.7, STORED)])
        store.save_stories([Story("stalks", ["orig", "copy"], None, None, "Talks")])
    yield from _serve(str(db))


def test_diff_pairs_a_matching_sentence_the_evidence_left_out(page: Any, pairing_url: str) -> None:
    from test_web_diff import ORIGINAL, REWRITE

    page.goto(pairing_url + "/diff/copy/orig")
    rows = page.locator("table.diff tbody tr")
    same = rows.filter(has_text=REWRITE[0])
    assert same.count() == 1  # one row: not "dropped" on one line and "added" on another
    cells = same.first.locator("td")
    assert cells.nth(0).inner_text().strip() == ORIGINAL[1]
    assert cells.nth(1).inner_text().strip() == REWRITE[0]
    assert same.first.locator("mark").count() == 0
    reworded = rows.filter(has_text="reached Lahore")
    assert reworded.first.locator("td").nth(0).inner_text().strip() == ORIGINAL[0]
    assert reworded.first.locator("mark").count() >= 2
