"""The CLI stories table and the web brief page count a story's sources the same way: named
outlets once each, an article naming none as its own source (issue 16)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsbrief.cli import EXIT_OK, main
from newsbrief.store import Store

STORY = (
    "The district council voted on Monday to turn the old tram depot into a covered market, "
    "ending a dispute between traders and residents that had lasted almost three years. "
    "Councillor Ruth Osei said the building would keep its brick facade and that the first "
    "stalls could open next spring if the tender runs to plan."
)


def test_cli_outlet_count_agrees_with_the_web_source_count(tmp_path) -> None:
    pytest.importorskip("jinja2")
    from newsbrief.web.present import outlet_columns

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Depot becomes a market\n\n{STORY}\n\nSupport Valley Ledger\n")
    (corpus / "b.txt").write_text(f"Market for the old depot\n\n{STORY} Residents agreed.\n")
    (corpus / "c.txt").write_text(f"Old depot to be a market\n\n{STORY}\n\nSupport Valley Ledger\n")
    db, out = tmp_path / "nb.db", tmp_path / "out"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["run", str(corpus), "--db", str(db), "--out", str(out)]).exit_code
        == EXIT_OK
    )
    rows = json.loads(runner.invoke(main, ["stories", "--db", str(db), "--json"]).output)
    store = Store(db, read_only=True)
    for row in rows:
        brief = store.brief(row["id"])
        assert row["outlets"] == len(outlet_columns(brief))
    # the stories may or may not be grouped; either way the two counts agree, and an
    # article naming no outlet counts as one source rather than none
    heads = store.article_heads([a for r in rows for a in store.story(r["id"]).article_ids])
    assert sorted(str(h["outlet"]) for h in heads.values()) == ["None", *["Valley Ledger"] * 2]
    assert all(r["outlets"] >= 1 for r in rows)
