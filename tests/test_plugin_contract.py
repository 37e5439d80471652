"""The plugin contract: hooks through pluggy, the public API, broken plugins, detection, documentation."""

from __future__ import annotations

import ast
import inspect
import json
import os
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest

from qualcli import api, hookspecs
from qualcli.api import Confidence, SpecDocument, Unit, hookimpl
from qualcli.detection import detect
from qualcli.errors import UnrecognisedDocument
from qualcli.loading import load_spec, read_source
from qualcli.plugins import PluginError, describe, get_manager, make_manager, problems, registered_parsers
from qualcli.testing import registered_plugin
from tests.conftest import REPO, Result, assert_one_line_error


class _LineParser:
    """A parser for documents whose first line is ``MARK``; parses one unit per 'Unit CODE title' line."""

    formats = ("txt",)

    def __init__(self, name: str, mark: str, score: float = 0.9, units_only: bool = False):
        self.name = self.body = name
        self.mark, self.score, self.units_only = mark, score, units_only

    def confidence(self, source):
        first = source.lines[0].text if source.lines else ""
        return Confidence(self.score, f"first line is {self.mark}") if first == self.mark else Confidence(0.0, "no mark")

    def parse(self, source):
        doc = SpecDocument()
        for line in source.lines:
            if line.text.startswith("Unit ") and not self.units_only:
                doc.units.append(Unit(code=line.text.split()[1], title=line.text.split(" ", 2)[2], line=line.number))
        return doc


def _plugin(**hooks) -> types.SimpleNamespace:
    return types.SimpleNamespace(**{name: hookimpl(function) for name, function in hooks.items()})


# --- hooks through pluggy ---------------------------------------------------------------------


def test_a_misspelt_hook_is_reported_and_stops_commands(tmp_path):
    spec = tmp_path / "a.txt"
    spec.write_text("MARK\nUnit U1 One\n", encoding="utf-8")
    misspelt = _plugin(register_parser=lambda register: register(_LineParser("demo", "MARK")))
    with registered_plugin(misspelt, name="misspelt"):
        with pytest.raises(PluginError, match="plugin 'misspelt' implements unknown hook 'register_parser'"):
            load_spec(spec)
        (info,) = [i for i in describe() if i.name == "misspelt"]
        assert info.problems and "register_parser" in info.problems[0]
    assert problems(get_manager()) == []  # gone with the plugin


def test_make_manager_runs_check_pending(monkeypatch):
    called = []
    original = make_manager.__globals__["PluginManager"].check_pending
    monkeypatch.setattr(make_manager.__globals__["PluginManager"], "check_pending",
                        lambda self: called.append(True) or original(self))
    make_manager(load_entry_points=False)
    assert called == [True]


def test_objects_are_attributed_to_the_plugin_that_registered_them():
    one = _plugin(register_parsers=lambda register: register(_LineParser("p-one", "ONE")))
    two = _plugin(register_parsers=lambda register: register(_LineParser("p-two", "TWO")))
    with registered_plugin(one, name="zz-one"), registered_plugin(two, name="aa-two"):
        found = [(plugin, parser.name) for plugin, parser in registered_parsers() if parser.name.startswith("p-")]
    assert found == [("aa-two", "p-two"), ("zz-one", "p-one")]  # plugins by name


def test_bad_entries_are_skipped_with_a_warning_naming_the_plugin(tmp_path, capsys):
    spec = tmp_path / "a.txt"
    spec.write_text("MARK\nUnit U1 One\n", encoding="utf-8")

    def register_parsers(register):
        register(object())  # not a parser
        register(_LineParser("good", "MARK"))

    def register_readers(register):
        raise RuntimeError("reader module missing")

    with registered_plugin(_plugin(register_parsers=register_parsers, register_readers=register_readers), name="shaky"):
        doc = load_spec(spec)
    assert [u.code for u in doc.units] == ["U1"] and doc.source.plugin == "good"
    err = capsys.readouterr().err
    assert "plugin 'shaky': parsers entry skipped: a parser needs name, body, formats" in err
    assert "plugin 'shaky': register_readers failed: RuntimeError: reader module missing" in err


