"""Property-based tests (hypothesis): whatever the bytes, qualcli answers 0 or 2, never with a bug.

Three kinds of input go through the CLI, in-process (so hundreds of cases
stay quick): random bytes under every suffix a reader handles, real files of
every format cut short or with bytes changed, and parsed specs with random
values put anywhere in them. The property: exit 0, or exit 2 with exactly one
error line that is not an "internal error" (the catch-all for bugs) and no
traceback. ``max_examples`` is kept modest so that the module runs in well
under a minute.
"""

from __future__ import annotations

import io
import json
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, FIXTURES
from tests.support.inprocess import run_in_process

SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".txt", ".md", ".html", ".docx", ".pptx", ".pdf", ".xml", ".yaml", ".json"]
EXAMPLE = EXAMPLES / "salon-reception-2016.txt"


def cli(*args) -> tuple[int, str, str]:
    """Run ``qualcli ARGS`` in this process; (exit code, stdout, stderr)."""
    result = run_in_process(*args)
    return result.code, result.stdout, result.stderr


def assert_handled(code: int, stderr: str) -> None:
    """Exit 0, or exit 2 with one error line that is not a bug."""
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert code in (0, 2), (code, stderr)
    if code == 2:
        errors = [line for line in stderr.splitlines() if line.strip() and "warning:" not in line]
        assert len(errors) == 1, stderr


def run_on(name: str, data: bytes, *commands: str) -> None:
    """Write ``data`` as ``name`` in a fresh folder and run each command on it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for command in commands:
            extra = ["-o", Path(folder) / "out"] if command == "parse" else []
            code, _, stderr = cli(command, path, *extra)
            assert_handled(code, stderr)
            assert path.read_bytes() == data  # the input is never touched


@SETTINGS
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(min_size=1, max_size=3000))
def test_random_bytes_under_any_suffix(suffix, data):
    run_on(f"input{suffix}", data, "parse")


@SETTINGS
@given(suffix=st.sampled_from(SUFFIXES), text=st.text(max_size=1500))
def test_random_text_under_any_suffix(suffix, text):
    run_on(f"input{suffix}", text.encode("utf-8"), "parse")


@cache
def real_files() -> dict[str, bytes]:
    """One good file of every format, built here from our own fixtures."""
    from tests.support.render import text_to_docx, text_to_pdf

    text = EXAMPLE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        files = {
            "spec.txt": EXAMPLE.read_bytes(),
            "sample.html": (FIXTURES / "readers" / "sample.html").read_bytes(),
            "spec.docx": text_to_docx(text, folder / "spec.docx").read_bytes(),
            "spec.pdf": text_to_pdf(text[:4000], folder / "spec.pdf").read_bytes(),
            "deck.pptx": _pptx(folder / "deck.pptx").read_bytes(),
            "unit.xml": _unit_xml(),
        }
        for fmt in ("yaml", "json"):
            code, _, stderr = cli("parse", EXAMPLE, "--format", fmt, "-o", folder / f"spec.{fmt}")
            assert code == 0, stderr
            files[f"spec.{fmt}"] = (folder / f"spec.{fmt}").read_bytes()
    return files


def _pptx(path: Path) -> Path:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Client records"
    slide.placeholders[1].text = "Keep records under the Data Protection Act 1998\nCheck them each term"
    slide.notes_slide.notes_text_frame.text = "Ask about the Consumer Rights Act 2015."
    deck.save(path)
    return path


def _unit_xml() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<unit unitid="T_100_0001">\n  <uan>T/100/0001</uan>\n'
        "  <unitnumber>1</unitnumber>\n  <title>Looking After Tools</title>\n"
        "  <learningaim><code>A</code><title>Understand how tools are kept</title></learningaim>\n</unit>\n"
    ).encode("utf-8")


@SETTINGS
@given(
    name=st.sampled_from(sorted(["spec.txt", "sample.html", "spec.docx", "spec.pdf", "deck.pptx", "unit.xml", "spec.yaml", "spec.json"])),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.tuples(st.floats(min_value=0.0, max_value=0.999), st.integers(0, 255)), max_size=4),
)
def test_real_files_cut_short_or_damaged(name, cut, flips):
    data = bytearray(real_files()[name])
    for where, value in flips:
        data[int(where * len(data))] = value
    data = bytes(data[: max(1, int(cut * len(data)))])
    commands = ("parse", "validate") if name.endswith((".yaml", ".json")) else ("parse",)
    run_on(name, data, *commands)


JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=40),
    st.lists(st.text(max_size=10), max_size=3), st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
)


def _paths(value, prefix=()):
    """Every path into nested dicts/lists (the root excluded)."""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield (*prefix, key)
        yield from _paths(child, (*prefix, key))


@cache
def parsed_example() -> dict:
    return json.loads(real_files()["spec.json"])


@SETTINGS
@given(data=st.data(), fmt=st.sampled_from(["yaml", "json"]))
def test_parsed_spec_with_random_values(data, fmt):
    spec = json.loads(json.dumps(parsed_example()))
    paths = list(_paths(spec))
    for path in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3), label="paths"):
        holder = spec
        try:
            for key in path[:-1]:
                holder = holder[key]
            holder[path[-1]] = data.draw(JUNK, label=f"value at {path}")
        except (KeyError, IndexError, TypeError):  # an earlier change removed the way there
            continue
    if fmt == "json":
        text = json.dumps(spec, ensure_ascii=False, allow_nan=True)
    else:
        from ruamel.yaml import YAML

        yaml, buffer = YAML(typ="safe", pure=True), io.StringIO()
        yaml.dump(spec, buffer)
        text = buffer.getvalue()
    run_on(f"spec.{fmt}", text.encode("utf-8"), "validate", "show")


@pytest.mark.parametrize("name", ["spec.yaml", "spec.json"])
def test_the_property_holds_for_the_unchanged_spec(name):
    """The harness itself: an untouched spec validates and shows with exit 0."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(real_files()[name])
        for command in ("validate", "show"):
            code, stdout, stderr = cli(command, path)
            assert code == 0, stderr
        assert stdout.strip()
