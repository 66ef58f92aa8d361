"""The README's brief excerpt is what newsbrief writes for the examples corpus."""

from __future__ import annotations

import re
from pathlib import Path

from newsbrief.engines.local import run_paths
from newsbrief.render import render_markdown


def _excerpt(repo: Path) -> list[str]:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    block = re.search(r"An excerpt of the brief.*?```markdown\n(.*?)```", readme, re.S)
    assert block, "the README lost its brief excerpt"
    return [ln for ln in block.group(1).splitlines() if ln.strip() and ln.strip() != "..."]


def test_readme_excerpt_matches_the_examples_brief(repo_root: Path, examples_dir: Path):
    lines = _excerpt(repo_root)
    briefs = [render_markdown(b) for b in run_paths([examples_dir]).briefs]
    (brief,) = [md for md in briefs if md.startswith(lines[0] + "\n")]
    for line in lines:
        assert line in brief.splitlines(), line
