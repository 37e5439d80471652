"""The cache of parsed source documents (qualcli.speccache): same answers, fewer parses."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from qualcli import loading
from tests.conftest import EXAMPLES
from tests.support.inprocess import run_in_process

OLD, NEW = EXAMPLES / "salon-reception-2016.txt", EXAMPLES / "salon-reception-2019.txt"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> SimpleNamespace:
    """A fresh cache folder, the cache turned on, and every real parse counted in ``cache.parses``."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(folder))
    monkeypatch.delenv("QUALCLI_NO_CACHE", raising=False)
    parses: list[str] = []
    real = loading.parse_source

    def counting(source, body=None):
        parses.append(Path(source.path).name)
        return real(source, body)

    monkeypatch.setattr(loading, "parse_source", counting)
    return SimpleNamespace(folder=folder, parses=parses)


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "specs").glob("*.json"))


def test_second_run_gives_identical_output_from_the_cache(cache, tmp_path):
    spec = shutil.copy(OLD, tmp_path / "spec.txt")
    first = run_in_process("parse", spec, "--format", "json")
    second = run_in_process("parse", spec, "--format", "json")
    assert first.code == second.code == 0, first.stderr
    assert (second.stdout, second.stderr) == (first.stdout, first.stderr)
    assert cache.parses == ["spec.txt"] and len(_entries(cache.folder)) == 1
    uncached = run_in_process("parse", spec, "--format", "json", "--no-cache")
    assert uncached.stdout == first.stdout


def test_diff_and_map_reuse_what_parse_cached(cache):
    run_in_process("parse", OLD, "--format", "json")
    run_in_process("parse", NEW, "--format", "json")
    assert len(cache.parses) == 2
    diffs = [run_in_process("diff", OLD, NEW, "--format", "json") for _ in range(2)]
    maps = [run_in_process("map", OLD, NEW, "--format", "json") for _ in range(2)]
    assert len(cache.parses) == 2
    assert diffs[0].stdout == diffs[1].stdout and json.loads(diffs[0].stdout)
    assert maps[0].stdout == maps[1].stdout and json.loads(maps[0].stdout)
    assert run_in_process("diff", OLD, NEW, "--format", "json", "--no-cache").stdout == diffs[0].stdout


def test_a_changed_file_is_parsed_again(cache, tmp_path):
    spec = tmp_path / "spec.txt"
    spec.write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
    before = run_in_process("parse", spec, "--format", "json")
    text = OLD.read_text(encoding="utf-8")
    word = next(w for w in text.split() if len(w) > 6 and w.isalpha())
    spec.write_text(text.replace(word, word + "x", 1), encoding="utf-8")
    after = run_in_process("parse", spec, "--format", "json")
    assert cache.parses == ["spec.txt", "spec.txt"]
    assert json.loads(after.stdout)["source"]["sha256"] == hashlib.sha256(spec.read_bytes()).hexdigest()
    assert after.stdout != before.stdout and word + "x" in after.stdout


def _rewrite(entry: Path, change) -> None:
    """Replace the document with ``change(document)`` and a matching checksum, as a careless tool might."""
    header_line, _, payload = entry.read_bytes().partition(b"\n")
    header = json.loads(header_line)
    payload = json.dumps(change(json.loads(payload))).encode()
    header["doc_sha256"] = hashlib.sha256(payload).hexdigest()
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)


DAMAGE = {
    "empty": lambda f: f.write_bytes(b""),
    "truncated": lambda f: f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2]),
    "binary junk": lambda f: f.write_bytes(bytes(range(256))),
    "document edited, header kept": lambda f: f.write_bytes(f.read_bytes().replace(b"Reception", b"Deception")),
    "wrong shape, checksum matching": lambda f: _rewrite(f, lambda doc: {"units": "none"}),
    "another file's document": lambda f: _rewrite(f, lambda doc: {**doc, "source": {**doc["source"], "sha256": "0" * 64}}),
    "header of another key": lambda f: f.write_bytes(
        f.read_bytes().replace(json.loads(f.read_bytes().split(b"\n")[0])["key"].encode(), b"0" * 64, 1)
    ),
}


def test_a_damaged_entry_is_ignored_and_rebuilt(cache):
    clean = run_in_process("parse", OLD, "--format", "json")
    (entry,) = _entries(cache.folder)
    good = entry.read_bytes()
    for name, damage in sorted(DAMAGE.items()):
        entry.write_bytes(good)
        damage(entry)
        again = run_in_process("parse", OLD, "--format", "json")
        assert (again.code, again.stdout) == (clean.code, clean.stdout), (name, again.stderr)
        assert entry.read_bytes() == good, name
    assert len(cache.parses) == 1 + len(DAMAGE)


def test_no_cache_option_and_environment_bypass_it(cache, monkeypatch):
    for _ in range(2):
        assert run_in_process("show", OLD, "--no-cache").code == 0
    assert len(cache.parses) == 2 and not _entries(cache.folder)
    monkeypatch.setenv("QUALCLI_NO_CACHE", "1")
    run_in_process("parse", OLD)
    assert len(cache.parses) == 3 and not _entries(cache.folder)


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(cache, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(blocker))
    first, second = (run_in_process("parse", OLD, "--format", "json") for _ in range(2))
    assert first.code == 0 and first.stdout == second.stdout and len(cache.parses) == 2


def test_the_body_is_part_of_the_key(cache):
    run_in_process("parse", OLD, "--format", "json")
    run_in_process("parse", OLD, "--format", "json", "--body", "vtct")
    assert len(cache.parses) == 2 and len(_entries(cache.folder)) == 2
