"""Nothing a user points qualcli at is destroyed, and hostile input is refused fast.

Every case runs the real CLI in a process of its own (forked from a warm
interpreter, tests/support/forkserver.py), in a temporary folder, and
checks the exit code, that stderr is one line without a traceback, that what
was at the path is as it was, and the CPU time and peak memory of the run
(taken from the kernel with ``os.wait4``; generous bounds, so a loaded
machine does not make them flaky: a regression is tens of seconds and GBs).
"""

from __future__ import annotations

import io
import json
import os
import stat
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES
from tests.support import forkserver
from tests.support.hostile import docx_of_paragraphs, spec_alias_bomb

EXAMPLE = EXAMPLES / "salon-reception-2016.txt"
NEWER = EXAMPLES / "salon-reception-2019.txt"
MAP_OLD, MAP_NEW = FIXTURES / "map" / "salon-old.yaml", FIXTURES / "map" / "salon-new.yaml"
OUTDATED = "Learners must follow the Data Protection Act 1998 when keeping client records.\n"
CPU_SECONDS = 20  # a run of the CLI on small input; the defects this guards against took 8-90 s
PEAK_MB = 500  # the defects took 0.8-4.5 GB


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    cpu_seconds: float
    peak_mb: float


def run(*args, cwd: Path, umask: int | None = None, env: dict | None = None) -> Run:
    """Run ``qualcli ARGS`` in a process of its own; its CPU time and peak resident memory come from ``os.wait4``."""
    out, err = cwd / ".stdout", cwd / ".stderr"
    exited = forkserver.shared().run(list(args), cwd, {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
                                     out, err, umask)  # fmt: skip
    result = Run(exited.code, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"), exited.cpu_seconds, exited.peak_mb)
    out.unlink(), err.unlink()
    assert result.cpu_seconds < CPU_SECONDS, result
    assert result.peak_mb < PEAK_MB, result
    return result


def one_line_error(result: Run, *fragments: str) -> str:
    """Exit 2, no traceback, one error line on stderr containing every fragment; returns the line."""
    assert result.code == 2, result
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip() and "warning:" not in line]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def snapshot(path: Path):
    """What is at ``path``: kind, mode and (for a regular file) content, without following a final symlink."""
    try:
        info = path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    content = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
    link = os.readlink(path) if stat.S_ISLNK(info.st_mode) else None
    return stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), content, link


# ---------------------------------------------------------------- output paths


def test_device_node_is_written_to_not_replaced(tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc.strerror}): needs root outside a restricted container")
    result = run("parse", EXAMPLE, "-o", device, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode) and device.lstat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("parse", EXAMPLE, "-o", fifo, cwd=tmp_path)
    reader.join(30)
    assert result.code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"source:")


