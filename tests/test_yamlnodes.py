"""The YAML writer's representer and resolver give what ruamel's safe ones give: the bytes are the same."""

from __future__ import annotations

import io

from ruamel.yaml import YAML

from qualcli.yamlnodes import PlainRepresenter, PlainResolver

TREE = {
    "title": "Level 2 Certificate: nails & hands",
    "empty": "",
    "quoted": ["yes", "no", "null", "1.5", "007", "- dash", "key: value", "#hash", "  padded  ", "trailing space "],
    "multiline": "first line\nsecond line\n",
    "unicode": "café – “quoted” — ½",
    "numbers": [0, -3, 12, 2**40],
    "floats": [1.5, 0.0, -2.25],
    "flags": [True, False],
    "none": None,
    "nested": {"inner": [{"a": 1, "b": [], "c": {}}, [], {}], "long": "word " * 40},
    "tuple-like": [[1, 2], ["x", None]],
}


def _dump(tree, representer=None, sort=False) -> str:
    yaml = YAML(typ="safe")
    if representer is not None:
        yaml.Representer, yaml.Resolver = representer, PlainResolver
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = sort
    yaml.allow_unicode = True
    yaml.width = 100
    if representer is None:  # ruamel's own, made once the settings above are in place
        yaml.representer.ignore_aliases = lambda data: True
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    return buffer.getvalue()


def test_same_bytes_as_ruamels_safe_representer():
    assert _dump(TREE, PlainRepresenter) == _dump(TREE)


def test_same_bytes_with_sorted_keys():
    assert _dump(TREE, PlainRepresenter, sort=True) == _dump(TREE, sort=True)


def test_shared_values_are_written_twice_not_as_anchors():
    shared = {"code": "A1"}
    text = _dump({"first": shared, "second": shared, "list": [shared, shared]}, PlainRepresenter)
    assert "&" not in text and "*" not in text
    assert text.count("code: A1") == 4
