"""The YAML node tree of plain data (dicts, lists, strings, ints), built with one tag object per tag.

ruamel.yaml's safe representer makes a new tag object for every node, and its
C emitter then asks each for its text, which ruamel decodes character by
character in Python: for a parsed specification that decoding was most of
the time of writing YAML. :class:`PlainRepresenter` builds the same nodes
(same tags, values, styles and flow styles, so the emitter writes the same
bytes) sharing one tag object per tag, whose text is decoded once; the
emitter's questions to the resolver are answered with the same shared tags
(:class:`PlainResolver`). Any other type goes to ruamel's own representer.
"""

from __future__ import annotations

import functools
from typing import Any

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.representer import SafeRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag


def _tag(name: str) -> Tag:
    """A core-schema tag (``tag:yaml.org,2002:name``) with its text decoded once."""
    return _shared_tag(f"tag:yaml.org,2002:{name}")


@functools.lru_cache(maxsize=None)
def _shared_tag(suffix: str) -> Tag:
    tag = Tag(suffix=suffix)
    str(tag)  # decodes and keeps the text
    return tag


class PlainRepresenter(SafeRepresenter):
    """SafeRepresenter for a tree of plain data that never writes anchors, its tags shared."""

    _STR, _INT, _NULL, _SEQ, _MAP = (_tag(name) for name in ("str", "int", "null", "seq", "map"))

    def ignore_aliases(self, data: Any) -> bool:
        """Never write anchors (qualcli refuses aliases when it reads YAML)."""
        return True

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """ruamel's resolver's answer, a scalar's implicit tag given as the shared object for that tag.

        With the C emitter, ruamel makes one object that is emitter,
        representer and resolver (``ruamel.yaml.resolver.Resolver``, whatever
        resolver is set), the representer before the resolver, so the emitter
        asks this method about every scalar, twice. The resolver would make a
        new tag object for each number-like scalar (``2``, ``"1.5"``), whose
        text the emitter then has ruamel decode character by character;
        otherwise the answer is ruamel's, found the same way (its implicit
        resolvers for the scalar's first character, in order).
        """
        table = self.yaml_implicit_resolvers  # type: ignore[attr-defined]
        if kind is not ScalarNode or not implicit[0] or self.yaml_path_resolvers:  # type: ignore[attr-defined]
            return super().resolve(kind, value, implicit)  # type: ignore[misc]
        resolvers = table.get(value[0] if value else "", ())
        if None in table:
            resolvers = [*resolvers, *table[None]]
        for suffix, regexp in resolvers:
            if regexp.match(value):
                return _shared_tag(suffix)
        return self.DEFAULT_SCALAR_TAG  # type: ignore[attr-defined]

    def represent_data(self, data: Any) -> Any:
        """The node for ``data``: strings, ints, None, lists and dicts directly, anything else by ruamel."""
        kind = type(data)
        if kind is str:
            return ScalarNode(self._STR, data, style=self.default_style)
        if kind is dict:
            return self._mapping(data)
        if kind is list:
            return self._sequence(data)
        if kind is int:
            return ScalarNode(self._INT, str(data), style=self.default_style)
        if data is None:
            return ScalarNode(self._NULL, "null", style=self.default_style)
        return super().represent_data(data)

    def _mapping(self, data: dict) -> MappingNode:
        items = data.items()
        if self.sort_base_mapping_type_on_output:
            try:
                items = sorted(items)
            except TypeError:
                items = list(items)
        pairs = [(self.represent_data(key), self.represent_data(value)) for key, value in items]
        return MappingNode(self._MAP, pairs, flow_style=self._flow_style(node for pair in pairs for node in pair))

    def _sequence(self, data: list) -> SequenceNode:
        nodes = [self.represent_data(item) for item in data]
        return SequenceNode(self._SEQ, nodes, flow_style=self._flow_style(nodes))

    def _flow_style(self, children) -> bool:
        """The default flow style if one is set, else flow style when every child is a plain scalar (as ruamel decides)."""
        if self.default_flow_style is not None:
            return self.default_flow_style
        return all(isinstance(node, ScalarNode) and not node.style for node in children)


class PlainResolver(VersionedResolver):
    """ruamel's resolver, answering with the shared tag objects (the emitter asks it about every plain scalar)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag ruamel's resolver gives, as the shared object for that tag."""
        tag = super().resolve(kind, value, implicit)
        if isinstance(tag, Tag) and tag.handle is None and isinstance(tag.suffix, str):
            return _shared_tag(tag.suffix)
        return tag
