"""The plugin manager: loads plugins and collects what they register."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pluggy

from qualcli import hookspecs

ENTRY_POINT_GROUP = "qualcli"
BUILTIN_PLUGINS = ("qualcli.readers.builtin",)


@dataclass(frozen=True)
class Confidence:
    """A parser's answer to "is this document yours?"."""

    score: float  # 0.0 (certainly not) .. 1.0 (certainly)
    reason: str


@dataclass
class PluginInfo:
    """What one plugin is and what it registered."""

    name: str
    version: str | None
    builtin: bool
    registered: dict[str, list[str]] = field(default_factory=dict)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering the distribution version of each plugin."""

    def __init__(self) -> None:
        super().__init__("qualcli")
        self.versions: dict[str, str] = {}


def make_manager(load_entry_points: bool = True) -> PluginManager:
    """A plugin manager with the built-in plugins and, optionally, installed ones."""
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for module_name in BUILTIN_PLUGINS:
        module = importlib.import_module(module_name)
        pm.register(module, name=module_name)
    if load_entry_points:
        _load_entry_points(pm)
    return pm


def _load_entry_points(pm: PluginManager) -> None:
    """Register every ``qualcli`` entry point; one that fails to load is skipped with a warning."""
    import sys

    for dist in importlib.metadata.distributions():
        for ep in dist.entry_points:
            if ep.group != ENTRY_POINT_GROUP or pm.get_plugin(ep.name) or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not break every command
                print(f"qualcli: warning: plugin {ep.name!r} failed to load: {exc}", file=sys.stderr)
                continue
            pm.register(plugin, name=ep.name)
            pm.versions[ep.name] = dist.version


@cache
def get_manager() -> PluginManager:
    """The process-wide plugin manager (created on first use)."""
    return make_manager()


def collect(hook_name: str, pm: PluginManager | None = None) -> list[tuple[str, Any]]:
    """Call a ``register_*`` hook and return ``(plugin_name, object)`` pairs.

    Order is deterministic: plugins by name, objects in registration order.
    """
    pm = pm or get_manager()
    found: list[tuple[str, Any]] = []
    for plugin_name, plugin in sorted(pm.list_name_plugin(), key=lambda p: p[0]):
        impl = getattr(plugin, hook_name, None)
        if impl is None:
            continue
        impl(register=lambda obj, _name=plugin_name: found.append((_name, obj)))
    return found


def parsers(pm: PluginManager | None = None) -> list[Any]:
    """Every registered parser."""
    return [obj for _, obj in collect("register_parsers", pm)]


def readers(pm: PluginManager | None = None) -> dict[str, Any]:
    """Readers by suffix; a plugin's reader replaces a built-in one."""
    by_suffix: dict[str, Any] = {}
    ordered = sorted(collect("register_readers", pm), key=lambda p: p[0] not in BUILTIN_PLUGINS)
    for _, reader in ordered:
        for suffix in reader.suffixes:
            by_suffix[suffix.lower()] = reader
    return by_suffix


def plugin_version(pm: PluginManager, name: str, plugin: Any) -> tuple[str | None, bool]:
    """The distribution version of a plugin, and whether it is built in."""
    if name in BUILTIN_PLUGINS:
        from qualcli import __version__

        return __version__, True
    return pm.versions.get(name) or getattr(plugin, "__version__", None), False


def describe(pm: PluginManager | None = None) -> list[PluginInfo]:
    """Every loaded plugin with its version and what it registers."""
    pm = pm or get_manager()
    infos = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda p: p[0]):
        version, builtin = plugin_version(pm, name, plugin)
        info = PluginInfo(name=name, version=version, builtin=builtin)
        for hook in ("register_parsers", "register_readers", "register_nos", "register_legislation"):
            impl = getattr(plugin, hook, None)
            if impl is None:
                continue
            items: list[Any] = []
            impl(register=items.append)
            info.registered[hook.removeprefix("register_")] = [_label(obj) for obj in items]
        infos.append(info)
    return infos


def _label(obj: Any) -> str:
    if isinstance(obj, dict):
        return str(obj.get("id") or obj.get("code") or obj)
    name = getattr(obj, "name", type(obj).__name__)
    suffixes = getattr(obj, "suffixes", None)
    body = getattr(obj, "body", None)
    if suffixes:
        return f"{name} ({' '.join(suffixes)})"
    if body:
        return f"{name} (body {body})"
    return str(name)
