"""The CLI in a real child process without an interpreter start-up per run: children forked from a warm one.

A test about what one run of qualcli does to the system (exit status as the
kernel reports it, CPU time and peak memory from ``os.wait4``, the umask, a
FIFO or device written to, files left as they were) needs a process of its
own, but not a fresh interpreter importing everything again: the server,
started once per test process, imports qualcli's command-line module and the
libraries its commands load, and forks a child for each run. The child takes
the run's working folder, environment, umask and standard streams (stdin
``/dev/null``, stdout and stderr the files given), runs ``python -m qualcli``'s
``__main__`` and exits with its status; the server reaps it with ``os.wait4``
and answers with the exit code and the child's own CPU time and peak memory.

Only modules are imported before forking, never qualcli state (plugins,
legislation table, caches): each run finds and reads those itself, as a
process started from the shell does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Imported by the server before it forks, besides every module of qualcli and of each installed plugin's package.
WARM = ("importlib.metadata", "typer", "ruamel.yaml", "jsonschema", "numpy", "scipy.sparse", "docx", "pptx",
        "pypdfium2", "openpyxl")  # fmt: skip


@dataclass
class Exited:
    """How a forked run ended: its exit code, its CPU seconds (user + system) and its peak resident MB."""

    code: int
    cpu_seconds: float
    peak_mb: float


class ForkServer:
    """A warm interpreter that forks one child per :meth:`run`; start once, :meth:`close` at the end."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-c", "from tests.support.forkserver import serve; serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO, text=True, bufsize=1,
        )  # fmt: skip

    def run(self, args: list[str], cwd: Path, env: dict[str, str], stdout: Path, stderr: Path,
            umask: int | None = None) -> Exited:  # fmt: skip
        """Run ``qualcli ARGS`` in a forked child; its output goes to the files ``stdout`` and ``stderr``."""
        request = {"args": list(map(str, args)), "cwd": str(cwd), "env": env, "stdout": str(stdout),
                   "stderr": str(stderr), "umask": umask}  # fmt: skip
        self._process.stdin.write(json.dumps(request) + "\n")
        answer = self._process.stdout.readline()
        if not answer:
            raise RuntimeError("the fork server ended")
        return Exited(**json.loads(answer))

    def close(self) -> None:
        """End the server (it exits when its input closes)."""
        self._process.stdin.close()
        self._process.wait(timeout=30)
        self._process.stdout.close()


_shared: list[ForkServer] = []


def shared() -> ForkServer:
    """This test process's server, started on first use and ended when the process exits."""
    if not _shared:
        import atexit

        _shared.append(ForkServer())
        atexit.register(_shared[0].close)
    return _shared[0]


def serve() -> None:
    """The server's loop: one JSON request per input line, one JSON answer per output line."""
    import importlib

    import pkgutil
    from importlib.metadata import entry_points

    for name in WARM:
        importlib.import_module(name)
    packages = ["qualcli", *(point.value.split(".")[0] for point in entry_points(group="qualcli"))]
    for package in map(importlib.import_module, packages):  # modules only: no plugin is registered, nothing loaded
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
    channel_in, channel_out = sys.stdin, sys.stdout
    for line in channel_in:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)  # never returns
        _, status, usage = os.wait4(pid, 0)
        answer = {"code": os.waitstatus_to_exitcode(status), "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024}  # fmt: skip  (KiB on Linux)
        channel_out.write(json.dumps(answer) + "\n")
        channel_out.flush()


def _child(request: dict) -> None:
    """In the forked child: take the run's folder, environment, umask and streams, run qualcli, exit."""
    import runpy

    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if request["umask"] is not None:
            os.umask(request["umask"])
        streams = [os.open(os.devnull, os.O_RDONLY)] + [
            os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) for name in ("stdout", "stderr")
        ]
        for fd, opened in enumerate(streams):
            os.dup2(opened, fd)
            os.close(opened)
        # as the interpreter opens them with PYTHONIOENCODING=utf-8: stdout block-buffered, stderr by line
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.argv = ["qualcli", *request["args"]]
        try:
            runpy.run_module("qualcli", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exc:  # as the interpreter ends: None is 0, another non-integer is printed and is 1
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
            if not isinstance(exc.code, int | None):
                print(exc.code, file=sys.stderr)
        except BaseException:  # noqa: BLE001 — as the interpreter does: the traceback on stderr, status 1
            import traceback

            traceback.print_exc()
            code = 1
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:
                pass
    finally:
        os._exit(code & 0xFF)
