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
import functools
import gc
import hashlib
import logging
import marshal
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


_MODULES_OF_A_BUILD = ("dbt.task.build", "dbt.task.seed", "dbt.task.run", "dbt.task.test", "dbt.parser.sql",
                      "dbt.graph.thread_pool", "dbt.adapters.duckdb.environments.local",
                      "dbt_common.clients.agate_helper", "dbt.adapters.__about__",
                      "dbt.adapters.duckdb.__version__", "multiprocessing.dummy", "google.protobuf.descriptor_pb2")
_VALIDATED_AT_START = (("dbt.contracts.project", "Project"), ("dbt.contracts.project", "ProjectFlags"),
                       ("dbt.contracts.project", "ProfileConfig"), ("dbt.contracts.project", "PackageConfig"),
                       ("dbt.contracts.project", "Configuration"), ("dbt.contracts.selection", "SelectorFile"),
                       ("dbt.task.test", "TestResultData"), ("dbt.adapters.duckdb.credentials", "DuckDBCredentials"))


def warm_dbt_for_forks() -> list[str]:
    """Build, once in this process, what every dbt invocation otherwise builds for itself the first
    time it needs it, so that each forked child inherits it (~1 s of a child's start here, found by
    profiling a forked ``dbt build``): the modules of dbt's build task; the JSON schemas dbt checks
    dbt_project.yml, profiles.yml, credentials, selectors and test results against (mashumaro builds
    each from its dataclass; the project's is a file of its own); the code that reads a parsed project
    back (mashumaro writes it for each node class the first time one is read: the project's own
    ``partial_parse.msgpack``, when ``dbt parse`` has written it, is read once and dropped).
    dbt caches all of these per process. Returns what could not be warmed: an optimization only,
    it never stops the code location from loading (the tests check that nothing is left out).
    Also loads the templates dbt compiled before (``CompiledTemplates``) and keeps the project dbt
    parsed for the configured warehouse (``_read_the_warehouse_parse_cache``): a second decoding
    of ~1 MB at load time, since the warm-up's own copy is mutated (flat graph) and dropped."""
    global _TEMPLATES
    import importlib

    from .settings import DBT_PROJECT_DIR

    missed = []
    for module in _MODULES_OF_A_BUILD:
        try:
            importlib.import_module(module)
        except ImportError:
            missed.append(module)
    for module, name in _VALIDATED_AT_START:
        try:
            getattr(importlib.import_module(module), name).json_schema()
        except (ImportError, AttributeError):
            missed.append(f"{module}.{name}")
    _TEMPLATES = CompiledTemplates.for_this_python(DBT_PROJECT_DIR / "target")
    _TEMPLATES.load()
    try:
        from dbt.contracts.graph.manifest import Manifest
        from dbt.jsonschemas.jsonschemas import project_schema
        from dbt.parser.manifest import extended_mashumuro_decoder

        project_schema()
        parsed = (DBT_PROJECT_DIR / "target" / "partial_parse.msgpack").read_bytes()
        manifest = Manifest.from_msgpack(parsed, decoder=extended_mashumuro_decoder)
        manifest.build_flat_graph()
        next(iter(manifest.macros.values())).to_dict()  # a build writes out the macros it runs
    except Exception:  # noqa: BLE001 (absent, or written by another dbt: each child reads its own anyway)
        missed.append("partial_parse.msgpack")
    _read_the_warehouse_parse_cache()
    missed += _write_serializers()
    global _PLUGIN_MODULES
    from dbt.plugins.manager import PluginManager

    _PLUGIN_MODULES = PluginManager.get_prefixed_modules()
    return missed


_PLUGIN_MODULES: dict | None = None  # found by warm_dbt_for_forks, for the children (_find_plugins_once)
# (the bytes of the warehouse's partial_parse.msgpack, the project they hold), read by
# warm_dbt_for_forks for the children (_reuse_the_parsed_project)
_PARSED_PROJECT: tuple[bytes, object] | None = None