def test_a_bad_legislation_entry_does_not_break_legislation_checks(monkeypatch, capsys):
    from qualcli.legislation import table

    table.shipped.cache_clear()
    bad = _plugin(register_legislation=lambda register: register({"id": "Not An Id", "title": "x"}))
    try:
        with registered_plugin(bad, name="badlaw"):
            found = table.shipped_table()
        assert found.get("data-protection-act-2018") is not None
        assert "plugin 'badlaw': legislation entry skipped" in capsys.readouterr().err
    finally:
        table.shipped.cache_clear()


# --- the public API -----------------------------------------------------------------------------


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports (at any depth, relative imports resolved to their package)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def test_plugins_import_only_the_api_and_the_parsing_helpers():
    allowed = ("qualcli.api", "qualcli.parsing")
    sources = sorted(REPO.glob("plugins/*/src/**/*.py"))
    assert len(sources) > 20
    offending = [f"{path.relative_to(REPO)}: {name}" for path in sources for name in _imports(path)
                 if (name == "qualcli" or name.startswith("qualcli.")) and not name.startswith(allowed)]
    assert offending == []


def test_api_names_what_plugins_build_and_the_entry_shapes_follow_the_schemas():
    from qualcli import model

    built = {name for name, obj in vars(model).items() if inspect.isclass(obj) and obj.__module__ == model.__name__}
    built -= {"Source", "UnitText", "Diagnostics", "Problem"}  # core sets the source and diagnostics, and walks prose
    assert built <= set(api.__all__)
    schemas = REPO / "schemas"
    legislation = json.loads((schemas / "legislation.schema.json").read_text(encoding="utf-8"))["$defs"]
    nos = json.loads((schemas / "nos.schema.json").read_text(encoding="utf-8"))["$defs"]
    for typed, schema in ((api.LegislationEntry, legislation["instrument"]), (api.StatusChange, legislation["change"]),
                          (api.InstrumentPart, legislation["part"]), (api.NosEntry, nos["standard"])):
        assert set(typing.get_type_hints(typed)) == set(schema["properties"]), typed.__name__
        assert typed.__required_keys__ == set(schema["required"]), typed.__name__


def test_the_shipped_parsers_and_readers_follow_the_protocols():
    pm = get_manager()
    assert all(isinstance(parser, api.Parser) for _, parser in registered_parsers(pm))
    from qualcli.plugins import readers

    assert all(isinstance(reader, api.Reader) for reader in readers(pm).values())


def test_only_core_sets_source_body_and_the_plugin_version(corpus):
    doc = load_spec(corpus / "specs" / "vtct-cs2d1-l2-diploma-customer-service.txt")
    from importlib.metadata import version

    assert (doc.body, doc.source.body, doc.source.plugin) == ("vtct", "vtct", "vtct")
    assert doc.source.plugin_version == version("qualcli-vtct")


# --- detection ----------------------------------------------------------------------------------


def test_core_breaks_a_tie_by_what_each_parser_structures_and_says_why(tmp_path):
    spec = tmp_path / "a.txt"
    spec.write_text("MARK\nUnit U1 One\nUnit U2 Two\n", encoding="utf-8")
    poor, rich = _LineParser("aa-poor", "MARK", 0.8, units_only=True), _LineParser("zz-rich", "MARK", 0.8)
    found = detect(read_source(spec), [("p1", rich), ("p2", poor)])
    assert found.chosen.parser is rich
    assert "tie at 0.80 between aa-poor, zz-rich; it structures the most" in found.why
    assert found.explain()[-1].startswith("chose zz-rich: tie at 0.80")


def test_highest_score_wins_and_an_unrecognised_document_lists_every_answer(tmp_path):
    spec = tmp_path / "a.txt"
    spec.write_text("MARK\nUnit U1 One\n", encoding="utf-8")
    high, low = _LineParser("high", "MARK", 0.9), _LineParser("low", "MARK", 0.5)
    found = detect(read_source(spec), [("p", low), ("p", high)])
    assert found.chosen.parser is high and found.why == "highest score 0.90, next low 0.50"
    other = tmp_path / "b.txt"
    other.write_text("Dear colleague\n", encoding="utf-8")
    with registered_plugin(_plugin(register_parsers=lambda register: register(high)), name="demo"):
        with pytest.raises(UnrecognisedDocument, match=r"high 0\.00 \(no mark\)"):
            load_spec(other)


