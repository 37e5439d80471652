"""The NOS catalogue and ``qualcli nos list|show``."""

from __future__ import annotations

import json

import pytest

from qualcli.nos.catalogue import build_catalogue, load_shipped, natural_key
from tests.conftest import assert_one_line_error, assert_valid

CORPUS_CODES = ["CFACSA1", "CFACSA2", "CFACSA4", "CFACSA7", "CFACSA8", "CFACSB1", "CFACSB2", "CFACSF2", "CFABAF174", "CFAM&LAA1"]


def test_shipped_catalogue_is_valid_and_has_unique_codes():
    data = load_shipped()
    assert_valid(data, "nos")
    codes = [s["code"] for s in data["standards"]]
    assert len(codes) == len(set(codes))
    suites = {s["id"] for s in data["suites"]}
    assert {s["suite"] for s in data["standards"]} <= suites


def test_catalogue_covers_every_code_the_corpus_names_and_group_a():
    cat = build_catalogue(load_shipped(), [])
    for code in CORPUS_CODES:
        assert cat.get(code) is not None, code
    group_a = [s.code for s in cat if s.code.startswith("CFACSA")]
    assert group_a == [f"CFACSA{n}" for n in range(1, 21)]  # natural order, complete


def test_unconfirmed_titles_say_so():
    cat = build_catalogue(load_shipped(), [])
    assert cat.get("CFACSA8").confidence == "confirmed"
    assert cat.get("CFACSB5").confidence == "inferred"
    assert cat.get("CFACSF2").confidence == "named-in-document"
    with_statements = [s for s in cat if s.performance or s.knowledge]
    assert with_statements and all(s.source and "http" in s.source for s in with_statements)  # each names its source


def test_lookup_is_case_insensitive_and_accepts_m_and_l_without_prefix():
    cat = build_catalogue(load_shipped(), [])
    assert cat.get("cfam&laa1").code == "CFAM&LAA1"
    assert cat.get("M&LDA4").code == "CFAM&LDA4"


def test_natural_order():
    assert sorted(["CFACSA10", "CFACSA2", "CFACSB1"], key=natural_key) == ["CFACSA2", "CFACSA10", "CFACSB1"]


def test_plugin_entries_extend_but_never_retitle():
    registered = [
        ("acme", {"code": "ZZXYZ1", "title": "Greet visitors", "suite": "Front of House", "year": "2020", "performance": ["You greet visitors promptly"]}),
        ("acme", {"code": "CFACSA8", "title": "Make the service personal", "suite": "Customer Service", "knowledge": ["Why names matter"]}),
        ("broken", {"code": "bad code!", "title": "x", "suite": "y"}),
    ]
    cat = build_catalogue(load_shipped(), registered)
    added = cat.get("ZZXYZ1")
    assert added.origin == "acme" and added.performance == ["You greet visitors promptly"]
    assert added.suite_label() == "Front of House (2020)"
    known = cat.get("CFACSA8")
    assert known.title == "Make customer service personal"
    assert known.aliases == ["Make the service personal"] and known.knowledge == ["Why names matter"]
    assert len(cat.warnings) == 1 and "broken" in cat.warnings[0]


def test_nos_list_cli(qualcli):
    result = qualcli("nos", "list", "--suite", "customer service")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("CFACSA1 ")
    assert any(line.startswith("CFACSB5") and "[inferred]" in line for line in lines)
    assert not any("CFAM&L" in line for line in lines)


def test_nos_list_json(qualcli):
    result = qualcli("nos", "list", "--json")
    assert result.code == 0
    entries = json.loads(result.stdout)
    assert {"CFAM&LAA1", "CFABAF174"} <= {e["code"] for e in entries}
    assert all(e["title"] and e["suite"] for e in entries)


@pytest.mark.parametrize("code", ["CFAM&LAA1", "cfacsf2"])
def test_nos_show_cli(qualcli, code):
    result = qualcli("nos", "show", code)
    assert result.code == 0
    assert result.stdout.splitlines()[0].upper().startswith(code.upper())


def test_nos_show_names_the_source_of_statements(qualcli):
    shown = qualcli("nos", "show", "cfacsb1").stdout
    assert "performance statements:" in shown and "knowledge statements:" in shown and "statements from: " in shown
    assert "statements: not in the catalogue" in qualcli("nos", "show", "CFACSA8").stdout
    data = json.loads(qualcli("nos", "show", "CFACSB1", "--json").stdout)
    assert data["source"].startswith("OCR") and len(data["performance"]) == 5


def test_nos_show_unknown_code_is_one_line_error(qualcli):
    assert_one_line_error(qualcli("nos", "show", "CFACSZ99"), "CFACSZ99", "catalogue")


def test_plugin_registered_through_the_hook_reaches_the_catalogue():
    import types

    from qualcli.hookspecs import hookimpl
    from qualcli.plugins import collect, make_manager

    entry = {"code": "CFACSC1", "title": "An invented standard", "suite": "Customer Service", "year": 2013}
    pm = make_manager(load_entry_points=False)
    pm.register(types.SimpleNamespace(register_nos=hookimpl(lambda register: register(entry))), name="demo")
    cat = build_catalogue(load_shipped(), collect("register_nos", pm))
    assert cat.get("cfacsc1").origin == "demo"
