"""`newsbrief stories`, `brief` and `serve`: reading a database, even one on a read-only
folder."""

from __future__ import annotations

import json
from pathlib import Path

from cli_corpus import write_corpus
from click.testing import CliRunner

from newsbrief.cli import EXIT_FAILED, EXIT_OK, main


def _read_only_mount(folder: Path) -> list[str]:
    """A command prefix that runs its command with ``folder`` mounted read-only.

    Tests run as root here, and root ignores file permissions, so chmod proves nothing; a
    read-only bind mount in a private mount namespace refuses even root's writes (EROFS).
    """
    import os
    import shutil
    import subprocess

    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && "$@"'
    prefix = ["unshare", "--mount", "sh", "-c", script, "sh", str(folder)]
    if os.geteuid() != 0:
        folder.chmod(0o555)  # an ordinary user is stopped by permissions alone
        for f in folder.iterdir():
            f.chmod(0o444)
        return []
    if shutil.which("unshare") is None:
        import pytest

        pytest.skip("needs unshare to mount a folder read-only")
    probe = subprocess.run([*prefix, "touch", str(folder / "probe")], capture_output=True)
    if b"Read-only file system" not in probe.stderr:
        import pytest

        pytest.skip("cannot make a read-only mount here (no mount namespace)")
    return prefix


def test_stories_brief_export_on_a_read_only_folder(tmp_path):
    """The database and its folder cannot be written (read-only mount): listing, briefs
    and export still work, through mode=ro and the immutable fallback."""
    import os
    import subprocess
    import sys

    corpus = write_corpus(tmp_path / "in")
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "nb.db"
    made = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(db), "--out", str(tmp_path / "o"), "--quiet"]
    )
    assert made.exit_code == EXIT_OK, made.output
    assert sorted(p.name for p in folder.iterdir()) == ["nb.db"]  # WAL checkpointed away
    before = db.read_bytes()
    prefix = _read_only_mount(folder)
    cli = [sys.executable, "-c", "from newsbrief.cli import main; main()"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *cli, *args], capture_output=True, text=True, env=env)

    listing = run("stories", "--db", str(db), "--json")
    assert listing.returncode == EXIT_OK, listing.stderr
    rows = json.loads(listing.stdout)
    assert sorted(r["size"] for r in rows) == [1, 2]
    brief = run("brief", rows[0]["id"], "--db", str(db), "--format", "json")
    assert brief.returncode == EXIT_OK, brief.stderr
    assert json.loads(brief.stdout)["story"] == rows[0]["id"]
    export = run("export", "-", "--db", str(db), "--what", "articles")
    assert export.returncode == EXIT_OK, export.stderr
    assert len(export.stdout.splitlines()) == 3
    written = run("add", str(corpus), "--db", str(db), "--quiet")  # a writer is refused
    assert written.returncode == EXIT_FAILED and "Traceback" not in written.stderr
    assert db.read_bytes() == before


def test_serve_without_a_database_says_only_the_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == EXIT_FAILED
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no database at" in lines[0] and "hint:" in lines[0]
    assert "serving" not in result.output