def _read_the_warehouse_parse_cache() -> None:
    """Read the project dbt parsed for this warehouse (its ``partial_parse.msgpack``), if any, and
    keep it with the file's bytes: a child given the same bytes to read skips ~50 ms of decoding
    them (``_reuse_the_parsed_project``). The code location is loaded long before a run, so this
    costs a run nothing; a file dbt has rewritten since is read by the child as dbt does."""
    global _PARSED_PROJECT
    from dbt.contracts.graph.manifest import Manifest
    from dbt.parser.manifest import extended_mashumuro_decoder

    from .settings import dbt_target_path

    _PARSED_PROJECT = None
    try:
        parsed = (dbt_target_path() / "partial_parse.msgpack").read_bytes()
        _PARSED_PROJECT = (parsed, Manifest.from_msgpack(parsed, decoder=extended_mashumuro_decoder))
    except Exception:  # noqa: BLE001 (none yet, or another dbt's: the child reads the file itself)
        pass


def _write_serializers() -> list[str]:
    """mashumaro writes the code that reads (``from_dict``) or writes (``to_dict``) a dbt dataclass
    the first time one is read or written; a ``dbt build`` reads its project, flags, package and
    selector files, credentials, relations and test results, and writes credentials, relations,
    query comments and results (~20 classes, ~50 ms a child). Reading an empty dict writes the
    reading code before it fails on the missing fields. Returns the classes that could not be warmed."""
    import importlib

    missed = []
    for module, name in (("dbt.contracts.project", "Project"), ("dbt.contracts.project", "ProjectFlags"),
                         ("dbt.contracts.project", "PackageConfig"), ("dbt.contracts.selection", "SelectorFile"),
                         ("dbt.task.test", "TestResultData")):
        try:
            getattr(importlib.import_module(module), name).from_dict({})
        except (ImportError, AttributeError):
            missed.append(f"{module}.{name}")
        except Exception:  # noqa: BLE001 (the empty dict is refused once the code is written)
            pass
    try:
        from dbt.adapters.contracts.connection import AdapterResponse, QueryComment
        from dbt.adapters.duckdb.credentials import DuckDBCredentials
        from dbt.adapters.duckdb.relation import DuckDBRelation
        from dbt.artifacts.schemas.results import TimingInfo
        from dbt.contracts.project import PackageConfig
        from dbt_common.helper_types import WarnErrorOptionsV2

        DuckDBCredentials.from_dict({"path": ":memory:"}).to_dict()
        DuckDBRelation.from_dict(DuckDBRelation.create(database="d", schema="s", identifier="i").to_dict())
        for value in (QueryComment(), AdapterResponse(_message="OK"), TimingInfo(name="compile"),
                      WarnErrorOptionsV2(error=[], warn=[]), PackageConfig(packages=[])):
            value.to_dict()
    except Exception as error:  # noqa: BLE001 (an optimization only: a child writes its own)
        missed.append(f"serializers: {error!r}")
    return missed


class ForkedDbt:
    """The part of ``subprocess.Popen`` that dagster-dbt's ``DbtCliInvocation`` uses."""

    def __init__(self, args: Sequence[str], env: dict[str, str], cwd: str | os.PathLike):
        self.args = list(args)
        self.returncode: int | None = None
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        # The child's garbage collector would otherwise walk every object of this (large) process
        # and so copy its memory pages: frozen, they are left alone (the idiom of gc.freeze's docs).
        # A heap the forkserver froze (``frozen_heap``) stays frozen here: unfreezing would hand its
        # objects back to this process's collector too. (Asked of the module, not of
        # ``gc.get_freeze_count()``, which counts the ~390,000 frozen objects one by one: ~35 ms.)
        frozen_before = "orchestration.frozen_heap" in sys.modules
        gc.freeze()
        try:
            pid = os.fork()
            if pid == 0:  # the child never returns from here
                os.close(read_fd)
                _run_dbt_in_child(self.args[1:], env, cwd, write_fd)
        finally:
            if not frozen_before:
                gc.unfreeze()  # in this process only; the child has left by os._exit
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

        spare_dbt_needless_work()
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
        if _TEMPLATES is not None:
            with contextlib.suppress(BaseException):
                _TEMPLATES.save()
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def spare_dbt_needless_work() -> None:
    """Work of dbt-core that produces nothing anyone reads, or that it repeats for the same result.
    Patched in the forked child only; ``tests/test_dbt_process.py`` checks that each patched function
    still exists and keeps its behaviour. Each was found by profiling a forked 79-node ``dbt build``."""
    _make_log_lines_only_for_loggers_that_keep_them()
    _fire_only_events_someone_receives()
    _build_event_messages_when_read()
    _name_behaviour_flag_sources_without_reading_files()
    _lay_out_macro_namespaces_once()
    _reuse_type_testers()
    _compile_each_template_once()
    _build_invocation_constants_once()
    _find_plugins_once()
    _compile_each_generic_test_once()
    _reuse_the_parsed_project()