def test_symlink_is_followed_and_kept(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to("real.yaml")
    assert run("parse", EXAMPLE, "-o", link, cwd=tmp_path).code == 0
    assert link.is_symlink() and os.readlink(link) == "real.yaml"
    assert target.read_text(encoding="utf-8").startswith("source:")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_new_file_follows_the_umask(tmp_path, umask, mode):
    out = tmp_path / "new.yaml"
    assert run("parse", EXAMPLE, "-o", out, cwd=tmp_path, umask=umask).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_rewritten_file_keeps_its_mode(tmp_path):
    out = tmp_path / "kept.yaml"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run("parse", EXAMPLE, "-o", out, cwd=tmp_path, umask=0o022).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text(encoding="utf-8").startswith("source:")


def _read_only(folder: Path) -> Path:
    path = folder / "read-only.out"
    path.write_text("keep me\n", encoding="utf-8")
    path.chmod(0o444)
    return path


def _under_a_file(folder: Path) -> Path:
    (folder / "plain-file").write_text("keep me\n", encoding="utf-8")
    return folder / "plain-file" / "out.yaml"


def _missing_folder(folder: Path) -> Path:
    return folder / "no-such-folder" / "out.yaml"


def _directory(folder: Path) -> Path:
    (folder / "a-folder").mkdir()
    return folder / "a-folder"


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


WRITERS = {
    "parse": ["parse", EXAMPLE],
    "diff": ["diff", EXAMPLE, NEWER],
    "map": ["map", MAP_OLD, MAP_NEW, "--format", "csv"],
    "lint": ["lint", "notes.md", "--format", "json"],
}
BAD_TARGETS = [(_read_only, "read-only"), (_under_a_file, "Not a directory"), (_missing_folder, "does not exist"),
               (_directory, "directory"), (_socket, "not a regular file")]


UNWRITABLE = [("parse", make, reason) for make, reason in BAD_TARGETS] + [
    (command, _read_only, "read-only") for command in sorted(WRITERS) if command != "parse"
]


@pytest.mark.parametrize(("command", "make", "reason"), UNWRITABLE, ids=[f"{c}-{m.__name__.strip('_')}" for c, m, _ in UNWRITABLE])
def test_unwritable_output_is_one_line_and_leaves_the_path_alone(tmp_path, command, make, reason):
    (tmp_path / "notes.md").write_text(OUTDATED, encoding="utf-8")
    target = make(tmp_path)
    before = snapshot(target), snapshot(target.parent)
    result = run(*WRITERS[command], "-o", target, cwd=tmp_path)
    one_line_error(result, str(target), "cannot write", reason)
    assert (snapshot(target), snapshot(target.parent)) == before


def test_update_of_a_read_only_overrides_file_is_refused(tmp_path):
    overrides = tmp_path / "decisions.yaml"
    overrides.write_text("decisions: []\n", encoding="utf-8")
    overrides.chmod(0o444)
    before = snapshot(overrides)
    result = run("map", MAP_OLD, MAP_NEW, "--overrides", overrides, "--update", "-o", tmp_path / "m.md", cwd=tmp_path)
    one_line_error(result, "decisions.yaml", "cannot write", "read-only")
    assert snapshot(overrides) == before and not (tmp_path / "m.md").exists()


def test_update_with_an_unwritable_output_leaves_the_overrides_file_alone(tmp_path):
    overrides = tmp_path / "decisions.yaml"
    overrides.write_text("decisions: []\n", encoding="utf-8")
    before = snapshot(overrides)
    target = _under_a_file(tmp_path)
    result = run("map", MAP_OLD, MAP_NEW, "--overrides", overrides, "--update", "-o", target, cwd=tmp_path)
    one_line_error(result, "cannot write")
    assert snapshot(overrides) == before


def test_read_only_folder_is_one_line(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder is writable to root (the read-only file and file-as-folder cases cover the refusal)")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        one_line_error(run("parse", EXAMPLE, "-o", folder / "out.yaml", cwd=tmp_path), "cannot write")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_write_baseline_on_a_read_only_file_is_refused(tmp_path):
    (tmp_path / "notes.md").write_text(OUTDATED, encoding="utf-8")
    baseline = _read_only(tmp_path)
    before = snapshot(baseline)
    one_line_error(run("lint", "notes.md", "--write-baseline", baseline, cwd=tmp_path), "cannot write", "read-only")
    assert snapshot(baseline) == before


def test_failed_lint_run_does_not_write_the_baseline(tmp_path):
    (tmp_path / "notes.md").write_text(OUTDATED, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    before = snapshot(baseline)
    result = run("lint", "notes.md", "binary.txt", "--write-baseline", baseline, cwd=tmp_path)
    one_line_error(result, "binary.txt", "binary data")
    assert "not written" in result.stderr
    assert snapshot(baseline) == before
    missing = run("lint", "notes.md", "no-such.md", "--write-baseline", baseline, cwd=tmp_path)
    one_line_error(missing, "no-such.md")
    assert snapshot(baseline) == before


# ---------------------------------------------------------------- map --update


UPDATE_LAYOUTS = {
    "flow list": "decisions: [{a: {code: R4}, b: {code: N4}, decision: forbid}]\n",
    "multi-line flow list": "decisions: [\n  {a: {code: R4}, b: {code: N4}, decision: forbid},  # no overlap\n]\n",
    "empty flow list": "# nothing decided yet\ndecisions: []\n",
    "document end marker": "decisions:\n  - a: {code: R4}\n    b: {code: N4}\n    decision: forbid\n...\n# after the end\n",
    "CRLF": "# decided\r\ndecisions:\r\n- a: {code: R4}\r\n  b: {code: N4}\r\n  decision: forbid\r\n",
    "trailing blank lines": "decisions:\n  - a: {code: R4}\n    b: {code: N4}\n    decision: forbid\n\n\n\n",
    "no final newline": "decisions:\n  - a: {code: R4}\n    b: {code: N4}\n    decision: forbid",
    "explicit null": "decisions: null   # to do\n",
}


def _inserted(before: bytes, after: bytes) -> bytes:
    """What was added to ``before`` to give ``after`` (asserting that nothing else changed)."""
    start = 0
    while start < len(before) and start < len(after) and before[start] == after[start]:
        start += 1
    end = 0
    while end < len(before) - start and after[len(after) - 1 - end] == before[len(before) - 1 - end]:
        end += 1
    assert before[:start] + before[len(before) - end:] == before
    return after[start:len(after) - end]


@pytest.mark.parametrize("layout", sorted(UPDATE_LAYOUTS))
def test_update_keeps_the_file_and_adds_candidates_in_its_style(tmp_path, layout):
    from qualcli.specfile import load_data

    path = tmp_path / "decisions.yaml"
    original = UPDATE_LAYOUTS[layout].encode("utf-8")
    path.write_bytes(original)
    result = run("map", MAP_OLD, MAP_NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md", cwd=tmp_path)
    assert result.code == 0 and "candidate pair(s) added" in result.stderr, result.stderr
    updated = path.read_bytes()
    decisions = load_data(path)["decisions"]
    assert len([d for d in decisions if d["decision"] == "candidate"]) >= 5
    assert sum(d["decision"] != "candidate" for d in decisions) == original.count(b"forbid")
    if layout != "explicit null":  # "null" itself has to give way to the list
        added = _inserted(original, updated)
        assert b"candidate" in added
    if layout == "CRLF":
        assert updated.count(b"\n") == updated.count(b"\r\n")
    if layout == "document end marker":
        assert updated.endswith(b"...\n# after the end\n")
    if layout == "trailing blank lines":
        assert updated.startswith(original)


# ---------------------------------------------------------------- hostile input


def _alias_bomb(levels: int) -> str:
    lines = ['c0: &c0 {ref: "1.1", text: "lol"}']
    lines += [f"c{i}: &c{i} [{', '.join([f'*c{i - 1}'] * 9)}]" for i in range(1, levels)]
    lines.append("source: {path: x.txt, sha256: '0', format: txt}\nbody: vtct")
    lines.append(f"units: [{{code: '1', title: T, learning_outcomes: [{{ref: '1', text: t, criteria: *c{levels - 1}}}]}}]")
    return "\n".join(lines) + "\n"


HOSTILE_SPECS = {
    "alias bomb (216,000 criteria)": ("bomb.yaml", spec_alias_bomb(60), "aliases"),
    "alias bomb (9^12 criteria)": ("bomb12.yaml", _alias_bomb(12), "aliases"),
    "one harmless alias": ("alias.yaml", "source: &s {path: x, sha256: '0', format: txt}\nbody: vtct\nother: *s\n", "aliases"),
    "deep flow nesting": ("deep.yaml", "[" * 100_000 + "]" * 100_000, "nested"),
    "deep block nesting": ("deep-block.yaml", "- " * 100_000 + "x\n", "nested"),
    "deep JSON": ("deep.json", "[" * 100_000 + "]" * 100_000, "nested"),
}


HOSTILE_RUNS = [(case, "validate") for case in sorted(HOSTILE_SPECS)] + [
    ("alias bomb (9^12 criteria)", command) for command in ("parse", "show", "diff")
]


@pytest.mark.parametrize(("case", "command"), HOSTILE_RUNS)
def test_hostile_spec_files_are_refused_fast(tmp_path, case, command):
    name, text, fragment = HOSTILE_SPECS[case]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = snapshot(path)
    args = [command, path, path] if command == "diff" else [command, path]
    result = run(*args, cwd=tmp_path)
    one_line_error(result, name, fragment)
    assert result.cpu_seconds < 5, result.cpu_seconds
    assert snapshot(path) == before


def _pptx_with_big_part(path: Path) -> Path:
    from pptx import Presentation

    buffer = io.BytesIO()
    Presentation().save(buffer)
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        with target.open("ppt/slides/extra.xml", "w", force_zip64=True) as handle:
            for _ in range(40):
                handle.write(b"<a/>" * 131_072)  # 20 MiB of XML
    return path


ZIP_BOMBS = {
    "docx over the XML limit (64 MiB)": (lambda d: docx_of_paragraphs(d / "big.docx", 1_900_000), "MiB of XML"),
    "docx of tiny paragraphs (ratio)": (lambda d: docx_of_paragraphs(d / "tiny.docx", 200_000), "inflates"),
    "pptx with a 20 MiB part": (lambda d: _pptx_with_big_part(d / "deck.pptx"), "MiB of XML"),
}


ZIP_RUNS = [(case, "parse") for case in sorted(ZIP_BOMBS)] + [("docx of tiny paragraphs (ratio)", "lint")]


@pytest.mark.parametrize(("case", "command"), ZIP_RUNS)
def test_zip_bombs_are_refused_before_unpacking(tmp_path, case, command):
    make, fragment = ZIP_BOMBS[case]
    path = make(tmp_path)
    assert path.stat().st_size < 1_000_000
    before = snapshot(path)
    result = run(command, path, cwd=tmp_path)
    one_line_error(result, path.name, "refused", fragment)
    assert snapshot(path) == before


def test_real_sized_docx_is_still_read(tmp_path):
    """10,000 short paragraphs (350 KB of XML, more than a long real specification) pass the check."""
    path = docx_of_paragraphs(tmp_path / "ok.docx", 10_000, compresslevel=1)
    result = run("lint", path, cwd=tmp_path)
    assert result.code == 0, result.stderr


def test_lint_skips_symlink_loops_and_lints_the_rest(tmp_path):
    folder = tmp_path / "materials"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text(OUTDATED, encoding="utf-8")
    (folder / "sub" / "b.md").write_text(OUTDATED, encoding="utf-8")
    (folder / "loop1.md").symlink_to("loop2.md")
    (folder / "loop2.md").symlink_to("loop1.md")
    (folder / "sub" / "up").symlink_to("..")
    (folder / "broken.md").symlink_to("nowhere.md")
    os.mkfifo(folder / "pipe.md")
    result = run("lint", "materials", "--format", "json", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert {f["path"] for f in json.loads(result.stdout)} == {"materials/a.md", "materials/sub/b.md"}
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert any("loop1.md" in w and "symlink loop" in w for w in warnings), result.stderr
    assert any("broken.md" in w for w in warnings) and any("pipe.md" in w for w in warnings)


def test_lint_reports_an_unreadable_subfolder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: every folder is readable (test_unreadable_folder_is_a_problem covers the logic)")
    folder = tmp_path / "materials"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.md").write_text(OUTDATED, encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        result = run("lint", "materials", cwd=tmp_path)
    finally:
        (folder / "locked").chmod(0o755)
    assert result.code == 2 and "locked" in result.stderr and "a.md:1" in result.stdout


def test_unreadable_folder_is_a_problem(tmp_path, monkeypatch):
    """The walk's error path, in-process (root can read every folder, so it is forced here)."""
    from qualcli.lint import discovery

    (tmp_path / "locked").mkdir()
    (tmp_path / "a.md").write_text(OUTDATED, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems = []
    assert discovery.discover([str(tmp_path)], {".md"}, problems=problems) == [str(tmp_path / "a.md")]
    assert [(Path(p.path).name, p.fatal) for p in problems] == [("locked", True)]


def _cache_file(cache: Path) -> Path:
    (found,) = cache.glob("legislation-*.json")
    return found


CACHE_DAMAGE = {
    "empty list": lambda f: f.write_text("[]", encoding="utf-8"),
    "empty object": lambda f: f.write_text("{}", encoding="utf-8"),
    "truncated": lambda f: f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2]),
    "entries emptied, header kept": lambda f: f.write_bytes(f.read_bytes().split(b"\n", 1)[0] + b"\n[]"),
    "one entry removed, header kept": lambda f: f.write_bytes(
        f.read_bytes().split(b"\n", 1)[0] + b"\n" + json.dumps(json.loads(f.read_bytes().split(b"\n", 1)[1])[1:]).encode()
    ),
    "entries of the wrong shape": lambda f: f.write_text('{"format": 1}\n[{"id": 1}]', encoding="utf-8"),
    "binary junk": lambda f: f.write_bytes(bytes(range(256))),
}

SNAPSHOT_DAMAGE = [
    lambda f: f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2]),  # truncated
    lambda f: f.write_bytes(bytes(range(256))),  # binary junk
    lambda f: f.write_bytes(f.read_bytes().split(b"\n", 1)[0] + b"\n"),  # header kept, payload gone
    lambda f: f.write_bytes(b""),  # empty
]


def test_damaged_legislation_cache_never_hides_findings(tmp_path):
    (tmp_path / "notes.md").write_text(OUTDATED + "The Sale of Goods Act 1979 and the Consumer Credit Act 1974.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    lint = ("lint", "notes.md", "--format", "json", "--as-of", "2024-06-01")
    env = {"QUALCLI_CACHE_DIR": str(cache)}
    clean = run(*lint, cwd=tmp_path, env=env)
    assert clean.code == 1 and len(json.loads(clean.stdout)) >= 2
    good = _cache_file(cache).read_bytes()
    (snapshot,) = cache.glob("legislation-built-*.bin")  # the table built from the copy, kept too
    good_snapshot = snapshot.read_bytes()
    for number, damage in enumerate(sorted(CACHE_DAMAGE)):  # each from good caches: one run per damage keeps the suite quick
        _cache_file(cache).write_bytes(good)
        CACHE_DAMAGE[damage](_cache_file(cache))
        snapshot.write_bytes(good_snapshot)
        SNAPSHOT_DAMAGE[number % len(SNAPSHOT_DAMAGE)](snapshot)  # so the damaged copy is read
        again = run(*lint, cwd=tmp_path, env=env)
        assert (again.code, again.stdout) == (clean.code, clean.stdout), (damage, again.stderr)
        assert "Traceback" not in again.stderr and "internal error" not in again.stderr
        assert _cache_file(cache).read_bytes() == good, damage  # rebuilt from the YAML
        assert snapshot.read_bytes() == good_snapshot, damage  # and the table built again and kept


def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    strip = lambda out: {k: v for k, v in json.loads(out).items() if k != "source"}  # noqa: E731
    plain = strip(run("parse", EXAMPLE, "--format", "json", cwd=tmp_path).stdout)
    for name, data in {
        "utf-16-le.txt": text.encode("utf-16"),
        "utf-16-be.txt": ("\ufeff" + text).encode("utf-16-be"),
        "utf-32.txt": text.encode("utf-32"),
    }.items():
        (tmp_path / name).write_bytes(data)
        result = run("parse", name, "--format", "json", cwd=tmp_path)
        assert result.code == 0, result.stderr
        assert strip(result.stdout) == plain, name


@pytest.mark.parametrize(("data", "fragments"), [
    ("Unit 201 reception\n".encode("utf-16-le"), ["UTF-16-LE", "byte-order mark"]),
    ("Unit 201 r\u00e9ception \u2013 caf\u00e9\n".encode("cp1252"), ["not UTF-8", "Windows-1252"]),
    (bytes(range(256)) * 4, ["binary data"]),
])
def test_undecodable_text_says_what_it_seems_to_be(tmp_path, data, fragments):
    path = tmp_path / "spec.txt"
    path.write_bytes(data)
    one_line_error(run("parse", path, cwd=tmp_path), "spec.txt", *fragments)


UNIT_XML = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<unit unitid="T_100_0001">
  <uan>T/100/0001</uan>
  <unitnumber>1</unitnumber>
  <title>Looking After Tools</title>
</unit>
"""


@pytest.mark.parametrize(("doctype", "fragment"), [
    ('<!DOCTYPE unit SYSTEM "file:///etc/passwd">', "file:///etc/passwd"),
    ('<!DOCTYPE unit PUBLIC "-//Example//DTD Unit//EN" "http://example.invalid/unit.dtd">', "unit.dtd"),
    ('<!DOCTYPE unit [<!ENTITY a "aaaa">]>', "entity"),
])
def test_xml_with_external_or_entity_doctype_is_refused(tmp_path, doctype, fragment):
    path = tmp_path / "unit.xml"
    path.write_text(UNIT_XML.format(doctype=doctype), encoding="utf-8")
    one_line_error(run("parse", path, cwd=tmp_path), "unit.xml", "XML refused", fragment)


def test_xml_with_a_bare_doctype_is_still_read(tmp_path):
    path = tmp_path / "unit.xml"
    path.write_text(UNIT_XML.format(doctype="<!DOCTYPE unit>"), encoding="utf-8")
    result = run("parse", path, cwd=tmp_path)
    assert "XML refused" not in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- validate


def test_validate_help_and_exit_code_agree(tmp_path):
    spec = tmp_path / "spec.yaml"
    assert run("parse", EXAMPLE, "-o", spec, cwd=tmp_path).code == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(spec.read_text(encoding="utf-8").replace("body: vtct", "body: 12", 1), encoding="utf-8")
    result = run("validate", broken, cwd=tmp_path)
    assert result.code == 2 and "body" in result.stdout
    help_text = " ".join(run("validate", "--help", cwd=tmp_path).stdout.split())
    assert "2 any file invalid" in help_text and "exit 1" not in help_text


def test_validate_on_a_source_document_points_to_parse(tmp_path):
    one_line_error(run("validate", EXAMPLE, cwd=tmp_path), EXAMPLE.name, "not a parsed spec", "qualcli parse")


# ---------------------------------------------------------------- benchmarks


def test_no_benchmark_writes_to_a_system_path():
    benchmarks = Path(__file__).resolve().parents[1] / "benchmarks"
    for script in benchmarks.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        assert "devnull" not in text.replace("subprocess.DEVNULL", ""), script.name
        assert '"/dev/' not in text and "'/dev/" not in text, script.name


def test_run_measures_the_child_not_the_tests(tmp_path):
    """The bounds above mean something: a small run is measured in MB and seconds, not zero."""
    result = run("plugins", cwd=tmp_path)
    assert result.code == 0 and 10 < result.peak_mb < PEAK_MB and 0 < result.cpu_seconds < CPU_SECONDS