def test_parse_explains_detection(qualcli, corpus):
    result = qualcli("parse", corpus / "specs" / "cityandguilds-4417-customer-service-v2.8.txt", "--explain-detection")
    assert result.code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if ": detection: " in line]
    asked = [p for _, p in registered_parsers() if "txt" in p.formats]
    assert len(lines) == len(asked) + 1  # one line per parser asked, then the decision
    assert ": detection: cityandguilds (cityandguilds, body cityandguilds): 0.95 — " in lines[0]
    assert ": detection: chose cityandguilds: highest score 0.95, next " in lines[-1]


# --- the plugin-author guide and the README example ----------------------------------------------


def test_plugin_hooks_are_documented():
    guide = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    specs = [name for name, obj in vars(hookspecs).items() if hasattr(obj, "qualcli_spec")]
    assert specs == ["register_parsers", "register_readers", "register_nos", "register_legislation"]
    for name in specs:
        signature = f"{name}{inspect.signature(getattr(hookspecs, name))}"
        assert f"### `{signature}`" in guide, f"docs/plugins.md does not document {signature}"


def test_the_readme_plugin_example_is_a_working_awarding_body_typed_against_the_api(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    source = readme.split("```python\n", 1)[1].split("```", 1)[0]
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert imported == {"qualcli.api", "qualcli.parsing.prepare"}
    plugin = types.ModuleType("qualcli_ncfe")
    exec(compile(source, "README.md", "exec"), plugin.__dict__)
    parser = plugin.NcfeParser()
    assert isinstance(parser, api.Parser)
    assert typing.get_type_hints(parser.confidence, plugin.__dict__) == {"source": api.SourceText, "return": api.Confidence}
    assert typing.get_type_hints(parser.parse, plugin.__dict__) == {"source": api.SourceText, "return": api.SpecDocument}
    spec = tmp_path / "ncfe.txt"
    spec.write_text(
        "NCFE Level 1 Award in Shop Skills\n\nUnit 01: Stock the shelves\nLO1 Know how to rotate stock\n"
        "1.1 Explain first in, first out\n1.2 Check dates on\nchilled goods\n\nThank you for reading.\n",
        encoding="utf-8",
    )
    with registered_plugin(plugin, name="qualcli_ncfe"):
        doc = load_spec(spec)
    from qualcli.testing import assert_valid_spec

    assert_valid_spec(doc)
    assert (doc.body, doc.source.plugin) == ("ncfe", "ncfe")
    (unit,) = doc.units
    assert (unit.code, unit.title) == ("01", "Stock the shelves")
    assert [(c.ref, c.text) for c in unit.learning_outcomes[0].criteria] == [
        ("1.1", "Explain first in, first out"),
        ("1.2", "Check dates on chilled goods"),
    ]
    assert [u.text for u in doc.unstructured] == ["NCFE Level 1 Award in Shop Skills", "Thank you for reading."]


# --- import graph -------------------------------------------------------------------------------


def _module_graph() -> dict[str, set[str]]:
    """qualcli module -> the qualcli modules it imports anywhere in its code."""
    root = REPO / "src"
    modules = {}
    for path in sorted((root / "qualcli").rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names}
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def test_src_qualcli_has_no_import_cycles():
    graph = _module_graph()
    assert {"qualcli.loading", "qualcli.specfile"} <= set(graph)
    cycles, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


# --- installed plugins: entry points, versions, start-up -----------------------------------------


def _installed_plugin(folder: Path, module: str, version: str, body: str) -> None:
    """A distribution installed into ``folder`` (a sys.path entry) with a ``qualcli`` entry point."""
    dist = folder / f"{module}-{version}.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: {version}\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[qualcli]\n{module} = {module}\n", encoding="utf-8")
    (folder / f"{module}.py").write_text(body, encoding="utf-8")


def _run(args: list[str], pythonpath: Path, cache: Path, *code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath), "QUALCLI_CACHE_DIR": str(cache)}
    argv = [sys.executable, *code] if code else [sys.executable, "-m", "qualcli", *map(str, args)]
    return subprocess.run(argv, capture_output=True, text=True, env=env)