_LOG_LEVELS = {"debug": logging.DEBUG, "test": logging.DEBUG, "info": logging.INFO,
               "warn": logging.WARNING, "error": logging.ERROR}


def _make_log_lines_only_for_loggers_that_keep_them() -> None:
    """dbt turns every event into a JSON line (protobuf to dict, json.dumps, a scan of the
    environment for secrets) for each of its two loggers, and only then lets the logger drop it by
    level: ~1,800 events a build, of which the stdout and file logs keep ~170 each."""
    from dbt_common.events import logger as dbt_logger

    write_line = dbt_logger._Logger.write_line

    def write_line_if_kept(self, msg) -> None:
        python_logger = self._python_logger
        if python_logger is not None and not dbt_logger._is_print_event(msg) and \
                not python_logger.isEnabledFor(_LOG_LEVELS.get(msg.info.level, logging.ERROR)):
            return  # the line would be made, then dropped by the logger's level
        write_line(self, msg)

    dbt_logger._Logger.write_line = write_line_if_kept


def _fire_only_events_someone_receives() -> None:
    """Before any logger looks at an event, dbt makes its message (a protobuf built from a dict).
    A debug event reaches no one when every logger is at info or above and the only callback is
    dbt's own tracking of behaviour-change warnings (which returns at once for any other event)."""
    from dbt.tracking import track_behavior_change_warn
    from dbt_common.events import event_manager
    from dbt_common.events import logger as dbt_logger
    from dbt_common.events.base_types import EventLevel

    fire_event = event_manager.EventManager.fire_event
    never_warnings = {EventLevel.DEBUG, EventLevel.TEST, EventLevel.INFO}  # warnings may raise: kept

    def fire_event_if_received(self, e, level=None, node=None, force_warn_or_error_handling=False) -> None:
        event_level = level or e.level_tag()
        if all(callback is track_behavior_change_warn for callback in self.callbacks) and \
                not force_warn_or_error_handling and event_level in never_warnings and \
                type(e).__name__ not in dbt_logger.PRINT_EVENT_NAMES and \
                not os.environ.get("DBT_TEST_BINARY_SERIALIZATION") and \
                all(logger._python_logger is None or
                    not logger._python_logger.isEnabledFor(_LOG_LEVELS[event_level.value])
                    for logger in self.loggers):
            return
        fire_event(self, e, level=level, node=node, force_warn_or_error_handling=force_warn_or_error_handling)

    event_manager.EventManager.fire_event = fire_event_if_received


