"""CLI conventions: -h, --version, one metavar style, listed choices, examples in
every help, untruncated summaries, case-insensitive unit codes, and the README
documenting exactly the options the CLI has."""

from __future__ import annotations

import re

import pytest

from tests.conftest import EXAMPLES, REPO, assert_one_line_error, run_qualcli

METAVAR = re.compile(r"^(?:[A-Z][A-Z_]*(?: [A-Z][A-Z_]*)*(?:\.\.\.)?|\[[A-Za-z0-9-]+(?:\|[A-Za-z0-9-]+)+\])$")


def leaf_commands():
    """(["legislation", "list"], click command) for every runnable command."""
    import typer.main

    from qualcli.cli import app

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, [*path, name])
        else:
            yield path, cmd

    return list(walk(typer.main.get_command(app), []))


def all_commands():
    """Every command and group (with its path), the root included."""
    import typer.main

    from qualcli.cli import app

    out, todo = [], [([], typer.main.get_command(app))]
    while todo:
        path, cmd = todo.pop()
        out.append((path, cmd))
        todo.extend(([*path, name], sub) for name, sub in getattr(cmd, "commands", {}).items())
    return out


def test_version_lists_qualcli_and_each_plugin():
    from qualcli import __version__

    result = run_qualcli("--version")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"qualcli {__version__}"
    assert {line.split()[0] for line in lines[1:]} == {"cityandguilds", "pearson", "vtct"}
    assert all(line.split()[1] == __version__ for line in lines[1:])  # the four distributions move together


def test_h_is_help_everywhere_and_ends_with_examples():
    from typer.testing import CliRunner

    from qualcli.cli import app

    runner = CliRunner()
    assert run_qualcli("lint", "-h").stdout == run_qualcli("lint", "--help").stdout  # as users run it
    for path, _ in all_commands():
        short, long = runner.invoke(app, [*path, "-h"]), runner.invoke(app, [*path, "--help"])
        assert short.exit_code == 0 and short.stdout == long.stdout, path
        if path:
            assert "\n  Examples:\n" in short.stdout, path
            examples = [line for line in short.stdout.split("\n  Examples:\n", 1)[1].splitlines() if line.strip()]
            assert examples and all(f"{line} ".startswith(f"    qualcli {' '.join(path)} ") for line in examples), path


def test_one_metavar_style_and_choices_listed():
    for path, cmd in leaf_commands():
        for param in cmd.params:
            if getattr(param, "is_flag", False):
                continue
            assert param.metavar and METAVAR.match(param.metavar), (path, param.name, param.metavar)
            choices = getattr(param.type, "choices", None)
            if choices:
                assert param.metavar == "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    usage = run_qualcli("diff", "-h").stdout.splitlines()[0]
    assert usage == "Usage: qualcli diff [OPTIONS] OLD NEW"
    assert run_qualcli("show", "-h").stdout.splitlines()[0] == "Usage: qualcli show [OPTIONS] FILE [UNIT]"


def test_enumerated_options_reject_other_values_naming_the_choices(qualcli):
    result = qualcli("map", str(EXAMPLES / "salon-reception-2019.txt"), "--to", "criteria")
    assert_one_line_error(result, "--to", "units", "nos")
    assert_one_line_error(qualcli("legislation", "list", "--jurisdiction", "XX"), "--jurisdiction", "NI")


def test_top_level_help_lists_every_command_with_an_untruncated_summary():
    out = run_qualcli("--help").stdout
    listed = out.split("\nCommands:\n", 1)[1]
    rows = re.findall(r"^  (\S+)\s+(.*(?:\n {4,}\S.*)*)", listed, re.M)
    names = {name for name, _ in rows}
    assert names == {path[0] for path, _ in leaf_commands()}
    for _, summary in rows:
        text = " ".join(summary.split())
        assert not text.endswith("...") and text.endswith("."), text


def test_unit_codes_are_case_insensitive(qualcli):
    spec = EXAMPLES / "salon-reception-2019.txt"
    upper, lower = qualcli("show", spec, "SRX02"), qualcli("show", spec, "srx02")
    assert upper.code == lower.code == 0 and upper.stdout == lower.stdout and upper.stdout.startswith("SRX02:")
    explained = qualcli("map", spec, "--explain", "srx01", "Srx02")
    assert explained.code == 0 and explained.stdout.startswith("salon-reception-2019.txt:SRX01 ")
    missing = qualcli("show", spec, "SRX99")  # stderr also has the parse summary line
    errors = [line for line in missing.stderr.splitlines() if line.startswith("qualcli: error:")]
    assert missing.code == 2 and len(errors) == 1 and "no unit 'SRX99'" in errors[0] and "Traceback" not in missing.stderr


def test_no_body_plugin_installed_is_one_line_naming_the_install(monkeypatch):
    from qualcli import loading, plugins
    from qualcli.errors import NoParserInstalled, QualcliError

    bare = plugins.make_manager(load_entry_points=False)
    monkeypatch.setattr(plugins, "get_manager", lambda: bare)
    with pytest.raises(NoParserInstalled) as caught:
        loading.load_spec(EXAMPLES / "salon-reception-2019.txt")
    assert isinstance(caught.value, QualcliError) and "\n" not in str(caught.value)
    assert "no awarding-body plugin installed" in str(caught.value) and "pip install 'qualcli[all]'" in str(caught.value)


# ------------------------------------------------------------ README

def readme_synopsis(names: set[str]) -> dict[str, str]:
    """``{"lint": "PATH... [-f|--format ...] ..."}`` from the README's Commands block, for each line
    naming one of ``names`` (or a command the CLI does not have, under its first two words)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("\n## Commands\n", 1)[1].split("```", 2)[1]
    lines = {}
    for line in block.splitlines():
        words = line.split()
        if len(words) < 2 or words[0] != "qualcli" or words[1].startswith("-"):
            continue
        known = [n for n in names if f"{line} ".startswith(f"qualcli {n} ")]
        name = max(known, key=len) if known else " ".join(words[1:3])
        lines[name] = line[len(f"qualcli {name}"):]
    return lines


def readme_options(synopsis: str) -> dict[str, str]:
    """Option name -> value as the README writes it (``--format`` -> ``[text|json]``, ``--as-of`` -> ``DATE``)."""
    tokens = synopsis.replace("[", " ").replace("]", " ").split()
    options: dict[str, str] = {}
    current: list[str] = []
    for token in tokens:
        if token.startswith("-"):
            current = token.split("|")
            for name in current:
                options[name] = ""
        elif current:
            for name in current:
                value = f"{options[name]} {token.removesuffix('...')}".strip()
                options[name] = value
    return {name: (f"[{value}]" if "|" in value else value) for name, value in options.items()}


def test_readme_documents_every_option_of_every_command_and_no_other():
    commands = dict((" ".join(path), cmd) for path, cmd in leaf_commands())
    synopsis = readme_synopsis(set(commands))
    assert set(synopsis) == set(commands)
    for name, cmd in commands.items():
        documented = readme_options(synopsis[name])
        actual = {}
        for param in cmd.params:
            if param.param_type_name != "option":
                continue
            for opt in (*param.opts, *param.secondary_opts):
                actual[opt] = "" if getattr(param, "is_flag", False) else param.metavar
        assert documented == actual, name
    assert "qualcli --version | -h | --help" in (REPO / "README.md").read_text(encoding="utf-8")