def test_installed_plugins_that_break_the_hook_contract_are_listed_and_stop_commands(tmp_path):
    site = tmp_path / "site"
    _installed_plugin(site, "qualcli_typo", "2.0.1", "from qualcli.api import hookimpl\n\n\n@hookimpl\n"
                                                      "def register_parser(register):\n    pass\n")
    spec = tmp_path / "a.txt"
    spec.write_text("Unit 1\n", encoding="utf-8")
    listed = _run(["plugins"], site, tmp_path / "cache")
    assert listed.returncode == 2
    assert "qualcli_typo 2.0.1 [plugin]" in listed.stdout
    assert "problem: plugin 'qualcli_typo' implements unknown hook 'register_parser'" in listed.stdout
    parsed = _run(["parse", spec], site, tmp_path / "cache")
    assert_one_line_error(Result(parsed.returncode, parsed.stdout, parsed.stderr),
                          "plugin 'qualcli_typo' implements unknown hook 'register_parser'")
    _installed_plugin(site, "qualcli_args", "1.0", "from qualcli.api import hookimpl\n\n\n@hookimpl\n"
                                                   "def register_nos(add):\n    pass\n")
    checked = _run(["legislation", "check", "the Equality Act 2010"], site, tmp_path / "cache")
    assert_one_line_error(Result(checked.returncode, checked.stdout, checked.stderr),
                          "plugin 'qualcli_args'", "register_nos", "add", "(and 1 more")