def _build_event_messages_when_read() -> None:
    """An event's message is a protobuf parsed from the event's fields when the event is made;
    most of a build's ~2,000 events are then dropped unread (see above). The fields are kept and
    parsed when something first reads the event, which for a received event is at once."""
    from dbt_common.events.base_types import BaseEvent

    build_message, read_field, write_field = BaseEvent.__init__, BaseEvent.__getattr__, BaseEvent.__setattr__

    def build_if_unbuilt(event) -> None:
        unbuilt = event.__dict__.pop("_unbuilt", None)
        if unbuilt is not None:
            build_message(event, *unbuilt[0], **unbuilt[1])

    def keep_fields(self, *args, **kwargs) -> None:
        object.__setattr__(self, "_unbuilt", (args, kwargs))

    def read_built(self, key):
        if "_unbuilt" in self.__dict__:
            build_if_unbuilt(self)
            return getattr(self, key)
        return read_field(self, key)

    def write_built(self, key, value) -> None:
        build_if_unbuilt(self)
        write_field(self, key, value)

    BaseEvent.__init__, BaseEvent.__getattr__, BaseEvent.__setattr__ = keep_fields, read_built, write_built


def _name_behaviour_flag_sources_without_reading_files() -> None:
    """Each adapter behaviour flag names the module that declared it via ``inspect.stack()``, which
    reads the source of every frame; a fork from a Dagster step is ~100 frames deep. The first
    frame's module name is the same answer without reading any file."""
    from dbt_common import behavior_flags

    def declaring_module() -> str:
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_globals.get("__name__")
            if name and name != behavior_flags.__name__:
                return name
            frame = frame.f_back
        return "Unknown"

    behavior_flags.BehaviorFlagRendered._default_source = staticmethod(declaring_module)


class _MacroNamespaceLayout:
    """Where each of the manifest's macros goes in a context's macro namespace: under its package,
    as a local or global name, in the adapters' namespace, and in the flattened view the context
    copies into its Jinja globals. It is the same for every context of a package; only the macro
    generators, bound to the context, differ. Learnt from one namespace dbt built."""

    def __init__(self, namespace, macros_by_package: dict, generator_class) -> None:
        self.source = macros_by_package
        self.macros = [macro for package in macros_by_package.values() for macro in package.values()]
        self.generator_class = generator_class
        index = {id(macro): i for i, macro in enumerate(self.macros)}

        def positions(flat: dict) -> list[tuple[str, int]]:
            return [(name, index[id(generator.macro)]) for name, generator in flat.items()]

        self.globals = positions(namespace.global_namespace)
        self.locals = positions(namespace.local_namespace)
        self.global_project = positions(namespace.global_project_namespace)
        self.packages = {package: positions(flat) for package, flat in namespace.packages.items()}
        package_of = {id(flat): package for package, flat in namespace.packages.items()}
        self.flat = []  # (name, macro index) or (name, package name) or (name, None): the adapters'
        for name in namespace:
            value = namespace[name]
            if value is namespace.global_project_namespace:
                self.flat.append((name, None))
            elif isinstance(value, dict):
                self.flat.append((name, package_of[id(value)]))
            else:
                self.flat.append((name, index[id(value.macro)]))

    def namespace_for(self, namespace_class, ctx, node, stack):
        generators = [self.generator_class(macro, ctx, node, stack) for macro in self.macros]

        def pick(positions):
            return {name: generators[i] for name, i in positions}

        packages = {package: pick(positions) for package, positions in self.packages.items()}
        global_project = pick(self.global_project)
        namespace = namespace_class(global_namespace=pick(self.globals), local_namespace=pick(self.locals),
                                    global_project_namespace=global_project, packages=packages)
        namespace.flat = {name: global_project if where is None else
                          packages[where] if isinstance(where, str) else generators[where]
                          for name, where in self.flat}
        return namespace


