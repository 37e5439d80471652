"""Module-level regular expressions compiled on first use, from programs kept between runs.

Compiling a large pattern costs up to a couple of milliseconds; a module that
defines many, most of which a short command never uses (``qualcli legislation
check`` needs a few of the finder's), pays for all of them at import. A
:class:`LazyPattern` compiles when one of its methods or attributes is first
read, then keeps the compiled pattern's methods as its own, so later calls
cost what a compiled pattern's do.

Most of a compile is Python (the ``re`` module parses the pattern and builds
the program its C engine runs); handing a finished program to the engine is
about forty times faster. So the programs of lazily compiled patterns are
kept in the user's cache folder, one file per Python version and regex
engine (``regex-<tag>-<magic>.bin``: a marshalled ``{(pattern, flags):
program}``, see :func:`qualcli.cachedir.read_kept`), and a later
process hands them to the engine directly. A program is used only for the
very pattern and flags it was made from, only by the interpreter and engine
that made it (the engine checks every program it is given, too), and a
missing, damaged or foreign file only means compiling as ``re`` does. New
programs are added to the file when the process exits.
"""

from __future__ import annotations

import os
import re
import sys

TYPE_CHECKING = False  # typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, int(flags))

    def __getattr__(self, name: str) -> Any:
        """Compile (once), keep the compiled pattern's attributes on this object, and answer ``name``."""
        compiled = _PROGRAMS.compile(*self._source)
        for attr in dir(compiled):
            if not attr.startswith("__"):
                setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern like ``re.compile(pattern, flags)`` that is compiled when first used."""
    return LazyPattern(pattern, flags)


def compile_kept(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` now, from the program kept between runs when there is one
    (for patterns built at run time; a module-level pattern is better :func:`lazy_compile` d)."""
    return _PROGRAMS.compile(pattern, int(flags))


class ProgramCache:
    """Compiled regex programs by (pattern, flags), read from and added to one file in the cache folder."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int], tuple] | None = None  # read on the first compile
        self._new: dict[tuple[str, int], tuple] = {}

    def compile(self, pattern: str, flags: int) -> re.Pattern:
        """``re.compile(pattern, flags)``, from the kept program when there is one."""
        engine = _engine()
        if engine is None:
            return re.compile(pattern, flags)
        if self._known is None:
            self._known = _read(_path(engine))
        program = self._known.get((pattern, flags))
        if program is not None and program[0] == pattern:
            try:
                return engine.compile(program[0], program[1], list(memoryview(program[2]).cast("I")), *program[3:])
            except (RuntimeError, TypeError, ValueError):
                pass  # not a program this engine runs: compiled afresh below
        compiled, program = _compile(pattern, flags)
        if not self._new:
            import atexit

            atexit.register(self._save)
        self._new[(pattern, flags)] = program
        return compiled

    def _save(self) -> None:
        """Add this process's new programs to the file (whatever other processes added is kept)."""
        engine = _engine()
        if not self._new or engine is None:
            return
        from qualcli.cachedir import write_kept

        path = _path(engine)
        write_kept(path, _KEY, {**_read(path), **self._new})
        self._new = {}


def _engine():
    """The regex engine (``_sre``) when this Python's ``re`` builds programs as this module expects, else None."""
    import _sre
    from re import _compiler

    return _sre if hasattr(_compiler, "_code") and _sre.CODESIZE == 4 and sys.implementation.name == "cpython" else None


def _path(engine) -> str:
    from qualcli.cachedir import cache_folder

    return os.path.join(cache_folder(), f"regex-{sys.implementation.cache_tag}-{engine.MAGIC}.bin")


def _read(path: str) -> dict[tuple[str, int], tuple]:
    """The programs kept in ``path`` (none when it is missing or damaged)."""
    from qualcli.cachedir import read_kept

    programs = read_kept(path, _KEY)
    return programs if isinstance(programs, dict) else {}


_KEY = "regex-programs"


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """Compile as ``re.compile`` does, returning the pattern and its program (the engine's arguments)."""
    from array import array
    from re import _compiler, _parser

    import _sre

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (pattern, int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1,
               groupindex, tuple(indexgroup))
    compiled = _sre.compile(program[0], program[1], code, *program[3:])
    return compiled, program


_PROGRAMS = ProgramCache()
