"""Config discovery: which pyproject.toml files are read as TOML, and what a broken one does."""

from __future__ import annotations

import pytest

from qualcli.config import find_config, load_config
from qualcli.errors import QualcliError


def test_a_pyproject_that_never_mentions_qualcli_is_passed_over_unparsed(tmp_path):
    """Even invalid TOML: it is not qualcli's file (reading every project's TOML would cost each short command)."""
    (tmp_path / "qualcli.toml").write_text("[lint]\njurisdiction = 'S'\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project\nname = 'broken", encoding="utf-8")
    assert find_config(project) == tmp_path / "qualcli.toml"
    assert load_config(project)["lint"] == {"jurisdiction": "S"}


def test_a_pyproject_naming_qualcli_elsewhere_is_read_and_passed_over(tmp_path):
    (tmp_path / "qualcli.toml").write_text("[lint]\njurisdiction = 'W'\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\ndependencies = ['qualcli']\n", encoding="utf-8")
    assert find_config(project) == tmp_path / "qualcli.toml"


@pytest.mark.parametrize("text", [
    "[tool.qualcli.lint]\njurisdiction = 'NI'\n",
    "[tool]\nqualcli = { lint = { jurisdiction = 'NI' } }\n",
    "tool.qualcli.lint.jurisdiction = 'NI'\n",
])
def test_every_toml_spelling_of_the_table_is_found(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert load_config(tmp_path)["lint"] == {"jurisdiction": "NI"}


def test_broken_toml_that_may_be_qualcli_config_is_a_one_line_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.qualcli.lint\njurisdiction = 'NI'\n", encoding="utf-8")
    with pytest.raises(QualcliError, match="invalid TOML") as raised:
        load_config(tmp_path)
    assert raised.value.path == str(tmp_path / "pyproject.toml")


def test_a_config_read_again_gives_the_same_table_and_an_edit_is_seen_at_once(tmp_path, monkeypatch):
    """The second read comes from the memo (no TOML parse); editing the file changes its key."""
    import tomllib

    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path / "cache"))
    parses = []
    parse = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parses.append(text) or parse(text))
    config = tmp_path / "qualcli.toml"
    config.write_text("[lint]\njurisdiction = 'S'\nexclude = ['drafts']\n", encoding="utf-8")
    first = load_config(tmp_path)
    assert load_config(tmp_path) == first and len(parses) == 1
    config.write_text("[lint]\njurisdiction = 'W'\n", encoding="utf-8")
    assert load_config(tmp_path)["lint"] == {"jurisdiction": "W"} and len(parses) == 2


def test_a_damaged_memo_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "qualcli.toml").write_text("[lint]\njurisdiction = 'S'\n", encoding="utf-8")
    load_config(tmp_path)
    for memo in (tmp_path / "cache" / "memo").iterdir():
        kept = memo.read_bytes()
        assert kept.count(b"S") == 1
        memo.write_bytes(kept.replace(b"S", b"W"))  # the payload no longer matches its hash
    assert load_config(tmp_path)["lint"] == {"jurisdiction": "S"}


def test_an_invalid_lint_table_is_refused_on_every_run(tmp_path, monkeypatch):
    """Only tables that passed the schema are remembered as valid."""
    from qualcli.lint.settings import lint_config

    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "qualcli.toml").write_text("[lint]\nfail-on = 'sometimes'\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(QualcliError, match=r"invalid \[lint\] settings"):
            lint_config(load_config(tmp_path))
    (tmp_path / "qualcli.toml").write_text("[lint]\nfail-on = 'info'\n", encoding="utf-8")
    for _ in range(2):
        assert lint_config(load_config(tmp_path)).fail_on == "info"