def _lay_out_macro_namespaces_once() -> None:
    """Every node's contexts (~3 a node) each get a namespace of all ~520 macros: dbt sorts every
    macro into five dictionaries, and the context then flattens them into its Jinja globals with a
    search through the five for each of ~700 names. The layout is learnt once per package (see
    ``_MacroNamespaceLayout``); each context then only makes its generators and fills the dicts."""
    from dbt.clients import jinja as dbt_jinja
    from dbt.context import macros as dbt_macros
    from dbt.context import manifest as manifest_context

    build_namespace = dbt_macros.MacroNamespaceBuilder.build_namespace
    layouts: dict[tuple, _MacroNamespaceLayout] = {}

    class LaidOutNamespace(dbt_macros.MacroNamespace):
        flat: dict  # what iterating the namespace gives, made with it

    def build_laid_out(self, macros_by_package, ctx):
        key = (id(macros_by_package), self.root_package, self.search_package, tuple(self.internal_package_names_order))
        layout = layouts.get(key)
        if layout is None or layout.source is not macros_by_package:
            layout = layouts[key] = _MacroNamespaceLayout(build_namespace(self, macros_by_package, ctx),
                                                          macros_by_package, dbt_jinja.MacroGenerator)
        return layout.namespace_for(LaidOutNamespace, ctx, self.node, self.thread_ctx)

    to_dict = manifest_context.ManifestContext.to_dict

    def to_dict_flat(self):
        if type(self.namespace) is not LaidOutNamespace:
            return to_dict(self)
        dct = super(manifest_context.ManifestContext, self).to_dict()
        dct.update(self.namespace.flat)
        return dct

    dbt_macros.MacroNamespaceBuilder.build_namespace = build_laid_out
    manifest_context.ManifestContext.to_dict = to_dict_flat


def _reuse_type_testers() -> None:
    """Each query result becomes an agate table through a new type tester, whose date types each
    build a parsedatetime calendar (~2 ms a node); the tester for the same columns is the same."""
    from dbt_common.clients import agate_helper

    build_type_tester = functools.lru_cache(maxsize=256)(agate_helper.build_type_tester)

    def type_tester(text_columns, string_null_values=("null", "")):
        return build_type_tester(tuple(text_columns),
                                 None if string_null_values is None else tuple(string_null_values))

    agate_helper.build_type_tester = type_tester


def _find_plugins_once() -> None:
    """dbt looks for plugins in every module on ``sys.path`` whose name starts with ``dbt_`` at the
    start of each invocation (~20 ms here); a child takes what the code location found, as dbt's
    own test runs do (its ``_MODULES_CACHE``). Installing a plugin means restarting the code location."""
    from dbt.plugins.manager import PluginManager

    if _PLUGIN_MODULES is not None:
        found = _PLUGIN_MODULES
        PluginManager.get_prefixed_modules = classmethod(lambda cls: dict(found))


def _build_invocation_constants_once() -> None:
    """Every context (~2 a node) rebuilds ``invocation_args_dict``, ``flags`` and ``modules`` from
    the invocation's arguments and flags, which do not change while it runs (~0.4 ms a context,
    profiled). Each is now built once for the same arguments and flags, and every context gets a
    copy of its own, so a macro that changes one changes only its own."""
    from argparse import Namespace

    from dbt.context import base, providers

    args_to_dict, get_flag_obj, get_context_modules = (
        providers.args_to_dict, base.flags_module.get_flag_obj, base.get_context_modules)
    made: dict[str, tuple] = {}

    def once(name: str, source, build):
        hit = made.get(name)
        if hit is None or hit[0] is not source:  # other arguments or flags: another invocation
            hit = made[name] = (source, build())
        return hit[1]

    def args_to_dict_once(args):
        return dict(once("args", args, lambda: args_to_dict(args)))

    def flag_obj_once():
        return Namespace(**vars(once("flags", base.flags_module.GLOBAL_FLAGS, get_flag_obj)))

    def context_modules_once():
        return {name: dict(module) for name, module in once("modules", None, get_context_modules).items()}

    providers.args_to_dict = args_to_dict_once
    base.flags_module.get_flag_obj = flag_obj_once
    base.get_context_modules = context_modules_once


