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
very pattern and flags it was made from, only by the Python release and
engine that made it (the engine checks every program it is given, too), and a
missing, damaged or foreign file only means compiling as ``re`` does. New
programs are added to the file when the process exits.
"""

from __future__ import annotations

import os
import sys

# Neither typing nor re is imported at run time: a pattern whose program was kept needs only the
# engine (_sre), and importing re (with enum) costs as much as the rest of a short command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

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
    """``re.compile(pattern, flags)`` now, from the program kept between runs when there is one.

    For patterns built at run time from qualcli's or a plugin's own words (a
    fixed set: every run asks for the same ones); a module-level pattern is
    better :func:`lazy_compile` d. A pattern built from a document's text (its
    unit codes, say) belongs to ``re.compile``: kept, every new document would
    add programs to the file every process reads.
    """
    return _PROGRAMS.compile(pattern, flags)


class ProgramCache:
    """Compiled regex programs by (pattern, flags), read from and added to one file in the cache folder."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int], tuple] | None = None  # read on the first compile
        self._new: dict[tuple[str, int], tuple] = {}

    def compile(self, pattern: str, flags: int) -> re.Pattern:
        """``re.compile(pattern, flags)``, from the kept program when there is one."""
        import _sre

        flags = int(flags)  # a RegexFlag is not kept as such
        if self._known is None:
            self._known = _read(_path())
        program = self._known.get((pattern, flags))
        if program is not None and program[0] == pattern:
            try:
                return _sre.compile(program[0], program[1], list(memoryview(program[2]).cast("I")), *program[3:])
            except (RuntimeError, TypeError, ValueError):
                pass  # not a program this engine runs: compiled afresh below
        if not _builds_programs():
            import re

            return re.compile(pattern, flags)
        compiled, program = _compile(pattern, flags)
        if not self._new:
            import atexit

            atexit.register(self._save)
        self._new[(pattern, flags)] = program
        return compiled

    def _save(self) -> None:
        """Add this process's new programs to the file (whatever other processes added is kept)."""
        if not self._new:
            return
        from qualcli.cachedir import write_kept

        path = _path()
        programs = {**_read(path), **self._new}
        if len(programs) > MAX_PROGRAMS:  # patterns built at run time could otherwise grow it for ever
            programs = dict(list(programs.items())[-MAX_PROGRAMS:])
        write_kept(path, _KEY, programs)
        self._new = {}


def _builds_programs() -> bool:
    """Whether this Python's ``re`` builds programs as :func:`_compile` expects (CPython's, 32-bit codes)."""
    import _sre
    from re import _compiler

    return hasattr(_compiler, "_code") and _sre.CODESIZE == 4 and sys.implementation.name == "cpython"


def _path() -> str:
    """The file of kept programs: one per Python version and regex engine version."""
    import _sre

    from qualcli.cachedir import cache_folder

    return os.path.join(cache_folder(), f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.bin")


def _read(path: str) -> dict[tuple[str, int], tuple]:
    """The programs kept in ``path`` (none when it is missing or damaged)."""
    from qualcli.cachedir import read_kept

    programs = read_kept(path, _KEY)
    return programs if isinstance(programs, dict) else {}


_KEY = f"regex-programs-{sys.hexversion:x}"  # a patch release may build programs differently
#: Programs a file keeps at most (the newest); qualcli's own patterns number a few hundred.
MAX_PROGRAMS = 2000


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
