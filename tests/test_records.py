from __future__ import annotations

import os

from newsbrief.records import Article, Sentence, article_id, from_dict, to_dict


def test_article_id_is_stable_and_counts_a_file_by_its_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "The river rose overnight.  Homes were flooded."
    assert article_id("in/a.txt", text) == article_id(os.path.join(tmp_path, "in/a.txt"), text)
    assert article_id("in/a.txt", text) == article_id("in/a.txt", text.upper())
    assert article_id("in/a.txt", text) != article_id("in/b.txt", text)
    assert article_id("feed.jsonl#L2", text) == article_id(f"{tmp_path}/feed.jsonl#L2", text)
    url = "https://example.org/a"
    assert article_id(url, text) != article_id("https://example.org/b", text)


def test_records_round_trip_through_dicts():
    article = Article(
        id="a", source="a.txt", text="One. Two.", sentences=[Sentence(0, "One.", 0, 4)]
    )
    assert from_dict(Article, to_dict(article)) == article