class CompiledTemplates:
    """Jinja's compiled code of template strings, kept in a file between dbt invocations.

    Jinja compiles every string it is given; a dbt build gives it the SQL of each node and the
    body of each macro it calls (hundreds; ~0.4 s of a build here, profiled), the same strings build after
    build. The code is what a ``.pyc`` holds (``marshal``), keyed by the source and the environment
    that compiled it, in a file named by the Python, Jinja and dbt versions; the code location
    loads it once and each forked child uses it, adds what it compiled and writes it back."""

    def __init__(self, path: Path):
        self.path = path
        self.code: dict[str, object] = {}
        self.added: dict[str, object] = {}

    @classmethod
    def for_this_python(cls, folder: Path) -> "CompiledTemplates":
        from importlib import metadata

        import jinja2

        versions = (sys.version, jinja2.__version__, metadata.version("dbt-core"), metadata.version("dbt-common"))
        return cls(folder / f"jinja-code-{hashlib.sha256(repr(versions).encode()).hexdigest()[:16]}.marshal")

    def load(self) -> None:
        try:
            self.code = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):  # none yet, or unreadable: compile again
            self.code = {}

    @staticmethod
    def key(environment, source: str, name, filename, defer_init: bool) -> str:
        # the code depends on the source and on the environment: its class (filters) and extensions
        kind = (type(environment).__module__, type(environment).__qualname__, tuple(environment.extensions))
        return hashlib.sha256(repr((kind, source, name, filename, defer_init)).encode()).hexdigest()

    def compiled(self, key: str, compile_it):
        code = self.code.get(key)
        if code is None:
            code = self.code[key] = self.added[key] = compile_it()
        return code

    def save(self) -> None:
        """Add what this process compiled to the file (written whole, then renamed into place)."""
        if not self.added:
            return
        on_disk = CompiledTemplates(self.path)
        on_disk.load()
        on_disk.code.update(self.added)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(marshal.dumps(on_disk.code))
            tmp.replace(self.path)
            self.added = {}
        except OSError:  # a read-only project: the next build compiles again, nothing else changes
            tmp.unlink(missing_ok=True)


_TEMPLATES: CompiledTemplates | None = None  # loaded by warm_dbt_for_forks, used by forked children


def _compile_each_template_once() -> None:
    """Jinja's ``compile`` answered from ``_TEMPLATES`` (see ``CompiledTemplates``); a string's
    code also serves every later use in the same build (each not_null test's SQL is one macro call)."""
    import jinja2

    compile_template = jinja2.Environment.compile
    templates = _TEMPLATES if _TEMPLATES is not None else CompiledTemplates(Path(os.devnull))

    def compile_once(self, source, name=None, filename=None, raw=False, defer_init=False):
        if raw:  # the generated Python as text, for debugging: not kept
            return compile_template(self, source, name, filename, raw, defer_init)
        return templates.compiled(CompiledTemplates.key(self, source, name, filename, defer_init),
                                  lambda: compile_template(self, source, name, filename, raw, defer_init))

    jinja2.Environment.compile = compile_once


# dbt's own generic tests, and a project's whose macro renders only its arguments: no query, no
# variable, no time of the run, nothing of the environment.
_BUILT_IN_GENERIC_TESTS = frozenset({"not_null", "unique", "accepted_values", "relationships"})
_RUN_TIME_JINJA = ("run_query", "statement(", "adapter.", "run_started_at", "invocation_id", "modules.",
                   "env_var", "var(", "execute", "graph", "this")


