"""Pages of two languages on unrelated subjects: no story mixes languages or subjects."""

from __future__ import annotations

from pathlib import Path

from grouping_helpers import group, write_pages  # type: ignore[import-not-found]
from pages_data import PAGES  # type: ignore[import-not-found]

from newsbrief.language import detect_language
from newsbrief.records import Brief, article_ref
from newsbrief.render.json import brief_to_dict


def test_detects_languages_of_bodies_and_abstains_on_scraps() -> None:
    for subject, items in PAGES.items():
        for title, paragraphs in items:
            assert detect_language(title + "\n" + " ".join(paragraphs)) == subject[:2]
    assert detect_language("Fed raises rates") is None  # too little text to tell


def test_pages_in_two_languages_never_share_a_story(tmp_path: Path) -> None:
    subject_of = write_pages(tmp_path / "pages", PAGES)
    stories, store = group([tmp_path / "pages"], tmp_path / "nb.db")
    store.close()
    assert sum(len(s) for s in stories) == len(subject_of)
    for members in stories:
        subjects = {subject_of[Path(a.source).name] for a in members}
        assert len(subjects) == 1, subjects
        assert len({a.language for a in members}) == 1
    # and the language is on every article and in the JSON brief
    langs = {a.language for members in stories for a in members}
    assert langs == {"en", "de"}
    first = stories[0]
    brief = Brief(story="s", headline="h")
    brief.articles = [article_ref(a) for a in first]
    assert brief_to_dict(brief)["language"] == first[0].language


def test_language_is_a_wall_even_for_name_heavy_texts() -> None:
    from newsbrief.annotate import split_sentences
    from newsbrief.cluster import cluster_articles
    from newsbrief.records import Article

    text = (
        "Samsung Galaxy Fold Seoul Korea: Samsung Electronics, Lee Jae-yong, Seoul, Galaxy "
        "Fold, Korea Exchange, KOSPI, Samsung Display, Qualcomm Snapdragon, Android, Google."
    )

    def make(n: int, language: str | None) -> Article:
        body = f"{text} {n} " * 3
        a = Article(id=f"a{n}", source=f"s{n}", title="Samsung Galaxy Fold", text=body)
        a.sentences = split_sentences(body)
        a.language = language
        return a

    unknown = cluster_articles([make(0, None), make(1, None), make(2, None), make(3, None)])
    assert len(unknown) == 1  # the same names: one story when the language is not known
    walled = cluster_articles([make(0, "en"), make(1, "de"), make(2, "en"), make(3, "de")])
    assert sorted(sorted(s.article_ids) for s in walled) == [["a0", "a2"], ["a1", "a3"]]
