from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import NoInputError
from newsbrief.read import iter_inputs
from newsbrief.records import Article, Problem


def _story(title: str) -> str:
    return f"{title}\n\nThe first paragraph of {title.lower()}.\nA second paragraph follows.\n"


def _messy_folder(root: Path) -> None:
    (root / "a_good.txt").write_text(_story("Good news"))
    (root / "b_binary.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (root / "c_empty.txt").write_text("")
    (root / "d_latin1.txt").write_bytes(
        "Réouverture du café\nLe café de la gare a rouvert lundi.\n".encode("latin-1")
    )
    (root / "e_cut.txt.gz").write_bytes(gzip.compress(_story("Cut").encode() * 50)[:40])
    (root / "f_feed.jsonl").write_text(
        json.dumps({"title": "J1", "text": "Body one."})
        + "\n{broken\n"
        + json.dumps({"title": "J2", "text": "Body two."})
        + "\n"
    )
    (root / ".hidden.txt").write_text(_story("Hidden"))
    sub = root / "sub"
    sub.mkdir()
    (sub / "g_nested.txt").write_text(_story("Nested"))


def test_messy_folder_reads_every_good_article_and_reports_each_bad_input_once(
    tmp_path: Path,
) -> None:
    _messy_folder(tmp_path)
    records = list(iter_inputs([tmp_path]))
    articles = [r for r in records if isinstance(r, Article)]
    problems = [r for r in records if isinstance(r, Problem)]
    assert [a.title for a in articles] == ["Good news", "Réouverture du café", "J1", "J2", "Nested"]
    assert "Le café de la gare" in articles[1].text
    got = sorted((Path(p.source).name, p.line, p.reason) for p in problems)
    assert got == [
        ("b_binary.bin", None, "binary file, not an article"),
        ("c_empty.txt", None, "empty file"),
        ("e_cut.txt.gz", None, "truncated or corrupt gzip"),
        (
            "f_feed.jsonl",
            2,
            "not valid JSON: Expecting property name enclosed in double quotes (col 2)",
        ),
    ]


def test_reading_twice_gives_the_same_ids(tmp_path: Path) -> None:
    _messy_folder(tmp_path)
    first = [r.id for r in iter_inputs([tmp_path]) if isinstance(r, Article)]
    second = [r.id for r in iter_inputs([str(tmp_path)]) if isinstance(r, Article)]
    assert first == second
    assert len(set(first)) == len(first) == 5


def test_globs_plain_files_and_duplicates(tmp_path: Path) -> None:
    _messy_folder(tmp_path)
    txt = [r for r in iter_inputs([f"{tmp_path}/*.txt"]) if isinstance(r, Article)]
    assert [a.title for a in txt] == ["Good news", "Réouverture du café"]
    deep = list(iter_inputs([f"{tmp_path}/**/*.txt"]))
    assert [r.title for r in deep if isinstance(r, Article)] == [
        "Good news",
        "Réouverture du café",
        "Nested",
    ]
    # A file named twice (directly and through its folder) is read once.
    again = list(iter_inputs([tmp_path / "sub" / "g_nested.txt", tmp_path / "sub"]))
    assert len(again) == 1


def test_missing_paths_and_empty_matches_are_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    records = list(iter_inputs([tmp_path / "nope.txt", f"{tmp_path}/*.xml", empty]))
    assert [(type(r).__name__, r.reason) for r in records if isinstance(r, Problem)] == [
        ("Problem", "no such file or directory"),
        ("Problem", "no files match this pattern"),
        ("Problem", "folder holds no files"),
    ]
    assert str(records[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_no_inputs_raise() -> None:
    with pytest.raises(NoInputError):
        list(iter_inputs([]))


def test_streams_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsbrief.read.jsonl as jsonl

    built: list[str] = []
    real = jsonl.article_from_dict

    def counting(obj: dict[str, object], source: str) -> Article:
        built.append(source)
        return real(obj, source)

    monkeypatch.setattr(jsonl, "article_from_dict", counting)
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"Item {i}."}) + "\n" for i in range(1000)))
    stream = iter_inputs([path])
    first = next(stream)
    assert isinstance(first, Article) and first.text == "Item 0."
    assert built == [f"{path}#L1"]


def test_seed_articles(seeds_dir: Path) -> None:
    records = list(iter_inputs([seeds_dir]))
    assert len(records) == 5
    assert all(isinstance(r, Article) for r in records)
    for record in records:
        assert isinstance(record, Article)
        first_line = Path(record.source).read_text(encoding="utf-8").lstrip().split("\n")[0]
        assert record.title == first_line.strip()
        assert record.text and "\n" in record.text


def test_folder_walk_skips_documentation_but_not_named_files(tmp_path):
    from newsbrief.read import iter_inputs

    (tmp_path / "README.md").write_text("# About this folder\n\nNotes for people.\n")
    (tmp_path / "LICENSE").write_text("Permission is granted to read these articles.\n")
    (tmp_path / "story.txt").write_text("Title\n\nThe river rose overnight, officials said.\n")
    titles = [a.title for a in iter_inputs([tmp_path]) if hasattr(a, "title")]
    assert titles == ["Title"]
    named = [a for a in iter_inputs([tmp_path / "README.md"]) if hasattr(a, "title")]
    assert len(named) == 1
