"""The YAML writer's representer and resolver give what ruamel's safe ones give: the bytes are the same."""

from __future__ import annotations

import io

from ruamel.yaml import YAML

from qualcli.yamlnodes import PlainRepresenter, PlainResolver

TREE = {
    "title": "Level 2 Certificate: nails & hands",
    "empty": "",
    "quoted": ["yes", "no", "null", "1.5", "007", "- dash", "key: value", "#hash", "  padded  ", "trailing space "],
    "number-like": ["2", "-3", "+7", "0x1F", "0o17", "1e3", ".inf", "-.5", "~", "true", "False", "2010-08-01", "=", "<<", "1_000"],
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


def test_the_c_emitters_resolver_answers_as_ruamels():
    """With the C emitter, the representer's ``resolve`` is the one asked: the same tags as ruamel's resolver."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.resolver import Resolver

    class Dumper(PlainRepresenter, Resolver):  # the order ruamel builds its C dumper in
        pass

    ours, theirs = Dumper(), Resolver()
    values = ["", "text", *TREE["quoted"], *TREE["number-like"], "12", "3.25", "NULL", "Nope", "!tag", "&anchor", "*alias"]
    for value in values:
        for implicit in ((True, False), (False, True), (True, True), (False, False)):
            assert str(ours.resolve(ScalarNode, value, implicit)) == str(theirs.resolve(ScalarNode, value, implicit)), value
    for kind in (SequenceNode, MappingNode):
        assert str(ours.resolve(kind, None, (True, False))) == str(theirs.resolve(kind, None, (True, False)))
