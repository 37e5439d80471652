"""Config discovery: which pyproject.toml files are read as TOML, and what a broken one does."""

from __future__ import annotations

import pytest

from qualcli.config import find_config, load_config
from qualcli.errors import QualcliError


def test_a_pyproject_that_never_mentions_qualcli_is_passed_over_unread(tmp_path):
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
