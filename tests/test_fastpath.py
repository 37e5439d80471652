"""The start-up fast path: plain ``legislation`` command lines answered without Typer, exactly as Typer answers them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qualcli.fastpath import COMMANDS, POSITIVE_INT, parse
from tests.support.inprocess import run_fast_path, run_in_process

TEXT = "under the Sale of Goods Act 1979 and COSHH 2002"


def typer_command(words: tuple[str, ...]):
    """The click command Typer builds for ``qualcli WORDS``."""
    import typer.main

    from qualcli.cli import app

    command = typer.main.get_command(app)
    for word in words:
        command = command.commands[word]
    return command


def value_check(param) -> object:
    """What the fast path must check of an option's value, read from the Typer option's type."""
    choices = getattr(param.type, "choices", None)
    if choices:
        return tuple(getattr(c, "value", c) for c in choices)
    if param.type.name in ("integer range", "int range"):
        assert (param.type.min, param.type.max) == (1, None)
        return POSITIVE_INT
    assert param.type.name in ("text", "str"), param.type
    return None


@pytest.mark.parametrize("words", sorted(COMMANDS), ids=" ".join)
def test_fast_command_lists_exactly_the_typer_commands_parameters(words):
    """Spellings, keywords, value checks and defaults of options and flags, and the arguments,
    agree with the Typer command's, so neither can drift."""
    fast, command = COMMANDS[words], typer_command(words)
    params = [p for p in command.params if "--help" not in p.opts]
    arguments = tuple(p.name + ("..." if p.nargs == -1 else "") for p in params if p.param_type_name == "argument")
    assert all(p.required for p in params if p.param_type_name == "argument")
    flags, options = {}, {}
    for param in params:
        if param.param_type_name != "option":
            continue
        if param.is_flag:
            flags.update({opt: (param.name, True) for opt in param.opts})
            flags.update({opt: (param.name, False) for opt in param.secondary_opts})
            assert fast.defaults.get(param.name, False) is param.default, param.name
        else:
            assert param.nargs == 1 and not param.multiple, param.name
            options.update({opt: (param.name, value_check(param)) for opt in param.opts})
            assert fast.defaults.get(param.name) == getattr(param.default, "value", param.default), param.name
    assert arguments == fast.arguments
    assert flags == fast.flags
    assert options == fast.options


ANSWERED = [
    ["legislation", "check", TEXT],
    ["legislation", "check", TEXT, "--as-of", "2001-01-01"],
    ["legislation", "check", "--as-of=2015-10-01", TEXT, "--jurisdiction", "S"],
    ["legislation", "check", "a text citing nothing"],
    ["legislation", "check", TEXT, "--as-of", "not-a-date"],
    ["legislation", "check", TEXT, "--config", "missing.toml"],
    ["legislation", "show", "SOGA"],
    ["legislation", "show", "SOGA", "--json", "--jurisdiction", "NI"],
    ["legislation", "show", "No Such Act 1800"],
    ["legislation", "list", "--as-of", "2010-01-01"],
    ["legislation", "list", "--rules"],
    ["legislation", "list", "--json", "--jurisdiction=W"],
]


EXAMPLE = str(Path(__file__).resolve().parents[1] / "examples" / "salon-reception-2019.txt")
PARSE_ANSWERED = [
    ["parse", EXAMPLE],
    ["parse", EXAMPLE, "-f", "json", "--no-cache"],
    ["parse", "--format=json", EXAMPLE, "--strict", "--explain-detection"],
    ["parse", EXAMPLE, "--body", "vtct"],
    ["parse", EXAMPLE, "--body", "nobody"],
    ["parse", EXAMPLE, "-o", "-"],
    ["parse", "missing.pdf"],
    ["parse", EXAMPLE, "-o", "no/such/folder/out.yaml"],
]


MATERIALS = str(Path(__file__).resolve().parent / "fixtures" / "lint")
LINT_ANSWERED = [
    ["lint", MATERIALS],
    ["lint", MATERIALS, "--format", "json", "--as-of", "2014-01-01", "--no-specs"],
    ["lint", EXAMPLE, MATERIALS, "-f", "sarif", "--fail-on", "error", "--jurisdiction=S"],
    ["lint", MATERIALS, "--jobs", "1", "--specs", "-f", "github"],
    ["lint", MATERIALS, "-o", "report.xml", "-f", "junit"],
    ["lint", MATERIALS, "--write-baseline", "baseline.json"],
    ["lint", "missing.md"],
    ["lint", MATERIALS, "--baseline", "missing.json"],
]


