"""dbt as a fork of the step process instead of a new Python that imports dbt again.

dagster-dbt runs every dbt command as ``subprocess.Popen([dbt, ...])``: a new interpreter that
spends ~3 s importing dbt before it reads the project. The step process already has dbt imported
(the code location imports dagster-dbt, which imports dbt's adapters, and the run's forkserver
preloads the code location), so a fork of it can start dbt at once. The child is still a process
of its own, exactly like the subprocess it replaces: same arguments, environment and working
directory, JSON log lines on its stdout, an exit code, SIGINT for a graceful stop, and the
DuckDB file released when it exits.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Iterator, Sequence

# Imported here, not in the child: a step process forked from the preloaded code location then
# has them already, and each dbt child does not spend ~0.3 s importing them again.
import dbt.adapters.duckdb  # noqa: F401 (the project's adapter, which dbt loads on every invocation)
from dbt.cli.main import dbtRunner


class ForkedDbt:
    """The part of ``subprocess.Popen`` that dagster-dbt's ``DbtCliInvocation`` uses."""

    def __init__(self, args: Sequence[str], env: dict[str, str], cwd: str | os.PathLike):
        self.args = list(args)
        self.returncode: int | None = None
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child never returns from here
            os.close(read_fd)
            _run_dbt_in_child(self.args[1:], env, cwd, write_fd)
        os.close(write_fd)
        self.pid = pid
        self.stdout = os.fdopen(read_fd, "rb")

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(self.args, timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)


def _run_dbt_in_child(dbt_args: list[str], env: dict[str, str], cwd, write_fd: int) -> None:
    code = 2
    try:
        # stdout and stderr both go to the pipe, line by line, as a subprocess's would
        os.dup2(write_fd, 1)
        os.dup2(write_fd, 2)
        os.close(write_fd)
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", closefd=False)
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", closefd=False)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # dbt cancels its queries on Ctrl-C
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        from multiprocessing import util

        skip_dbt_work_nobody_sees()
        inherited_finalizers = set(getattr(util, "_finalizer_registry", {}))
        result = dbtRunner().invoke(dbt_args)
        # the dbt CLI's exit codes: 0 success, 1 a node failed, 2 dbt itself failed
        code = 0 if result.success else (1 if result.exception is None else 2)
        if result.exception is not None:
            print(f"dbt failed: {result.exception!r}", file=sys.stderr)
        # Release what dbt created (its multiprocessing locks) the way an exiting Python would,
        # without running the parent's exit handlers, which this copy of it must not run.
        registry = getattr(util, "_finalizer_registry", {})
        for key in sorted((k for k in list(registry) if k not in inherited_finalizers), reverse=True):
            finalizer = registry.get(key)
            if finalizer is not None:
                finalizer()
    except KeyboardInterrupt:
        code = 130
    except BaseException:  # report anything to the parent through the pipe, then exit
        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            _close_the_database()  # also after a failure or Ctrl-C: the log merged into the file
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def skip_dbt_work_nobody_sees() -> None:
    """Two costs of dbt-core that produce nothing anyone reads (~1.3 s of a 79-node build here).

    - dbt turns every event into a JSON line (protobuf to dict, json.dumps, a scan of the
      environment for secrets) for each of its two loggers, and only then lets the logger drop
      it by level: ~1,800 events per build, of which the stdout and file logs keep ~170 each.
      A line is now made only for a logger that will write it.
    - Each adapter behaviour flag names the module that declared it via ``inspect.stack()``,
      which reads the source of every frame; a fork from a Dagster step is ~100 frames deep.
      The first frame's module name is the same answer without reading any file.
    Both are patched in the forked child only; ``tests/test_dbt_process.py`` checks that the
    patched functions still exist and keep their behaviour."""
    import logging

    from dbt_common import behavior_flags
    from dbt_common.events import logger as dbt_logger

    levels = {"debug": logging.DEBUG, "test": logging.DEBUG, "info": logging.INFO,
              "warn": logging.WARNING, "error": logging.ERROR}
    write_line = dbt_logger._Logger.write_line

    def write_line_if_kept(self, msg) -> None:
        python_logger = self._python_logger
        if python_logger is not None and not dbt_logger._is_print_event(msg) and \
                not python_logger.isEnabledFor(levels.get(msg.info.level, logging.ERROR)):
            return  # the line would be made, then dropped by the logger's level
        write_line(self, msg)

    def declaring_module() -> str:
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_globals.get("__name__")
            if name and name != behavior_flags.__name__:
                return name
            frame = frame.f_back
        return "Unknown"

    dbt_logger._Logger.write_line = write_line_if_kept
    behavior_flags.BehaviorFlagRendered._default_source = staticmethod(declaring_module)


def _close_the_database() -> None:
    """dbt-duckdb closes its DuckDB connection only in an exit handler; a child that leaves by
    ``os._exit`` would leave the write-ahead log unmerged into the database file."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # another adapter: nothing of this kind to do
        return
    environment = DuckDBConnectionManager._ENV
    DuckDBConnectionManager.close_all_connections()
    if environment is not None:
        environment.close()


@contextlib.contextmanager
def dbt_forked_from_this_process(dbt_executable: str) -> Iterator[None]:
    """While active, dagster-dbt's ``subprocess.Popen`` of this venv's dbt becomes a ``ForkedDbt``."""
    from dagster_dbt.core import dbt_cli_invocation

    real = dbt_cli_invocation.subprocess

    class _Subprocess:
        PIPE, STDOUT, TimeoutExpired = real.PIPE, real.STDOUT, real.TimeoutExpired

        @staticmethod
        def Popen(args, stdout=None, stderr=None, env=None, cwd=None, **kwargs):  # noqa: N802 (Popen's name)
            if kwargs or Path(args[0]) != Path(dbt_executable):
                return real.Popen(args, stdout=stdout, stderr=stderr, env=env, cwd=cwd, **kwargs)
            return ForkedDbt(args, env if env is not None else dict(os.environ), cwd or os.getcwd())

    dbt_cli_invocation.subprocess = _Subprocess
    try:
        yield
    finally:
        dbt_cli_invocation.subprocess = real


def dbt_runs_in_this_python(dbt_executable: str) -> bool:
    """Fork only for the dbt installed beside this interpreter: its modules are the ones imported."""
    return Path(dbt_executable).parent == Path(sys.executable).parent
