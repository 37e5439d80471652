"""The start-up fast path: plain ``legislation`` command lines answered without Typer, exactly as Typer answers them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qualcli.fastpath import COMMANDS, parse
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


@pytest.mark.parametrize("words", sorted(COMMANDS), ids=" ".join)
def test_fast_command_lists_exactly_the_typer_commands_parameters(words):
    """Spellings, keywords, choices and defaults of options and flags, and the arguments, agree with
    the Typer command's, so neither can drift."""
    fast, command = COMMANDS[words], typer_command(words)
    params = [p for p in command.params if "--help" not in p.opts]
    arguments = tuple(p.name for p in params if p.param_type_name == "argument")
    flags = {opt: p.name for p in params if getattr(p, "is_flag", False) for opt in p.opts}
    options = {opt: p for p in params if p.param_type_name == "option" and not p.is_flag for opt in p.opts}
    assert arguments == fast.arguments
    assert flags == fast.flags
    assert set(options) == set(fast.options)
    for spelling, param in options.items():
        assert param.nargs == 1 and not param.multiple, spelling
        choices = getattr(param.type, "choices", None)
        expected = tuple(getattr(c, "value", c) for c in choices) if choices else None
        assert fast.options[spelling] == (param.name, expected), spelling
        assert fast.defaults.get(param.name) == getattr(param.default, "value", param.default), spelling
    for param in params:
        if getattr(param, "is_flag", False):
            assert param.default is False, param.name


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


@pytest.mark.parametrize("args", ANSWERED + PARSE_ANSWERED, ids=" ".join)
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
    ["lint", "file.md"],
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
    dataclasses, typing, pathlib) where no config file applies, once its caches are filled."""
    code = (
        "import sys\n"
        "from qualcli.fastpath import answer\n"
        f"code = answer(['legislation', 'check', {TEXT!r}])\n"
        "print(code, sorted(m for m in ('typer', 'inspect', 'dataclasses', 'typing', 'pathlib') if m in sys.modules))\n"
    )
    for _ in range(2):  # the first run may fill the caches (the table's copy, the plugins' entries)
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
