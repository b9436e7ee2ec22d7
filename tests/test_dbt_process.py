"""dbt forked from the step process: behaves like the subprocess dagster-dbt would start."""
import inspect
import json
import signal
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from orchestration.dbt_process import ForkedDbt, dbt_forked_from_this_process, dbt_runs_in_this_python

from .conftest import ROOT

DBT = str(Path(sys.executable).with_name("dbt"))


def events(process: ForkedDbt) -> list:
    lines = [line.decode().strip() for line in process.stdout]
    return [json.loads(line) for line in lines if line.startswith("{")]


def dbt_env(tmp_path, **extra):
    import os

    return {**os.environ, "DBT_LOG_FORMAT": "json", "DBT_TARGET_PATH": str(tmp_path / "target"),
            "DBT_LOG_PATH": str(tmp_path / "target"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "KHABAR_WAREHOUSE": str(tmp_path / "khabar.duckdb"), **extra}


def test_dagster_dbt_still_starts_dbt_with_subprocess_popen():
    from dagster_dbt.core import dbt_cli_invocation

    assert dbt_cli_invocation.subprocess.Popen is not None
    assert "subprocess.Popen(" in inspect.getsource(dbt_cli_invocation.DbtCliInvocation.run)


def test_a_forked_dbt_streams_json_events_and_exits_zero(dbt_manifest, tmp_path):
    process = ForkedDbt([DBT, "ls", "--resource-type", "model", "--profiles-dir", "."], dbt_env(tmp_path),
                        ROOT / "dbt_project")
    names = {e["info"]["name"] for e in events(process)}
    assert process.wait(timeout=60) == 0
    assert {"MainReportVersion", "PrintEvent"} <= names  # one JSON line per event, as dagster-dbt parses them


def test_a_failing_dbt_command_gives_a_non_zero_exit_and_its_error(tmp_path):
    process = ForkedDbt([DBT, "build", "--profiles-dir", "."], dbt_env(tmp_path), tmp_path)  # no project here
    output = list(process.stdout)
    assert process.wait(timeout=60) == 2
    assert any(b"dbt_project.yml" in line for line in output)


def test_sigint_stops_a_forked_dbt(dbt_manifest, tmp_path):
    # `dbt debug` connects to the database; interrupted at once, it must still exit
    process = ForkedDbt([DBT, "debug", "--profiles-dir", "."], dbt_env(tmp_path), ROOT / "dbt_project")
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    list(process.stdout)
    assert process.wait(timeout=60) is not None


def test_popen_is_replaced_only_for_this_pythons_dbt_and_only_inside_the_block():
    from dagster_dbt.core import dbt_cli_invocation

    real = dbt_cli_invocation.subprocess
    with dbt_forked_from_this_process(DBT):
        shim = dbt_cli_invocation.subprocess
        assert shim is not real and shim.PIPE == real.PIPE
        echo = shim.Popen(["echo", "hello"], stdout=real.PIPE, stderr=real.STDOUT)
        assert not isinstance(echo, ForkedDbt) and echo.stdout.read().strip() == b"hello"
        echo.wait()
    assert dbt_cli_invocation.subprocess is real
    assert dbt_runs_in_this_python(DBT) and not dbt_runs_in_this_python("/usr/local/bin/dbt")


def test_dbt_steps_do_not_start_a_new_python(dbt_manifest, tmp_path, monkeypatch):
    """A whole build with exec of dbt forbidden: every dbt step must run as a fork."""
    import subprocess

    from .conftest import SAMPLE_SEEDS, query, run_pipeline

    real_popen = subprocess.Popen

    def no_dbt_exec(args, *a, **k):
        if str(args[0]) == DBT:
            raise AssertionError("dbt started as a new Python")
        return real_popen(args, *a, **k)

    monkeypatch.setattr(subprocess, "Popen", no_dbt_exec)
    result = run_pipeline(SAMPLE_SEEDS, tmp_path / "khabar.duckdb")
    assert result.success
    assert query(tmp_path / "khabar.duckdb", "select count(*) from marts.dim_documents") == [(5,)]
    # the forked dbt closed its database as an exiting dbt would: its log is merged into the file
    assert not (tmp_path / "khabar.duckdb.wal").exists()


def test_khabar_dbt_subprocess_brings_back_the_plain_subprocess(monkeypatch):
    from dagster_dbt.core import dbt_cli_invocation

    from orchestration.assets.dbt import KhabarDbtCliResource

    seen = []

    def record(self, args, **kwargs):
        seen.append(dbt_cli_invocation.subprocess)

    monkeypatch.setattr("dagster_dbt.DbtCliResource.cli", record)
    resource = KhabarDbtCliResource(project_dir=str(ROOT / "dbt_project"), dbt_executable=DBT)
    resource.cli(["ls"])
    monkeypatch.setenv("KHABAR_DBT_SUBPROCESS", "1")
    resource.cli(["ls"])
    import subprocess

    assert seen[0] is not subprocess and seen[1] is subprocess


@pytest.fixture
def spared_dbt(monkeypatch, tmp_path):
    """``spare_dbt_needless_work`` applied, and undone after the test: it is meant for forked children.
    Its compiled templates go to a file of the test's own; the sources Jinja compiled, into the list
    the fixture returns."""
    import jinja2
    from dbt_common import behavior_flags
    from dbt_common.clients import agate_helper
    from dbt_common.events import event_manager
    from dbt.context.macros import MacroNamespaceBuilder
    from dbt.context.manifest import ManifestContext
    from dbt_common.events import logger as dbt_logger
    from dbt_common.events.base_types import BaseEvent

    from orchestration import dbt_process
    from orchestration.dbt_process import CompiledTemplates, spare_dbt_needless_work

    monkeypatch.setattr(dbt_process, "_TEMPLATES", CompiledTemplates(tmp_path / "templates.marshal"))

    monkeypatch.setattr(dbt_logger._Logger, "write_line", dbt_logger._Logger.write_line)
    monkeypatch.setattr(behavior_flags.BehaviorFlagRendered, "_default_source",
                        behavior_flags.BehaviorFlagRendered.__dict__["_default_source"])
    monkeypatch.setattr(event_manager.EventManager, "fire_event", event_manager.EventManager.fire_event)
    monkeypatch.setattr(agate_helper, "build_type_tester", agate_helper.build_type_tester)
    for name in ("__init__", "__getattr__", "__setattr__"):
        monkeypatch.setattr(BaseEvent, name, BaseEvent.__dict__[name])
    monkeypatch.setattr(MacroNamespaceBuilder, "build_namespace", MacroNamespaceBuilder.build_namespace)
    monkeypatch.setattr(ManifestContext, "to_dict", ManifestContext.to_dict)
    from dbt.context import base, providers

    monkeypatch.setattr(providers, "args_to_dict", providers.args_to_dict)
    monkeypatch.setattr(base.flags_module, "get_flag_obj", base.flags_module.get_flag_obj)
    monkeypatch.setattr(base, "get_context_modules", base.get_context_modules)
    from dbt.compilation import Compiler

    monkeypatch.setattr(Compiler, "compile_node", Compiler.compile_node)
    from dbt.plugins.manager import PluginManager

    monkeypatch.setattr(PluginManager, "get_prefixed_modules", PluginManager.__dict__["get_prefixed_modules"])
    monkeypatch.setattr(dbt_process, "_PLUGIN_MODULES", {"dbt_common": __import__("dbt_common")})
    from dbt.contracts.graph.manifest import Manifest

    monkeypatch.setattr(Manifest, "from_msgpack", Manifest.__dict__["from_msgpack"])
    compiled = []
    compile_template = jinja2.Environment.compile

    def counted_compile(self, source, *args):
        compiled.append(source)
        return compile_template(self, source, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counted_compile)
    build_event, build_namespace = BaseEvent.__init__, MacroNamespaceBuilder.build_namespace  # dbt's own
    spare_dbt_needless_work()
    return SimpleNamespace(compiled=compiled, counted_compile=counted_compile, build_event=build_event,
                           build_namespace=build_namespace)


def info_logger(monkeypatch):
    """dbt's JSON logger at info level, into a string; the messages it made lines of, in a list."""
    import io

    from dbt_common.events import logger as dbt_logger
    from dbt_common.events.base_types import EventLevel

    stream = io.StringIO()
    logger = dbt_logger._JsonLogger(dbt_logger.LoggerConfig(
        name=f"khabar-test-{id(stream)}", level=EventLevel.INFO, line_format=dbt_logger.LineFormat.Json,
        output_stream=stream))
    made = []
    monkeypatch.setattr(logger, "create_line", lambda msg: made.append(msg) or msg.info.msg)
    return logger, stream, made


def test_dbt_makes_log_lines_only_for_loggers_that_keep_them(spared_dbt, monkeypatch):
    import logging

    from dbt_common import behavior_flags
    from dbt_common.events.base_types import EventLevel
    from dbt_common.events.base_types import msg_from_base_event
    from dbt_common.events.types import Note

    logger, stream, made = info_logger(monkeypatch)
    logger.write_line(msg_from_base_event(Note(msg="a debug line"), level=EventLevel.DEBUG))
    logger.write_line(msg_from_base_event(Note(msg="an info line"), level=EventLevel.INFO))
    assert [m.info.msg for m in made] == ["an info line"]  # the debug line was never made
    assert stream.getvalue().strip() == "an info line"
    assert logging.getLogger(logger.name).level == logging.INFO

    # a behaviour flag still names the module that declared it, here this test module
    patched = behavior_flags.BehaviorFlagRendered({"name": "f", "default": False, "description": "d"}, {})
    assert patched._behavior_change_event.flag_source == __name__


def test_dbt_makes_an_event_message_only_when_someone_receives_it(spared_dbt, monkeypatch):
    from dbt_common.events import base_types, event_manager
    from dbt_common.events.base_types import EventLevel
    from dbt_common.events.types import Note

    made = []
    monkeypatch.setattr(event_manager, "msg_from_base_event",
                        lambda e, level=None: made.append(e.msg) or base_types.msg_from_base_event(e, level))
    from dbt.tracking import track_behavior_change_warn

    manager = event_manager.EventManager()
    logger, stream, _ = info_logger(monkeypatch)
    manager.loggers.append(logger)
    manager.add_callback(track_behavior_change_warn)  # dbt registers it for every invocation
    manager.fire_event(Note(msg="debug, kept by no one"), level=EventLevel.DEBUG)
    manager.fire_event(Note(msg="info"), level=EventLevel.INFO)
    manager.fire_event(Note(msg="a warning"), level=EventLevel.WARN)  # may be raised as an error: always made
    assert made == ["info", "a warning"]
    assert stream.getvalue().split() == ["info", "a", "warning"]
    received = []
    manager.add_callback(received.append)  # a callback receives every event, debug too
    manager.fire_event(Note(msg="debug, for the callback"), level=EventLevel.DEBUG)
    assert [m.info.msg for m in received] == ["debug, for the callback"]


def test_a_dbt_event_builds_its_message_when_first_read_and_the_same_message(spared_dbt):
    from dbt.events.types import LogTestResult
    from dbt_common.events.base_types import BaseEvent, msg_from_base_event
    from dbt_common.events.types import Note

    fields = {"name": "not_null_x", "status": "pass", "index": 3, "num_models": 9, "execution_time": 0.5,
              "node_info": {"unique_id": "test.khabar.not_null_x", "node_status": "success"}}
    lazy = LogTestResult(**fields)
    assert "pb_msg" not in vars(lazy)  # nothing parsed yet
    assert lazy.name == "not_null_x" and lazy.node_info.unique_id == "test.khabar.not_null_x"
    eager = LogTestResult.__new__(LogTestResult)
    spared_dbt.build_event(eager, **fields)  # dbt's own constructor
    assert lazy.to_dict() == eager.to_dict() and lazy.message() == eager.message()
    assert msg_from_base_event(LogTestResult(**fields)).data == msg_from_base_event(eager).data

    written = Note(msg="before")
    written.msg = "after"  # a field set before any read lands in the message
    assert written.to_dict() == {"msg": "after"}
    assert isinstance(written, BaseEvent)


def test_every_dbt_context_gets_the_macro_namespace_dbt_would_build(spared_dbt, dbt_manifest):
    """The laid-out namespaces hold, under every name, the same macro (bound to the new context)
    as dbt's own, for contexts of the root package and of the adapters' package."""
    from dbt.clients.jinja import MacroGenerator, MacroStack
    from dbt.context import macros as dbt_macros
    from dbt.contracts.graph.manifest import Manifest

    manifest = Manifest.from_msgpack((dbt_manifest.parent / "partial_parse.msgpack").read_bytes())
    by_package = manifest.get_macros_by_package()
    assert sum(len(p) for p in by_package.values()) > 400
    laid_out_build = dbt_macros.MacroNamespaceBuilder.build_namespace

    def describe(namespace, ctx):
        def macros(flat):
            assert all(g.context is ctx for g in flat.values())
            return {name: g.macro.unique_id for name, g in flat.items()}
        flattened = {}
        for name in namespace:
            value = namespace[name]
            flattened[name] = macros(value) if isinstance(value, dict) else value.macro.unique_id
        return (macros(namespace.global_namespace), macros(namespace.local_namespace),
                macros(namespace.global_project_namespace),
                {p: macros(f) for p, f in namespace.packages.items()}, flattened)

    for search_package in ("khabar", "dbt_duckdb", "khabar"):  # the second khabar: a learnt layout
        def builder():
            return dbt_macros.MacroNamespaceBuilder("khabar", search_package, MacroStack(), ["dbt_duckdb", "dbt"])
        ctx_ours, ctx_dbts = {"n": 1}, {"n": 2}
        ours = laid_out_build(builder(), by_package, ctx_ours)
        dbts = spared_dbt.build_namespace(builder(), by_package, ctx_dbts)
        assert describe(ours, ctx_ours) == describe(dbts, ctx_dbts)
        assert {k: v.macro.unique_id if isinstance(v, MacroGenerator) else sorted(v) for k, v in ours.flat.items()} \
            == {k: v.macro.unique_id if isinstance(v, MacroGenerator) else sorted(v) for k, v in dbts.items()}
        assert ours.get_from_package("dbt", "run_query").macro.unique_id == "macro.dbt.run_query"


def test_dbt_contexts_get_their_own_copy_of_the_invocation_constants(spared_dbt, monkeypatch):
    from argparse import Namespace

    from dbt.context import base, providers
    from dbt.utils import args_to_dict

    args = Namespace(which="build", select=("a",), vars={"x": 1})
    first = providers.args_to_dict(args)
    assert first == args_to_dict(args)  # dbt's own answer
    first["which"] = "changed by a macro"
    assert providers.args_to_dict(args) == args_to_dict(args)  # a copy each time
    other = Namespace(which="test", select=(), vars={})
    assert providers.args_to_dict(other) == args_to_dict(other)  # other arguments: built again

    monkeypatch.setattr(base.flags_module, "GLOBAL_FLAGS", Namespace(FULL_REFRESH=True, WHICH="build"))
    flags = base.flags_module.get_flag_obj()
    assert flags.FULL_REFRESH is True and flags.WHICH == "build"
    flags.FULL_REFRESH = False
    assert base.flags_module.get_flag_obj().FULL_REFRESH is True
    monkeypatch.setattr(base.flags_module, "GLOBAL_FLAGS", Namespace(FULL_REFRESH=False, WHICH="run"))
    assert base.flags_module.get_flag_obj().WHICH == "run"  # another invocation's flags

    modules = base.get_context_modules()
    assert set(modules) == {"pytz", "datetime", "re", "itertools"}
    modules["datetime"].clear()
    assert "datetime" in base.get_context_modules()["datetime"]


def test_dbt_takes_the_plugin_modules_the_code_location_found(spared_dbt, monkeypatch):
    import pkgutil

    from dbt.plugins.manager import PluginManager

    monkeypatch.setattr(pkgutil, "iter_modules", lambda *a, **k: iter(()))  # no scan of sys.path
    assert set(PluginManager.get_prefixed_modules()) == {"dbt_common"}
    assert PluginManager.from_modules("khabar").hooks == {}


def test_dbt_builds_one_type_tester_for_the_same_columns(spared_dbt):
    from dbt_common.clients import agate_helper

    tester = agate_helper.build_type_tester(["a"])
    assert agate_helper.build_type_tester(text_columns=["a"]) is tester
    assert agate_helper.build_type_tester(["b"]) is not tester
    table = agate_helper.table_from_rows([("1", "2026-12-01")], ["a", "b"], text_only_columns=["a"])
    assert [type(t).__name__ for t in table.column_types] == ["Text", "Date"]


def test_dbt_compiles_a_template_string_once_and_renders_it_with_each_context(spared_dbt):
    from dbt_common.clients.jinja import get_template

    first = get_template("{{ x }} and {{ y | default('none') }}", {"x": 1}).render({})
    second = get_template("{{ x }} and {{ y | default('none') }}", {"x": 2, "y": 3}).render({})
    assert (first, second) == ("1 and none", "2 and 3")
    assert spared_dbt.compiled == ["{{ x }} and {{ y | default('none') }}"]


def test_compiled_templates_serve_the_next_dbt_invocation(spared_dbt, monkeypatch):
    import jinja2
    from dbt_common.clients.jinja import get_template

    from orchestration import dbt_process

    source = "{% for i in range(2) %}{{ x | upper }}{% endfor %}"
    assert get_template(source, {"x": "a"}).render({}) == "AA" and spared_dbt.compiled == [source]
    dbt_process._TEMPLATES.save()  # as a dbt child does when it exits

    spared_dbt.compiled.clear()
    next_process = dbt_process.CompiledTemplates(dbt_process._TEMPLATES.path)
    next_process.load()
    monkeypatch.setattr(dbt_process, "_TEMPLATES", next_process)
    monkeypatch.setattr(jinja2.Environment, "compile", spared_dbt.counted_compile)
    dbt_process._compile_each_template_once()
    assert get_template(source, {"x": "b"}).render({}) == "BB"
    assert spared_dbt.compiled == []  # read from the file, not compiled again
    assert not next_process.added  # nothing new to write back


_COMPILE_GENERIC_TESTS_TWICE = """
import json, sys
from orchestration import dbt_process
from orchestration.dbt_process import CompiledTemplates, spare_dbt_needless_work
from pathlib import Path
dbt_process._TEMPLATES = CompiledTemplates(Path(sys.argv[1]) / "templates.marshal")
from dbt.cli.main import dbtRunner
from dbt.compilation import Compiler
rendered = []
compile_code = Compiler._compile_code
def counted(self, node, *args, **kwargs):
    rendered.append(node.unique_id)
    return compile_code(self, node, *args, **kwargs)
Compiler._compile_code = counted
spare_dbt_needless_work()
compiled = Path(sys.argv[1]) / "target" / "compiled"
runs = []
for _ in range(2):
    rendered.clear()
    assert dbtRunner().invoke(["compile", "--select", "test_type:generic", "--profiles-dir", ".", "--quiet"]).success
    runs.append({"rendered": [u for u in rendered if u.startswith("test.")],
                 "sql": {p.relative_to(compiled).as_posix(): p.read_text() for p in compiled.rglob("*.sql")}})
keys = [k for k in dbt_process._TEMPLATES.code if str(k).startswith("generic-test-sql:")]
print(json.dumps({"runs": runs, "keys": len(keys)}))
"""


def test_a_generic_test_is_compiled_once_to_the_sql_dbt_compiles(dbt_manifest, tmp_path):
    """With the child's patches (in a Python of its own: dbt then holds a database), the second
    build takes each generic test's SQL from the compiled templates, one entry a test, and writes
    the same SQL dbt compiled the first time."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", _COMPILE_GENERIC_TESTS_TWICE, str(tmp_path)],
                         cwd=ROOT / "dbt_project", env={**dbt_env(tmp_path), "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    first, second = result["runs"]
    assert len(first["rendered"]) > 50 and result["keys"] == len(first["rendered"])
    assert second["rendered"] == []  # none rendered again
    assert second["sql"] == first["sql"] and len(first["sql"]) >= len(first["rendered"])


def test_the_code_location_warms_dbt_for_the_children_it_forks(dbt_manifest, monkeypatch):
    from dbt.contracts.project import Project

    from orchestration.dbt_process import warm_dbt_for_forks

    assert warm_dbt_for_forks() == []  # every module, schema and the parsed project: none missing
    from mashumaro.core.meta.code.builder import CodeBuilder

    written = []
    for method in ("add_pack_method", "add_unpack_method"):
        def spy(self, *args, _real=getattr(CodeBuilder, method), **kwargs):
            written.append(self.cls.__qualname__)
            return _real(self, *args, **kwargs)
        monkeypatch.setattr(CodeBuilder, method, spy)
    from dbt.adapters.duckdb.relation import DuckDBRelation
    from dbt.artifacts.schemas.results import TimingInfo
    from dbt.contracts.project import ProjectFlags

    DuckDBRelation.from_dict(DuckDBRelation.create(database="d", schema="s", identifier="i").to_dict())
    TimingInfo(name="execute").to_dict()
    ProjectFlags.from_dict({})
    assert written == []  # the code that reads and writes them was written by the warm-up
    cached = Project.json_schema.__func__.cache_info()
    Project.json_schema()
    assert Project.json_schema.__func__.cache_info().hits == cached.hits + 1


def test_a_child_takes_the_project_the_code_location_decoded_from_the_same_bytes(dbt_manifest, tmp_path,
                                                                                 monkeypatch):
    """The warehouse's parse cache, read when the code location loads, is handed to the child's
    dbt when it reads the same bytes, once; other bytes (a cache dbt rewrote) are decoded as dbt does."""
    from dbt.contracts.graph.manifest import Manifest
    from dbt.parser.manifest import extended_mashumuro_decoder

    from orchestration import dbt_process
    from orchestration.settings import dbt_target_path

    monkeypatch.setattr(Manifest, "from_msgpack", Manifest.__dict__["from_msgpack"])
    warehouse = tmp_path / "khabar.duckdb"
    dbt_target_path(warehouse).mkdir()
    data = (dbt_manifest.parent / "partial_parse.msgpack").read_bytes()
    (dbt_target_path(warehouse) / "partial_parse.msgpack").write_bytes(data)
    monkeypatch.setenv("KHABAR_WAREHOUSE", str(warehouse))
    monkeypatch.setattr(dbt_process, "_PARSED_PROJECT", None)
    dbt_process._read_the_warehouse_parse_cache()
    kept = dbt_process._PARSED_PROJECT[1]
    assert len(kept.nodes) > 100 and len(kept.macros) > 400

    dbt_process._reuse_the_parsed_project()
    assert Manifest.from_msgpack(bytes(data), decoder=extended_mashumuro_decoder) is kept
    again = Manifest.from_msgpack(data, decoder=extended_mashumuro_decoder)  # a second reading: its own
    assert again is not kept and again.nodes.keys() == kept.nodes.keys()
    with pytest.raises(Exception):
        Manifest.from_msgpack(b"\x00" + data, decoder=extended_mashumuro_decoder)  # other bytes: dbt's decoding


def test_forking_dbt_leaves_this_process_garbage_collector_as_it_was(dbt_manifest, tmp_path):
    import gc

    process = ForkedDbt([DBT, "ls", "--resource-type", "model", "--profiles-dir", "."], dbt_env(tmp_path),
                        ROOT / "dbt_project")
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    events(process)
    assert process.wait(timeout=60) == 0
    import importlib
    import sys

    sys.modules.pop("orchestration.frozen_heap", None)
    importlib.import_module("orchestration.frozen_heap")  # as in a step forked from the forkserver
    try:
        frozen = gc.get_freeze_count()
        process = ForkedDbt([DBT, "ls", "--resource-type", "model", "--profiles-dir", "."], dbt_env(tmp_path),
                            ROOT / "dbt_project")
        assert gc.get_freeze_count() > frozen // 2  # still frozen: not handed back to the collector
        events(process)
        assert process.wait(timeout=60) == 0
    finally:
        gc.unfreeze()
        sys.modules.pop("orchestration.frozen_heap")


def test_a_forked_dbt_keeps_debug_lines_in_its_file_log_when_asked(dbt_manifest, tmp_path):
    for level, debug_expected in (("debug", True), ("info", False)):
        env = dbt_env(tmp_path / level)
        process = ForkedDbt([DBT, "ls", "--resource-type", "model", "--profiles-dir", ".",
                             "--log-level-file", level], env, ROOT / "dbt_project")
        stdout_levels = {e["info"]["level"] for e in events(process)}
        assert process.wait(timeout=60) == 0
        file_levels = {json.loads(line)["info"]["level"]
                       for line in (tmp_path / level / "target" / "dbt.log").read_text().splitlines()
                       if line.startswith("{")}
        assert "info" in file_levels and ("debug" in file_levels) == debug_expected
        assert "debug" not in stdout_levels and "info" in stdout_levels


def test_dbt_opens_duckdb_with_the_memory_limit_once(dbt_manifest, tmp_path):
    """KHABAR_DUCKDB_MEMORY_LIMIT reaches dbt's DuckDB, as a config option of the database it opens
    (profiles.yml): dbt-duckdb applies `settings` with a SET on the new cursor of every node."""
    import subprocess

    out = subprocess.run([DBT, "--debug", "show", "--inline", "select current_setting('memory_limit') as m",
                          "--profiles-dir", "."], cwd=ROOT / "dbt_project",
                         env=dbt_env(tmp_path, KHABAR_DUCKDB_MEMORY_LIMIT="300MB"),
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:]
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert any("286.1 MiB" in line["info"]["msg"] for line in lines)  # 300 MB, as DuckDB writes it
