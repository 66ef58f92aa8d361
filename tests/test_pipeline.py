"""The pipeline's stage declarations hold on a real run, and its steps enforce them.

The corpus is ``examples/`` plus one page written here for what the examples never trigger
(a section label as the title, an undated article whose publish day analyze infers).

For every stage, on that corpus:
- each Article field it declares as assigned is changed by it on some article, and every
  field it does not declare is left exactly as it was;
- each record type it declares as assigned is made by it;
- its output is the same when every Article field it does not declare as required is
  emptied first: it reads nothing it does not declare.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsbrief
from newsbrief import pipeline
from newsbrief.analyze import analyze_story
from newsbrief.annotate import annotate
from newsbrief.brief import build_brief
from newsbrief.clean import clean_article
from newsbrief.cluster import StoryClusterer
from newsbrief.dedup import DedupIndex
from newsbrief.errors import ConfigError, ContractError
from newsbrief.records import Article, Derivation, Story, to_dict
from newsbrief.render import render_json, render_markdown

ARTICLE_FIELDS = [f.name for f in dataclasses.fields(Article)]

# Written for this test: a plain-text page whose first line is a section label (clean
# promotes the headline below it) and that states no publish date (analyze infers one from
# the reported day).
EXTRA = (
    "NEWS\n\n"
    "Harbour crane collapse closes Calderwick pier for a month\n\n"
    "The harbour authority closed the northern pier of Calderwick on May 13, 2024, after a "
    "crane collapsed onto the quay during unloading, officials said. "
    "Engineers said repairs to the quay would take at least four weeks.\n"
    "Ferries will use the southern pier until the repairs are finished, the authority said.\n"
)


def _empty(article: Article, names: list[str]) -> Article:
    """A copy of ``article`` with ``names`` set to their defaults (as if never assigned)."""
    out = copy.deepcopy(article)
    for f in dataclasses.fields(Article):
        if f.name in names:
            if f.default is not dataclasses.MISSING:
                setattr(out, f.name, f.default)
            elif f.default_factory is not dataclasses.MISSING:
                setattr(out, f.name, f.default_factory())
            else:
                setattr(out, f.name, "")
    return out


def _article_fields(spec: tuple[str, ...]) -> list[str]:
    return [f.split(".", 1)[1] for f in spec if f.startswith("Article.")]


def _undeclared(stage: pipeline.Stage) -> list[str]:
    """Article fields ``stage`` does not require (``id`` is every record's key)."""
    required = set(_article_fields(stage.requires)) | {"id"}
    return [name for name in ARTICLE_FIELDS if name not in required]


def _changed(before: Article, after: Article) -> set[str]:
    return {n for n in ARTICLE_FIELDS if to_dict(getattr(before, n)) != to_dict(getattr(after, n))}


@dataclasses.dataclass
class Run:
    """Every stage's input and output on the corpus, stage by stage."""

    raw: list[Article]
    cleaned: list[Article]
    annotated: list[Article]
    derivations: list[Derivation]
    stories: list[Story]
    analyzed: dict[str, list[Article]]  # story id -> its articles after analyze
    analyses: dict[str, Any]
    summaries: dict[str, Any]
    briefs: dict[str, Any]
    # each story's articles as analyze left them, and again after summarize and brief
    after_analyze: dict[str, Any] = dataclasses.field(default_factory=dict)
    after_brief: dict[str, Any] = dataclasses.field(default_factory=dict)


def _inside(articles: list[Article], derivations: list[Derivation]) -> list[Derivation]:
    ids = {a.id for a in articles}
    return [d for d in derivations if d.child in ids and d.parent in ids]


# Each stage as the pipeline calls it, on copies, returning what it assigns: the Article
# fields it declares, or the records it makes.
def _clean(arts: list[Article], run: Run) -> Any:
    assigned = _article_fields(pipeline.CLEAN.assigns)
    return [[to_dict(getattr(clean_article(copy.deepcopy(a)), n)) for n in assigned] for a in arts]


def _annotate(arts: list[Article], run: Run) -> Any:
    assigned = _article_fields(pipeline.ANNOTATE.assigns)
    return [[to_dict(getattr(annotate(copy.deepcopy(a)), n)) for n in assigned] for a in arts]


def _dedup(arts: list[Article], run: Run) -> Any:
    index = DedupIndex()
    return [to_dict(index.add(a)) for a in copy.deepcopy(arts)]


def _cluster(arts: list[Article], run: Run) -> Any:
    clusterer = StoryClusterer()
    clusterer.add_batch(copy.deepcopy(arts))
    return to_dict(clusterer.stories())


def _members(arts: list[Article], story: Story) -> list[Article]:
    by_id = {a.id: a for a in copy.deepcopy(arts)}
    return [by_id[i] for i in story.article_ids]


def _analyze(arts: list[Article], run: Run) -> Any:
    out = []
    for story in run.stories:
        members = _members(arts, story)
        analysis = analyze_story(story, members, _inside(members, run.derivations))
        assigned = _article_fields(pipeline.ANALYZE.assigns)
        out.append((to_dict(analysis), [[getattr(a, n) for n in assigned] for a in members]))
    return out


def _summarize(arts: list[Article], run: Run) -> Any:
    from newsbrief.summarize import summarize

    out = []
    for story in run.stories:
        members = _members(arts, story)
        analysis = copy.deepcopy(run.analyses[story.id])
        inside = _inside(members, run.derivations)
        out.append(to_dict(summarize(members, analysis=analysis, derivations=inside)))
    return out


def _brief(arts: list[Article], run: Run) -> Any:
    out = []
    for story in run.stories:
        members = _members(arts, story)
        analysis = copy.deepcopy(run.analyses[story.id])
        summary = copy.deepcopy(run.summaries[story.id])
        inside = _inside(members, run.derivations)
        out.append(to_dict(build_brief(story, members, inside, analysis, summary)))
    return out


@pytest.fixture(scope="module")
def run(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    extra = tmp_path_factory.mktemp("extra") / "label-title.txt"
    extra.write_text(EXTRA, encoding="utf-8")
    raw = [a for a in pipeline.read_inputs([examples_dir, extra]) if isinstance(a, Article)]
    cleaned = [clean_article(copy.deepcopy(a)) for a in raw]
    annotated = [annotate(copy.deepcopy(a)) for a in cleaned]
    linked = pipeline.link_articles(annotated, annotated, {})
    out = Run(raw, cleaned, annotated, linked.derivations, linked.stories, {}, {}, {}, {})
    from newsbrief.summarize import summarize

    for story in linked.stories:
        members = _members(annotated, story)
        inside = _inside(members, linked.derivations)
        out.analyses[story.id] = analyze_story(story, members, inside)
        out.analyzed[story.id] = members
        out.after_analyze[story.id] = to_dict(members)
        out.summaries[story.id] = summarize(
            members, analysis=copy.deepcopy(out.analyses[story.id]), derivations=inside
        )
        out.briefs[story.id] = build_brief(
            story, members, inside, out.analyses[story.id], out.summaries[story.id]
        )
        out.after_brief[story.id] = to_dict(members)
    return out


def _inputs(run: Run, stage: pipeline.Stage) -> list[Article]:
    """The articles a stage receives in the pipeline."""
    if stage is pipeline.CLEAN:
        return run.raw
    if stage is pipeline.ANNOTATE:
        return run.cleaned
    if stage in (pipeline.DEDUP, pipeline.CLUSTER, pipeline.ANALYZE):
        return run.annotated
    return [a for members in run.analyzed.values() for a in members]


STAGE_RUNS: dict[str, Callable[[list[Article], Run], Any]] = {
    "clean": _clean,
    "annotate": _annotate,
    "dedup": _dedup,
    "cluster": _cluster,
    "analyze": _analyze,
    "summarize": _summarize,
    "brief": _brief,
}


def test_the_stage_order_is_declared_once():
    assert [s.name for s in pipeline.STAGES] == ["read", *STAGE_RUNS]
    for stage in pipeline.STAGES:
        for name in _article_fields(stage.requires + stage.assigns):
            assert name in ARTICLE_FIELDS, f"{stage.name} declares unknown Article.{name}"


def test_the_corpus_exercises_every_stage(run: Run):
    assert len(run.raw) >= 10 and run.derivations and len(run.stories) >= 3
    assert all(run.summaries.values())


@pytest.mark.parametrize("stage", pipeline.STAGES[1:3], ids=lambda s: s.name)
def test_a_per_article_stage_sets_what_it_declares_and_nothing_else(run: Run, stage):
    before = _inputs(run, stage)
    after = run.cleaned if stage is pipeline.CLEAN else run.annotated
    changed = set().union(*(_changed(b, a) for b, a in zip(before, after, strict=True)))
    assert changed == set(_article_fields(stage.assigns))


def test_analyze_changes_only_the_article_fields_it_declares(run: Run):
    by_id = {a.id: a for a in run.annotated}
    changed = set().union(
        *(_changed(by_id[a.id], a) for members in run.analyzed.values() for a in members)
    )
    assert changed == set(_article_fields(pipeline.ANALYZE.assigns))


def test_the_corpus_level_and_story_stages_change_no_article(run: Run):
    for stage in (pipeline.DEDUP, pipeline.CLUSTER, pipeline.SUMMARIZE, pipeline.BRIEF):
        assert not _article_fields(stage.assigns), stage.name
    # dedup and cluster ran on these very objects: they are as annotate left them
    again = [annotate(clean_article(copy.deepcopy(a))) for a in run.raw]
    assert [to_dict(a) for a in again] == [to_dict(a) for a in run.annotated]
    # summarize and brief ran on each story's articles after analyze
    assert run.after_brief == run.after_analyze
    assert {"Derivation"} <= set(pipeline.DEDUP.assigns) and run.derivations
    assert {"Story"} <= set(pipeline.CLUSTER.assigns) and run.stories
    assert {"Analysis"} <= set(pipeline.ANALYZE.assigns) and any(
        a.claims for a in run.analyses.values()
    )
    assert {"SummarySentence"} <= set(pipeline.SUMMARIZE.assigns)
    assert {"Brief"} <= set(pipeline.BRIEF.assigns) and len(run.briefs) == len(run.stories)


@pytest.mark.parametrize("stage", pipeline.STAGES[1:], ids=lambda s: s.name)
def test_a_stage_reads_no_article_field_it_does_not_require(run: Run, stage):
    arts = _inputs(run, stage)
    step = STAGE_RUNS[stage.name]
    expected = step(arts, run)
    undeclared = _undeclared(stage)
    if step([_empty(a, undeclared) for a in arts], run) != expected:
        read = [n for n in undeclared if step([_empty(a, [n]) for a in arts], run) != expected]
        pytest.fail(f"{stage.name} reads Article fields it does not declare: {read}")


def test_a_step_refuses_articles_that_skipped_annotate(run: Run):
    story = run.stories[0]
    raw = [a for a in run.cleaned if a.id in story.article_ids]
    with pytest.raises(ContractError, match=r"\[E050\].*'analyze' requires Article.sentences"):
        pipeline.brief_story(story, raw, [])
    with pytest.raises(ContractError, match=r"\[E050\].*'dedup'"):
        pipeline.link_articles(raw, raw, {})
    nameless = copy.deepcopy(run.annotated[0])
    nameless.id = ""
    with pytest.raises(ContractError, match=r"requires Article.id, which 'read' assigns"):
        pipeline.check_requires(pipeline.DEDUP, [nameless])
    # an article whose clean text is empty has nothing to annotate: not an error
    empty = annotate(Article(id="e", source="e.txt", text="  \n"))
    pipeline.check_requires(pipeline.ANALYZE, [empty])


def test_the_pipeline_steps_give_the_stage_by_stage_briefs(run: Run):
    prepared = [pipeline.prepare_article(copy.deepcopy(a)) for a in run.raw]
    assert [to_dict(a) for a in prepared] == [to_dict(a) for a in run.annotated]
    for story in run.stories:
        members = _members(run.annotated, story)
        brief = pipeline.brief_story(story, members, run.derivations)
        assert to_dict(brief) == to_dict(run.briefs[story.id])


def test_write_briefs_writes_each_format_of_each_brief(run: Run, tmp_path: Path):
    briefs = list(run.briefs.values())
    paths = pipeline.write_briefs(briefs, tmp_path / "out")
    assert [p.name for p in paths] == [f"{b.story}.{f}" for b in briefs for f in ("md", "json")]
    assert paths[0].read_text(encoding="utf-8") == render_markdown(briefs[0])
    assert paths[1].read_text(encoding="utf-8") == render_json(briefs[0])
    only_json = pipeline.write_briefs(briefs[:1], tmp_path / "json", formats=("json",))
    assert [p.suffix for p in only_json] == [".json"]
    with pytest.raises(ConfigError, match="E020"):
        pipeline.write_briefs(briefs, tmp_path / "x", formats=("pdf",))


def test_the_python_api_writes_briefs_when_asked(examples_dir: Path, tmp_path: Path):
    briefs = newsbrief.run([examples_dir], out=tmp_path / "briefs")
    written = sorted(p.name for p in (tmp_path / "briefs").iterdir())
    assert written == sorted(f"{b.story}.{f}" for b in briefs for f in ("md", "json"))
    (first,) = [b for b in briefs if b.story == briefs[0].story]
    text = (tmp_path / "briefs" / f"{first.story}.md").read_text(encoding="utf-8")
    assert text == render_markdown(first)


def test_the_readme_python_api_examples_run(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 3
    monkeypatch.chdir(repo_root)  # the examples name "examples/" as a user in a checkout would
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    headlines = [b.headline for b in newsbrief.run([repo_root / "examples"])]
    assert all(h in printed for h in headlines) and headlines


STAGE_PACKAGES = ("read", "clean", "annotate", "dedup", "cluster", "analyze", "summarize")
STAGE_MODULES = ("brief", "render")


def _stage_of(module: str | None) -> str | None:
    parts = (module or "").split(".")
    if len(parts) > 1 and parts[0] == "newsbrief":
        return parts[1] if parts[1] in STAGE_PACKAGES + STAGE_MODULES else None
    return None


def _guards(path: Path, stage: str) -> list[int]:
    """Lines of ``try`` blocks in a stage module that call another stage's function under
    ``except Exception``/``BaseException``/bare, or import another stage under
    ``except ImportError``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    foreign = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _stage_of(node.module) not in (None, stage):
            foreign |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            foreign |= {
                (a.asname or a.name).split(".")[0]
                for a in node.names
                if _stage_of(a.name) not in (None, stage)
            }
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = set()
        for handler in node.handlers:
            kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            caught |= {getattr(k, "id", getattr(k, "attr", None)) if k else "*" for k in kinds}
        broad = bool(caught & {"Exception", "BaseException", "*"})
        for sub in (n for stmt in node.body for n in ast.walk(stmt)):
            if broad and isinstance(sub, ast.Call):
                root = sub.func
                while isinstance(root, ast.Attribute):
                    root = root.value
                if isinstance(root, ast.Name) and root.id in foreign:
                    lines.append(node.lineno)
            if (
                "ImportError" in caught
                and isinstance(sub, ast.ImportFrom)
                and _stage_of(sub.module) not in (None, stage)
            ):
                lines.append(node.lineno)
    return lines


def test_no_stage_catches_exceptions_around_another_stage(repo_root: Path):
    src = repo_root / "src" / "newsbrief"
    files = [p for s in STAGE_PACKAGES + ("render",) for p in sorted((src / s).rglob("*.py"))]
    files += [src / f"{s}.py" for s in STAGE_MODULES if (src / f"{s}.py").is_file()]
    assert len(files) > 30
    found = set()
    for path in files:
        name = path.relative_to(src).as_posix()
        found |= {
            f"{name}:{line}" for line in _guards(path, name.split("/")[0].removesuffix(".py"))
        }
    assert found == set(), f"a stage wraps another stage's call: {sorted(found)}"


def test_the_guard_finder_sees_a_guard(tmp_path: Path):
    module = tmp_path / "mod.py"
    module.write_text(
        "from newsbrief.annotate import person_roles\n"
        "def roles(text):\n"
        "    try:\n"
        "        return person_roles(text)\n"
        "    except Exception:\n"
        "        return {}\n"
        "def dates():\n"
        "    try:\n"
        "        from newsbrief.annotate.dates import extract_dates\n"
        "    except ImportError:\n"
        "        return None\n"
        "    return extract_dates\n",
        encoding="utf-8",
    )
    assert _guards(module, "analyze") == [3, 8]
    assert _guards(module, "annotate") == []  # a stage may isolate its own parts
