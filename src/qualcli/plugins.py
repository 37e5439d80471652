"""The plugin manager: loads plugins and collects what they register, through pluggy.

Hooks are called through pluggy (``pm.hook.<name>``), one plugin at a time so
that every registered object is attributed to the plugin that registered it.
A plugin that implements a hook qualcli does not define (a misspelt
``register_parser``) is found by ``pm.check_pending()``: ``qualcli plugins``
lists it, and every other command stops with one line naming the plugin and
the hook. A plugin that fails to load, raises inside a hook or registers an
object that breaks the hook's contract is reported (a warning naming it) and
skipped, so one broken plugin does not break every command.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Callable

import pluggy

from qualcli import hookspecs
from qualcli.errors import QualcliError

if TYPE_CHECKING:
    from qualcli.api import Parser, Reader

BUILTIN_PLUGINS = ("qualcli.readers.builtin",)


class PluginError(QualcliError):
    """An installed plugin breaks the hook contract in a way that cannot be skipped (exit 2)."""


@dataclass
class PluginInfo:
    """What one plugin is and what it registered."""

    name: str
    version: str | None
    builtin: bool
    registered: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering each plugin's distribution version and what its hooks returned."""

    def __init__(self) -> None:
        super().__init__("qualcli")
        self.versions: dict[str, str] = {}
        self.load_problems: list[str] = []
        self._collected: dict[str, list[tuple[str, Any]]] = {}
        self._warned: set[str] = set()
        #: True while the manager holds exactly the built-in and installed plugins (:func:`make_manager`).
        self.as_installed = False

    def register(self, plugin: Any, name: str | None = None) -> str | None:
        """Register ``plugin`` (see pluggy); forgets what hooks returned before."""
        self._collected.clear()
        self.as_installed = False
        return super().register(plugin, name)

    def unregister(self, plugin: Any = None, name: str | None = None) -> Any:
        """Unregister a plugin (see pluggy); forgets what hooks returned before."""
        self._collected.clear()
        self.as_installed = False
        return super().unregister(plugin, name)

    def warn(self, message: str) -> None:
        """Print a warning about a plugin once per process."""
        if message not in self._warned:
            self._warned.add(message)
            print(f"qualcli: warning: {message}", file=sys.stderr)


def make_manager(load_entry_points: bool = True) -> PluginManager:
    """A plugin manager with the built-in plugins and, optionally, the installed ones.

    ``pm.check_pending()`` runs here; its findings (hooks no hookspec defines)
    are kept for :func:`problems` rather than raised, so ``qualcli plugins``
    can still list every plugin.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for module_name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if load_entry_points:
        _load_entry_points(pm)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError:
        pass  # reported, hook by hook, by problems()
    pm.as_installed = load_entry_points
    return pm


def _load_entry_points(pm: PluginManager) -> None:
    """Register every installed plugin: one that fails to import is skipped with a warning; one whose
    hook has the wrong arguments is recorded for :func:`problems` (it breaks the contract)."""
    from qualcli.plugin_index import installed_plugins, load_entry_point

    for ep in installed_plugins():
        if pm.get_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            plugin = load_entry_point(ep.value)
        except Exception as exc:  # a broken plugin must not break every command
            pm.warn(f"plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}")
            continue
        try:
            pm.register(plugin, name=ep.name)
        except pluggy.PluginValidationError as exc:  # a hook with the wrong arguments
            pm.load_problems.append(f"plugin {ep.name!r}: {' '.join(str(exc).split())}")  # pluggy's is several lines
            continue
        pm.versions[ep.name] = ep.version


@cache
def get_manager() -> PluginManager:
    """The process-wide plugin manager (created on first use)."""
    return make_manager()


def installed_and_clean() -> bool:
    """Whether the plugins this process uses are the installed ones, each loaded without a warning
    or a broken contract (True before the process-wide manager is made): then what the
    installed plugins' files determine may be kept between runs (and read back)."""
    if not get_manager.cache_info().currsize:
        return True
    pm = get_manager()
    return pm.as_installed and not pm._warned and not problems(pm)


def problems(pm: PluginManager) -> list[str]:
    """Contract breaches that stop every command: hooks no hookspec defines, hooks with wrong arguments."""
    found = list(pm.load_problems)
    known = ", ".join(hook_names(pm))
    for hook_name, caller in sorted(vars(pm.hook).items()):
        if not isinstance(caller, pluggy.HookCaller) or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            if not impl.optionalhook:
                found.append(f"plugin {impl.plugin_name!r} implements unknown hook {hook_name!r} (qualcli's hooks: {known})")
    return found


def require_valid(pm: PluginManager) -> None:
    """Raise :class:`PluginError` (one line, exit 2) if any plugin breaks the hook contract."""
    found = problems(pm)
    if found:
        more = f" (and {len(found) - 1} more: qualcli plugins lists them)" if len(found) > 1 else ""
        raise PluginError(found[0] + more)