@pytest.mark.parametrize("args", ANSWERED + PARSE_ANSWERED + LINT_ANSWERED, ids=" ".join)
def test_fast_path_answers_as_typer_does(args, tmp_path):
    """Same stdout, stderr and exit code (including one-line errors and exit 2) either way."""
    fast = run_fast_path(*args, cwd=tmp_path)
    assert fast is not None, "the fast path should answer this command line"
    assert fast == run_in_process(*args, cwd=tmp_path)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_fast_parse_writes_the_same_file(fmt, tmp_path):
    out = tmp_path / f"spec.{fmt}"
    fast = run_fast_path("parse", EXAMPLE, "--format", fmt, "-o", str(out), cwd=tmp_path)
    written = out.read_bytes()
    out.unlink()
    assert fast == run_in_process("parse", EXAMPLE, "--format", fmt, "-o", str(out), cwd=tmp_path)
    assert out.read_bytes() == written and len(written) > 1000


def test_fast_path_reads_the_config_as_typer_does(tmp_path):
    """A qualcli.toml's jurisdiction and extra table entries apply on the fast path too."""
    (tmp_path / "qualcli.toml").write_text('[lint]\njurisdiction = "NI"\n', encoding="utf-8")
    args = ["legislation", "check", "under the Equality Act 2010"]
    fast = run_fast_path(*args, cwd=tmp_path)
    assert fast == run_in_process(*args, cwd=tmp_path)
    assert "QL008" in fast.stdout  # the Equality Act 2010 does not extend to Northern Ireland


@pytest.mark.parametrize("args", [
    ["legislation", "check"],  # missing argument: Typer's usage error
    ["legislation", "check", "a", "b"],  # one argument too many
    ["legislation", "check", TEXT, "--help"],
    ["legislation", "check", TEXT, "-h"],
    ["legislation", "check", TEXT, "--json"],  # not an option of check
    ["legislation", "check", TEXT, "--as-of"],  # missing value
    ["legislation", "check", TEXT, "--as-of", "--jurisdiction", "S"],
    ["legislation", "check", TEXT, "--as-of", "2001-01-01", "--as-of", "2002-01-01"],
    ["legislation", "check", TEXT, "--jurisdiction", "XX"],
    ["legislation", "check", "--", "-starts with a dash"],
    ["legislation", "show", "SOGA", "--json", "--json"],
    ["legislation", "show", "SOGA", "--json=yes"],
    ["legislation", "list", "extra"],
    ["legislation"],
    ["--version"],
    ["lint"],
    ["lint", "a.md", "--jobs", "0"],
    ["lint", "a.md", "--jobs", "two"],
    ["lint", "a.md", "--specs", "--no-specs"],
    ["lint", "a.md", "--fail-on", "never"],
    ["lint", "a.md", "--ignore", "QL001"],
    ["diff", "a.txt", "b.txt"],
    ["parse"],
    ["parse", "a.pdf", "b.pdf"],
    ["parse", "a.pdf", "-f", "xml"],
    ["parse", "a.pdf", "-f=json"],
    ["parse", "a.pdf", "-fjson"],
    ["parse", "a.pdf", "-o", "x.yaml", "--output", "y.yaml"],
    ["parse", "a.pdf", "--strict=yes"],
    ["parse", "a.pdf", "--body="],
], ids=" ".join)
def test_anything_not_plain_goes_to_typer(args):
    assert parse(args) is None


def test_fast_path_imports_no_typer(tmp_path):
    """The point of the fast path: ``legislation check`` never imports Typer (or click, inspect,
    dataclasses, typing, pathlib, nor re, enum or json) where no config file applies, once its caches are filled."""
    unwanted = ("typer", "inspect", "dataclasses", "typing", "pathlib", "re", "enum", "json")
    code = (
        "import sys\n"
        "from qualcli.fastpath import answer\n"
        f"code = answer(['legislation', 'check', {TEXT!r}])\n"
        f"print(code, sorted(m for m in {unwanted!r} if m in sys.modules))\n"
    )
    for _ in range(3):  # the first runs fill the caches (plugin entries, regex programs, then the built table)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.splitlines()[-1] == "1 []"


def test_fast_parse_imports_no_typer(tmp_path):
    code = (
        "import sys\n"
        "from qualcli.fastpath import answer\n"
        f"code = answer(['parse', {EXAMPLE!r}, '-o', 'out.yaml'])\n"
        "print(code, 'typer' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.splitlines()[-1] == "0 False"
    assert (tmp_path / "out.yaml").read_text(encoding="utf-8").startswith("source:")
