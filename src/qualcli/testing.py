"""A test kit for plugin authors.

    from qualcli.testing import registered_plugin, assert_valid_spec

    def test_my_parser(tmp_path):
        with registered_plugin(my_plugin_module):
            doc = load_spec(tmp_path / "spec.txt")
        assert_valid_spec(doc)

``registered_plugin`` adds a plugin to the live plugin manager for the
duration of a ``with`` block, so the document goes through exactly the path
the CLI uses (reader, confidence contest, parser).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from qualcli.model import SpecDocument
from qualcli.plugins import get_manager


@contextmanager
def registered_plugin(plugin: Any, name: str | None = None) -> Iterator[str]:
    """Register ``plugin`` (a module or object with hook functions) temporarily."""
    pm = get_manager()
    registered = pm.register(plugin, name=name)
    try:
        yield registered
    finally:
        pm.unregister(name=registered)


def assert_valid_spec(doc: SpecDocument | dict) -> None:
    """Fail with every violation if ``doc`` does not match schemas/spec.schema.json."""
    from qualcli.schemas import violations

    data = doc.to_dict() if isinstance(doc, SpecDocument) else doc
    problems = list(violations(data, "spec"))
    assert not problems, "spec schema violations:\n" + "\n".join(problems[:20])