def test_an_installed_plugin_gets_its_distribution_version_and_a_broken_one_is_skipped(tmp_path):
    site = tmp_path / "site"
    _installed_plugin(site, "qualcli_demo", "3.1.4", (
        "from qualcli.api import Confidence, SpecDocument, Unit, hookimpl\n\n\n"
        "class DemoParser:\n    name = body = 'demo'\n    formats = ('txt',)\n\n"
        "    def confidence(self, source):\n        return Confidence(0.9 if source.lines[0].text == 'DEMO' else 0.0, 'DEMO line')\n\n"
        "    def parse(self, source):\n        return SpecDocument(units=[Unit(code='D1', title='Demo')])\n\n\n"
        "@hookimpl\ndef register_parsers(register):\n    register(DemoParser())\n"))
    _installed_plugin(site, "qualcli_broken", "0.1", "raise ImportError('missing dependency')\n")
    spec = tmp_path / "demo.txt"
    spec.write_text("DEMO\n", encoding="utf-8")
    result = _run(["parse", spec, "--format", "json"], site, tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"]["plugin_version"] == "3.1.4"
    assert "warning: plugin 'qualcli_broken' failed to load: ImportError: missing dependency" in result.stderr


def test_start_up_of_a_command_without_parsers_loads_no_parser_and_no_distribution_scan(tmp_path):
    probe = (  # printed at exit: the entry point ends the process itself, after the atexit handlers
        "import atexit, sys, runpy; sys.argv = ['qualcli', 'legislation', 'check', 'the Data Protection Act 1998']\n"
        "watched = ('importlib.metadata', 'pluggy', 'qualcli_vtct.parser', 'qualcli_cityandguilds.handbook',\n"
        "           'qualcli_pearson.specialist.parser', 'qualcli.readers.pdf', 'qualcli.readers.docx')\n"
        "atexit.register(lambda: print(sorted(m for m in watched if m in sys.modules)))\n"
        "runpy.run_module('qualcli', run_name='__main__')\n"
    )
    cache = tmp_path / "cache"
    first = _run([], REPO / "src", cache, "-c", probe)  # scans once and caches the plugin list
    assert "importlib.metadata" in first.stdout and "qualcli_vtct.parser" not in first.stdout
    second = _run([], REPO / "src", cache, "-c", probe)
    assert second.stdout.strip().splitlines()[-1] == "[]", second.stdout + second.stderr


def test_cached_plugin_legislation_entries_follow_the_plugins_files(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    body = ("from qualcli.api import hookimpl\n\n\n@hookimpl\ndef register_legislation(register):\n"
            "    register({'id': 'salon-hygiene-act-2030', 'title': 'Salon Hygiene Act 2030', 'year': 2030,\n"
            "              'kind': 'act', 'jurisdiction': 'GB', 'source': 'https://example.org/sha'%s})\n")
    _installed_plugin(site, "qualcli_law", "1.0", body % "")
    args = ["legislation", "show", "salon-hygiene-act-2030", "--as-of", "2032-01-01"]
    check = ["legislation", "check", "under the Salon Hygiene Act 2030", "--as-of", "2032-01-01"]
    first, second = _run(args, site, cache), _run(args, site, cache)  # the second reads the cached entries
    assert [p.name for p in cache.iterdir() if p.name.startswith("hook-register_legislation")]
    assert first.returncode == second.returncode == 0 and first.stdout == second.stdout
    assert "Salon Hygiene Act 2030" in first.stdout and "repealed" not in first.stdout
    checked = [_run(check, site, cache) for _ in range(2)]  # the second from the kept table and finder
    assert list(cache.glob("legislation-built-*.bin"))
    assert [(run.returncode, run.stdout) for run in checked] == [(0, "Salon Hygiene Act 2030: current (salon-hygiene-act-2030)\n")] * 2
    (site / "qualcli_law.py").write_text(body % ", 'changes': [{'date': '2031-01-01', 'status': 'repealed'}]",
                                         encoding="utf-8")
    edited = _run(args, site, cache)
    assert edited.returncode == 0 and "repealed" in edited.stdout, edited.stdout + edited.stderr
    rechecked = _run(check, site, cache)
    assert rechecked.returncode == 1 and "QL002" in rechecked.stdout, rechecked.stdout + rechecked.stderr


def test_a_plugin_that_fails_to_load_is_reported_on_every_check_and_nothing_is_kept_for_it(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _installed_plugin(site, "qualcli_broken", "1.0", "raise ImportError('a module it needs is missing')\n")
    runs = [_run(["legislation", "check", "the Sale of Goods Act 1979"], site, cache) for _ in range(3)]
    for run in runs:
        assert run.returncode == 1 and "Sale of Goods Act 1979: QL001" in run.stdout
        assert "plugin 'qualcli_broken' failed to load" in run.stderr, run.stderr
    assert not list(cache.glob("legislation-built-*")) and not list(cache.glob("hook-*"))


def test_the_cached_plugin_list_is_refreshed_when_a_distribution_is_installed(tmp_path, monkeypatch):
    from qualcli import plugin_index

    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = [ep.name for ep in plugin_index.installed_plugins()]
    assert "qualcli_late" not in before and before == [ep.name for ep in plugin_index.installed_plugins()]
    key = plugin_index.environment_key()
    (site / "notes.txt").write_text("a file written beside the distributions changes nothing", encoding="utf-8")
    assert plugin_index.environment_key() == key
    _installed_plugin(site, "qualcli_late", "1.0", "")
    installed = plugin_index.environment_key()
    assert installed != key
    assert "qualcli_late" in [ep.name for ep in plugin_index.installed_plugins()]
    dist = site / "qualcli_late-1.0.dist-info"
    os.utime(dist, ns=(os.stat(dist).st_atime_ns, os.stat(dist).st_mtime_ns + 1_000_000_000))  # reinstalled
    assert plugin_index.environment_key() != installed


def test_a_damaged_plugin_list_cache_is_scanned_again(tmp_path, monkeypatch):
    from qualcli import plugin_index
    from qualcli.cachedir import write_kept

    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path / "cache"))
    expected = plugin_index.installed_plugins()
    (cached,) = (tmp_path / "cache").glob("plugins-*.bin")
    key = plugin_index.environment_key()
    good = cached.read_bytes()
    damaged = [b"not kept data", good[:-3], good.replace(b"qualcli", b"qualcla")]  # garbage, cut short, edited
    for shape in ([(1, None)], [("x", "os; rm", None, None)], "plugins", [("x",)]):  # well kept, wrong shape
        write_kept(str(cached), key, shape)
        damaged.append(cached.read_bytes())
    for data in damaged:
        cached.write_bytes(data)
        assert plugin_index.installed_plugins() == expected
