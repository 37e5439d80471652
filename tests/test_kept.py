"""What start-up keeps between runs: regex programs, the built legislation table and its finder, kept files."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from qualcli.cachedir import read_kept, write_kept
from qualcli.lazyre import _KEY, ProgramCache

PATTERNS = [
    (r"(?P<name>[A-Z][\w’']+(?:\s+(?:of|and|[A-Z]\w+))*)\s+Act,?\s+\(?(?P<year>(?:1[89]|20)\d\d)\)?", 0),
    (r"^\s*(?:[-*+•]|\d+[.)])\s+", re.MULTILINE),
    (r"\bnorthern\s+ireland\b|\bn\.?\s?i\b", re.IGNORECASE),
    (r"[.!?](?<!\be\.g\.)(?<!\betc\.)\s+(?=[A-Z])", 0),
    (r"(?P<open>\()?(?P<year>\d{4})(?(open)\))", re.ASCII),
]
TEXT = ("Under the Health and Safety at Work etc. Act, 1974 (see e.g. the Sale of Goods Act (1979)).\n"
        "  - the Data Protection Act 2018 in Northern Ireland, N.I. and n i\n"
        "1. Next. Then the Équipe Act 2030! End")


def _same(kept: re.Pattern, fresh: re.Pattern) -> None:
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (fresh.pattern, fresh.flags, fresh.groups,
                                                                        fresh.groupindex)
    assert [m.span() for m in kept.finditer(TEXT)] == [m.span() for m in fresh.finditer(TEXT)]
    assert [m.groupdict() for m in kept.finditer(TEXT)] == [m.groupdict() for m in fresh.finditer(TEXT)]
    assert kept.sub("#", TEXT) == fresh.sub("#", TEXT)


def test_a_pattern_from_a_kept_program_matches_as_re_compiles_it(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path))
    first = ProgramCache()
    for pattern, flags in PATTERNS:
        _same(first.compile(pattern, flags), re.compile(pattern, flags))
    first._save()
    (kept,) = tmp_path.glob("regex-*.bin")
    second = ProgramCache()
    for pattern, flags in PATTERNS:
        _same(second.compile(pattern, flags), re.compile(pattern, flags))
    assert not second._new  # every one came from the file
    assert second.compile("a+b", 0).fullmatch("aab") and second._new  # a new pattern is compiled and added
    second._save()
    assert len(read_kept(str(kept), _KEY)) == len(PATTERNS) + 1


@pytest.mark.parametrize("damage", ["garbage", "cut", "edited", "foreign program"])
def test_a_damaged_or_foreign_program_file_only_costs_compiling(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path))
    cache = ProgramCache()
    for pattern, flags in PATTERNS:
        cache.compile(pattern, flags)
    cache._save()
    (kept,) = tmp_path.glob("regex-*.bin")
    data = kept.read_bytes()
    if damage == "garbage":
        kept.write_bytes(b"\x00\xff" * 40)
    elif damage == "cut":
        kept.write_bytes(data[: len(data) // 2])
    elif damage == "edited":
        kept.write_bytes(data[:-8] + bytes(8))
    else:  # well kept, but each program is another pattern's (or no program at all)
        programs = read_kept(str(kept), _KEY)
        swapped = {key: programs[PATTERNS[0]] for key in programs}
        swapped[PATTERNS[1]] = (PATTERNS[1][0], 0, b"\x01\x02\x03\x04", 0, {}, (None,))
        write_kept(str(kept), _KEY, swapped)
    fresh = ProgramCache()
    for pattern, flags in PATTERNS:
        _same(fresh.compile(pattern, flags), re.compile(pattern, flags))


def test_kept_data_is_read_back_only_for_its_key_and_intact(tmp_path):
    path = str(tmp_path / "kept.bin")
    data = {"ids": ("a", "b"), "counts": [1, 2, None], "nested": {"x": b"\x00"}}
    assert write_kept(path, "key-1", data)
    assert read_kept(path, "key-1") == data
    assert read_kept(path, "key-2") is None
    raw = (tmp_path / "kept.bin").read_bytes()
    (tmp_path / "kept.bin").write_bytes(raw.replace(b"\x00", b"\x01"))
    assert read_kept(path, "key-1") is None
    assert read_kept(str(tmp_path / "missing.bin"), "key-1") is None
    assert not write_kept(path, "key-1", {"when": object()})  # not built-in data: nothing written
    assert not write_kept(path, "key-1", [float("nan")])  # reads back different: nothing written


def test_an_instrument_and_a_finder_set_up_from_plain_data_are_the_built_ones():
    from qualcli.legislation.finder import Finder
    from qualcli.legislation.table import Instrument, Table, shipped_table

    table = shipped_table()
    records = [inst.record() for inst in table]
    restored = Table(map(Instrument.from_record, records))
    for built, again in zip(table, restored, strict=True):
        assert [getattr(built, name) for name in Instrument.__slots__] == [getattr(again, name) for name in Instrument.__slots__]
    built, again = Finder(table), Finder.restored(restored, Finder(table).state())
    texts = ["Under the Sale of Goods Act 1979 and COSHH, the Data Protection Act and the GDPR.",
             "the Working Time Regulations (Northern Ireland) 2016; RIDDOR; the Noise Act 1993",
             "the Health & Safety at Work etc.\nAct 1974, the Made-up Thing Act 2031, the Equality Act (2010)"]
    for text in texts:
        found = built.find(text)
        assert found and again.find(text) == found


def _check(cache, *text: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUALCLI_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "qualcli", "legislation", "check", *text], capture_output=True,
                          text=True, env=env)


def test_legislation_check_answers_the_same_from_the_snapshot_and_after_it_is_damaged(tmp_path):
    text = "the Sale of Goods Act 1979, the Data Protection Act 1998 and COSHH"
    runs = [_check(tmp_path, text) for _ in range(3)]  # the plugin results, then the snapshot, are kept
    (snapshot,) = tmp_path.glob("legislation-built-*.bin")
    snapshot.write_bytes(snapshot.read_bytes()[:-100])
    runs.append(_check(tmp_path, text))
    assert {(run.returncode, run.stdout, run.stderr) for run in runs} == {(runs[0].returncode, runs[0].stdout, "")}
    assert "Sale of Goods Act 1979: QL001" in runs[0].stdout


def test_prune_keeps_the_newest_files_of_a_kind(tmp_path):
    from qualcli.cachedir import prune

    for number in range(6):
        path = tmp_path / f"entry-{number}.bin"
        path.write_bytes(b"x")
        os.utime(path, ns=(number * 10**9, number * 10**9))
    (tmp_path / "other.json").write_bytes(b"{}")
    prune(str(tmp_path), 4, ".bin")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry-2.bin", "entry-3.bin", "entry-4.bin", "entry-5.bin",
                                                          "other.json"]
    prune(str(tmp_path / "missing"), 1, ".bin")  # no folder: nothing to do


def test_config_memos_are_pruned_to_the_newest(tmp_path, monkeypatch):
    from qualcli import memo
    from qualcli.config import load_config

    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    config = tmp_path / "qualcli.toml"
    for where in ("E", "W", "S", "NI"):  # each edit remembers its TOML under a new key
        config.write_text(f"[lint]\njurisdiction = '{where}'\n", encoding="utf-8")
        assert load_config(tmp_path)["lint"] == {"jurisdiction": where}
    assert len(list((tmp_path / "cache" / "memo").glob("*.bin"))) == 3
