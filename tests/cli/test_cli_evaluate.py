"""`newsbrief eval`: its help points at documentation every clone has."""

from __future__ import annotations

from click.testing import CliRunner

from newsbrief.cli import EXIT_OK, main


def test_eval_data_help_names_no_file_a_fresh_clone_lacks(repo_root):
    result = CliRunner().invoke(main, ["eval", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_OK
    assert "../shared" not in result.output and "README.md" not in result.output
    assert "Evaluation section" in result.output
    assert "## The command line" in (repo_root / "README.md").read_text()
    assert "### Evaluation" in (repo_root / "README.md").read_text()