def _call_per_plugin(pm: PluginManager, hook_name: str, accept: Callable[[str, Any], None]) -> None:
    """Call ``hook_name`` through pluggy one plugin at a time (plugins by name), passing each object to ``accept``.

    Each call goes through the manager's hook executor (so pluggy's tracing
    and monitoring see it) with one implementation, which is how pluggy's own
    ``subset_hook_caller`` calls a subset; that helper itself needs hashable
    plugins, and a test's ``SimpleNamespace`` plugin is not.
    """
    caller = getattr(pm.hook, hook_name)
    for impl in sorted(caller.get_hookimpls(), key=lambda impl: impl.plugin_name):
        try:
            pm._hookexec(hook_name, [impl], {"register": lambda obj, _name=impl.plugin_name: accept(_name, obj)}, False)
        except Exception as exc:  # a broken plugin must not break every command
            pm.warn(f"plugin {impl.plugin_name!r}: {hook_name} failed: {type(exc).__name__}: {exc}")


def _contract_problem(hook_name: str, obj: Any) -> str | None:
    """Why ``obj`` is not what ``hook_name`` registers, or None."""
    from qualcli.api import Parser, Reader

    if hook_name == "register_parsers":
        if not isinstance(obj, Parser):
            return "a parser needs name, body, formats, confidence() and parse()"
        if isinstance(obj.formats, str) or not all(isinstance(f, str) for f in obj.formats):
            return f"parser {obj.name!r}: formats must be a tuple of format names"
    elif hook_name == "register_readers":
        if not isinstance(obj, Reader):
            return "a reader needs name, suffixes and read()"
        if isinstance(obj.suffixes, str) or not all(isinstance(s, str) and s.startswith(".") for s in obj.suffixes):
            return f"reader {obj.name!r}: suffixes must be a tuple like ('.xml',)"
    elif not isinstance(obj, dict):
        return f"expected a mapping, got {type(obj).__name__}"
    return None


def collect(hook_name: str, pm: PluginManager | None = None) -> list[tuple[str, Any]]:
    """Call a ``register_*`` hook and return ``(plugin_name, object)`` pairs.

    Order is deterministic: plugins by name, objects in registration order. An
    object that breaks the hook's contract is reported and skipped; the
    answer is kept until a plugin is registered or unregistered.
    """
    pm = pm or get_manager()
    require_valid(pm)
    if hook_name not in pm._collected:
        found: list[tuple[str, Any]] = []

        def accept(plugin_name: str, obj: Any) -> None:
            problem = _contract_problem(hook_name, obj)
            if problem:
                pm.warn(f"plugin {plugin_name!r}: {hook_name.removeprefix('register_')} entry skipped: {problem}")
            else:
                found.append((plugin_name, obj))

        _call_per_plugin(pm, hook_name, accept)
        pm._collected[hook_name] = found
    return list(pm._collected[hook_name])


def registered_parsers(pm: PluginManager | None = None) -> list[tuple[str, Parser]]:
    """Every registered parser with the name of the plugin that registered it."""
    return collect("register_parsers", pm)


def parsers(pm: PluginManager | None = None) -> list[Parser]:
    """Every registered parser."""
    return [obj for _, obj in registered_parsers(pm)]


def readers(pm: PluginManager | None = None) -> dict[str, Reader]:
    """Readers by suffix; a plugin's reader replaces a built-in one."""
    by_suffix: dict[str, Reader] = {}
    ordered = sorted(collect("register_readers", pm), key=lambda p: p[0] not in BUILTIN_PLUGINS)
    for _, reader in ordered:
        for suffix in reader.suffixes:
            by_suffix[suffix.lower()] = reader
    return by_suffix


def plugin_version(pm: PluginManager, name: str) -> str | None:
    """The version of the distribution that installed plugin ``name`` (qualcli's for built-ins; None in-process)."""
    if name in BUILTIN_PLUGINS:
        from qualcli import __version__

        return __version__
    return pm.versions.get(name)


def hook_names(pm: PluginManager) -> list[str]:
    """The hooks qualcli defines, in hookspec order."""
    return [name for name in vars(hookspecs)
            if isinstance(getattr(pm.hook, name, None), pluggy.HookCaller) and getattr(pm.hook, name).has_spec()]


def describe(pm: PluginManager | None = None) -> list[PluginInfo]:
    """Every loaded plugin with its version, what it registers and what is wrong with it."""
    pm = pm or get_manager()
    infos = {name: PluginInfo(name=name, version=plugin_version(pm, name), builtin=name in BUILTIN_PLUGINS)
             for name, _ in pm.list_name_plugin()}
    trouble = problems(pm)
    for name, info in infos.items():
        info.problems = [p for p in trouble if p.startswith(f"plugin {name!r}")]
    for hook_name in hook_names(pm):
        label = hook_name.removeprefix("register_")
        for name in sorted({impl.plugin_name for impl in getattr(pm.hook, hook_name).get_hookimpls()}):
            infos[name].registered[label] = []
        _call_per_plugin(pm, hook_name, lambda name, obj, _label=label: infos[name].registered[_label].append(_describe(obj)))
    return [infos[name] for name in sorted(infos)]


def _describe(obj: Any) -> str:
    """A short label for a registered object."""
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