def _compile_each_generic_test_once() -> None:
    """A generic test (not_null, unique, ...) compiles to the same SQL build after build: its
    macro, its arguments and the relations it reads decide it. dbt compiles it again every build
    (a context of ~520 macros and a render, ~4 ms a test). Its SQL is kept with the compiled
    templates (``CompiledTemplates``), keyed by all of that: the test node, the SQL of every macro,
    the relations and materializations of what it tests, the target and the variables. A test
    whose macro could render differently from run to run is compiled as dbt does."""
    from dbt.compilation import Compiler
    from dbt.node_types import NodeType

    compile_node = Compiler.compile_node
    templates = _TEMPLATES if _TEMPLATES is not None else CompiledTemplates(Path(os.devnull))
    macros_digest: dict[int, str] = {}
    macros_by_name: dict[str, list] = {}

    def key_of(compiler, node, manifest) -> str | None:
        metadata = getattr(node, "test_metadata", None)
        if node.resource_type != NodeType.Test or metadata is None:
            return None
        if any(word in repr(metadata.kwargs) for word in _RUN_TIME_JINJA):
            return None  # an argument rendered from a variable, the environment, a query...
        if id(manifest) not in macros_digest:
            macros_digest.clear()
            macros_digest[id(manifest)] = hashlib.sha256(repr(sorted(
                (m.unique_id, m.macro_sql) for m in manifest.macros.values())).encode()).hexdigest()
            macros_by_name.clear()
            for m in manifest.macros.values():
                macros_by_name.setdefault(m.name, []).append(m)
        # the test's macro and what it dispatches to, in any package: dbt's own built-in tests are
        # known; any other (a project's test, or its own version of a built-in) is read
        credentials = compiler.config.credentials
        name = f"test_{metadata.name}"
        macros = [m for n in (name, f"default__{name}", f"{credentials.type}__{name}") for m in macros_by_name.get(n, ())]
        if not macros or any(not (m.package_name == "dbt" and metadata.name in _BUILT_IN_GENERIC_TESTS)
                             and any(word in m.macro_sql for word in _RUN_TIME_JINJA) for m in macros):
            return None
        parents = []
        for unique_id in node.depends_on.nodes:
            parent = manifest.nodes.get(unique_id) or manifest.sources.get(unique_id)
            if parent is None:
                return None
            parents.append((unique_id, parent.relation_name, getattr(parent.config, "materialized", None)))
        return "generic-test-sql:" + hashlib.sha256(repr((
            macros_digest[id(manifest)], node.unique_id, node.raw_code, metadata.name, metadata.namespace,
            sorted(metadata.kwargs.items(), key=str), sorted(node.config.to_dict().items(), key=str),
            parents, compiler.config.target_name, credentials.type, credentials.database, credentials.schema,
            sorted(compiler.config.cli_vars.items(), key=str))).encode()).hexdigest()

    def compile_node_once(self, node, manifest, extra_context=None, write=True, split_suffix=None):
        if extra_context:  # a caller's own context: what dbt does
            return compile_node(self, node, manifest, extra_context, write, split_suffix)
        key = key_of(self, node, manifest)
        sql = templates.code.get(key) if key else None
        if sql is None:
            node = compile_node(self, node, manifest, extra_context, write, split_suffix)
            if key and not node.extra_ctes:
                templates.code[key] = templates.added[key] = node.compiled_code
            return node
        node.compiled_code, node.compiled, node.extra_ctes, node.extra_ctes_injected = sql, True, [], True
        if node.relation_name is None and node.is_relational:  # as dbt's _compile_code
            from dbt.adapters.factory import get_adapter

            node.relation_name = str(get_adapter(self.config).Relation.create_from(self.config, node))
        if write:
            self._write_node(node, split_suffix=split_suffix)
        return node

    Compiler.compile_node = compile_node_once


def _reuse_the_parsed_project() -> None:
    """dbt reads its parse cache (``partial_parse.msgpack``) at every start and decodes it into the
    project's nodes and macros, then checks that nothing changed since. Given the bytes the code
    location read before (``_read_the_warehouse_parse_cache``), the decoded project is that one:
    this child's own copy, which dbt then checks and updates as it would its own reading."""
    from dbt.contracts.graph.manifest import Manifest

    if _PARSED_PROJECT is None:
        return
    kept = list(_PARSED_PROJECT)  # emptied once handed over: a second reading decodes its own
    from_msgpack = Manifest.from_msgpack

    def from_msgpack_once(cls, data, **kwargs):
        if cls is Manifest and kept and data == kept[0] and kwargs.keys() <= {"decoder"}:
            manifest = kept[1]
            kept.clear()
            return manifest
        return from_msgpack(data, **kwargs)

    Manifest.from_msgpack = classmethod(from_msgpack_once)


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


warm_dbt_for_forks()
