"""A real client: start Dagster (webserver + daemon) on 127.0.0.1 and drive it through GraphQL."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from dagster_graphql import DagsterGraphQLClient

from .conftest import ROOT, SAMPLE_SEEDS, query

CHECKS_QUERY = """
query {
  assetNodes {
    assetKey { path }
    assetChecksOrError {
      ... on AssetChecks {
        checks { name executionForLatestMaterialization { status runId evaluation { severity } } }
      }
    }
  }
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dagster_server(dbt_manifest, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("server")
    home = tmp / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "instance" / "dagster.yaml", home / "dagster.yaml")
    seeds = tmp / "seeds"
    shutil.copytree(SAMPLE_SEEDS, seeds)
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "KHABAR_SEEDS_DIR": str(seeds),
           "KHABAR_WAREHOUSE": str(tmp / "khabar.duckdb")}
    log = open(tmp / "dagster.log", "wb")
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster")), "dev", "-m", "orchestration.definitions",
         "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/server_info", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert proc.poll() is None, (tmp / "dagster.log").read_text()
            time.sleep(1)
        else:
            pytest.fail("dagster webserver did not start")
        yield DagsterGraphQLClient("127.0.0.1", port_number=port), tmp
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def test_launch_whole_graph_and_read_checks(dagster_server):
    client, tmp = dagster_server
    run_id = client.submit_job_execution("materialize_all")
    deadline = time.time() + 600
    status = None
    while time.time() < deadline:
        status = client.get_run_status(run_id).value
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(2)
    assert status == "SUCCESS", (tmp / "dagster.log").read_text()[-5000:]

    data = client._execute(CHECKS_QUERY)
    checks = {}
    for node in data["assetNodes"]:
        for check in (node["assetChecksOrError"] or {}).get("checks", []):
            execution = check["executionForLatestMaterialization"]
            checks["/".join(node["assetKey"]["path"]) + ":" + check["name"]] = execution
    assert len(checks) >= 8
    ran = {k: v for k, v in checks.items() if v and v["runId"] == run_id}
    assert ran["raw/source_files:every_input_file_recorded"]["status"] == "SUCCEEDED"
    assert ran["raw/articles:token_offsets_reproduce_text"]["status"] == "SUCCEEDED"
    odd = ran["raw/articles:unexpected_script_characters"]
    assert odd["status"] == "FAILED" and odd["evaluation"]["severity"] == "WARN"
    assert query(tmp / "khabar.duckdb", "select count(*) from marts.dim_documents") == [(5,)]
