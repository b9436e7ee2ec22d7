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
        checks { name }
      }
    }
  }
}"""

# The run's own event log: the input-folder sensor runs by default under `dagster dev` and may
# launch a run of its own beside ours, so "latest execution" of a check need not be ours.
RUN_EVENTS_QUERY = """
query RunEvents($runId: ID!, $after: String) {
  runOrError(runId: $runId) {
    ... on Run {
      eventConnection(afterCursor: $after) {
        cursor hasMore
        events {
          __typename
          ... on AssetCheckEvaluationEvent {
            evaluation { assetKey { path } checkName success severity }
          }
        }
      }
    }
  }
}"""


def check_evaluations(client, run_id) -> dict:
    evaluations, after = {}, None
    while True:
        page = client._execute(RUN_EVENTS_QUERY, {"runId": run_id, "after": after})
        connection = page["runOrError"]["eventConnection"]
        for event in connection["events"]:
            if event["__typename"] == "AssetCheckEvaluationEvent":
                ev = event["evaluation"]
                evaluations["/".join(ev["assetKey"]["path"]) + ":" + ev["checkName"]] = ev
        if not connection["hasMore"]:
            return evaluations
        after = connection["cursor"]


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
    declared = {"/".join(node["assetKey"]["path"]) + ":" + check["name"]
                for node in data["assetNodes"]
                for check in (node["assetChecksOrError"] or {}).get("checks", [])}
    assert len(declared) >= 8
    ran = check_evaluations(client, run_id)
    assert set(ran) == declared  # the whole graph ran every check
    assert ran["raw/source_files:every_input_file_recorded"]["success"]
    assert ran["raw/articles:token_offsets_reproduce_text"]["success"]
    odd = ran["raw/articles:unexpected_script_characters"]
    assert not odd["success"] and odd["severity"] == "WARN"
    assert query(tmp / "khabar.duckdb", "select count(*) from marts.dim_documents") == [(5,)]
