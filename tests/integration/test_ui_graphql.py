"""The UI path end to end: start ``dagster dev -w workspace.yaml`` (as ``make ui`` does) on seeds/, launch
akhbar_pipeline through GraphQL (the mutation the Launchpad sends), wait for the run, read its check results
back through GraphQL and look at the published warehouse."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.definitions import CHECKS
from pipeline.defs.sensors import PIPELINE_JOB
from pipeline.storage.parquet import ParquetStore
from pipeline.storage.warehouse import WarehouseLayout

ROOT = Path(__file__).resolve().parents[2]
LOCATION = "akhbar"  # workspace.yaml
STARTUP_SECONDS = 120
RUN_SECONDS = 300
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}
# no daemon needed: the webserver launches the run itself when the Launchpad (here: this test) asks
DAGSTER_YAML = """\
run_coordinator:
  module: dagster._core.run_coordinator
  class: DefaultRunCoordinator
telemetry:
  enabled: false
"""

# --- GraphQL documents (the fields the UI reads) ----------------------------------------------------------
LOCATION_STATUS = """{ locationStatusesOrError { __typename
  ... on WorkspaceLocationStatusEntries { entries { name loadStatus } } } }"""
WORKSPACE = """{ workspaceOrError { __typename ... on Workspace { locationEntries { name
  locationOrLoadError { __typename ... on RepositoryLocation { name repositories { name jobs { name } } }
                        ... on PythonError { message stack } } } } ... on PythonError { message } } }"""
LAUNCH_RUN = """mutation LaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) { __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message stack }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on Error { message } } }"""
RUN_STATUS = """query RunStatus($runId: ID!) { runOrError(runId: $runId) { __typename
  ... on Run { runId status jobName }
  ... on RunNotFoundError { message } ... on PythonError { message } } }"""
RUN_EVENTS = """query RunEvents($runId: ID!, $cursor: String) {
  logsForRun(runId: $runId, afterCursor: $cursor, limit: 1000) { __typename
    ... on EventConnection { cursor hasMore events { __typename
      ... on AssetCheckEvaluationPlannedEvent { assetKey { path } checkName }
      ... on AssetCheckEvaluationEvent { evaluation { assetKey { path } checkName success severity } }
      ... on ExecutionStepFailureEvent { stepKey error { message cause { message } } }
      ... on RunFailureEvent { message error { message } }
      ... on EngineEvent { message error { message cause { message } } } } }
    ... on RunNotFoundError { message } ... on PythonError { message } } }"""
ASSET_CHECKS = """{ assetNodes { assetKey { path } assetChecksOrError { __typename
  ... on AssetChecks { checks { name
    executionForLatestMaterialization { runId status evaluation { success } } } } } } }"""


@dataclass(frozen=True)
class Ui:
    """A running ``dagster dev``: its GraphQL address, its log, the input and warehouse it serves."""

    url: str
    log: Path
    warehouse: Path

    def log_tail(self, lines: int = 60) -> str:
        """The last ``lines`` lines of the webserver's output, for assertion messages."""
        text = self.log.read_text(errors="replace") if self.log.exists() else "(no log)"
        return "\n--- dagster dev log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])

    def query(self, document: str, variables: dict[str, Any] | None = None, timeout: float = 60) -> dict[str, Any]:
        """POST one GraphQL document and return its ``data``; GraphQL errors fail the test with the log tail."""
        body = graphql(self.url, document, variables, timeout)
        assert not body.get("errors"), f"GraphQL errors: {body['errors']}{self.log_tail()}"
        return body["data"]


# urllib would send 127.0.0.1 through an http_proxy from the environment: open without proxies
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def graphql(url: str, document: str, variables: dict[str, Any] | None = None, timeout: float = 60) -> dict[str, Any]:
    """The JSON body of a GraphQL POST to ``url`` (raises OSError while the server is not up); an HTTP error
    status with a GraphQL body (a malformed query) returns that body, whose ``errors`` say what is wrong."""
    payload = json.dumps({"query": document, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, data=payload, headers={"Content-Type": "application/json"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as err:
        text = err.read().decode(errors="replace")
        try:
            body = json.loads(text)
        except ValueError:
            raise OSError(f"HTTP {err.code} from {url}: {text[:2000]}") from None
        if not isinstance(body, dict) or "errors" not in body:
            raise OSError(f"HTTP {err.code} from {url}: {text[:2000]}") from None
        return body


def free_port() -> int:
    """A loopback port free right now (skips the test when none can be bound)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    except OSError as err:
        pytest.skip(f"cannot bind a port on 127.0.0.1: {err}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop ``dagster dev`` and everything it started: Ctrl-C to its process group, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGINT)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):  # code server, run worker: whatever did not exit in time
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=15)


def wait_until_loaded(ui: Ui, proc: subprocess.Popen[bytes]) -> None:
    """Block until the GraphQL endpoint answers and the code location has loaded (or fail, with the log)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    last: object = None
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"dagster dev exited with code {proc.returncode}{ui.log_tail()}"
        try:
            body = graphql(ui.url, LOCATION_STATUS, timeout=10)
        except (OSError, ValueError) as err:  # not listening yet, or a half-started server
            last = err
        else:
            last = body
            statuses = body.get("data", {}).get("locationStatusesOrError", {})
            if any(e["name"] == LOCATION and e["loadStatus"] == "LOADED" for e in statuses.get("entries", [])):
                return
        time.sleep(1)
    pytest.fail(f"code location {LOCATION!r} not loaded after {STARTUP_SECONDS}s (last answer: {last}){ui.log_tail()}")


@pytest.fixture(scope="module")
def ui(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Ui]:
    """``dagster dev -w workspace.yaml`` on a free loopback port, seeds/ as input, a fresh warehouse and home."""
    port = free_port()
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text(DAGSTER_YAML)
    warehouse = tmp_path_factory.mktemp("warehouse")
    log = home / "dagster_dev.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKHBAR_")}
    env.update(DAGSTER_HOME=str(home), AKHBAR_INPUT=str(seeds_dir), AKHBAR_WAREHOUSE=str(warehouse),
               PYTHONUNBUFFERED="1")
    dagster = Path(sys.executable).with_name("dagster")
    assert dagster.exists(), f"no dagster command beside {sys.executable}"
    command = [str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        handle = Ui(url=f"http://127.0.0.1:{port}/graphql", log=log, warehouse=warehouse)
        wait_until_loaded(handle, proc)
        yield handle
    finally:
        stop(proc)


def run_events(ui: Ui, run_id: str) -> list[dict[str, Any]]:
    """Every event of the run that ``RUN_EVENTS`` asks about (check plans and results, engine events, failures)."""
    events: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = ui.query(RUN_EVENTS, {"runId": run_id, "cursor": cursor})["logsForRun"]
        assert page["__typename"] == "EventConnection", f"{page}{ui.log_tail()}"
        events += [e for e in page["events"] if len(e) > 1]  # events of other types carry only __typename
        cursor = page["cursor"]
        if not page["hasMore"]:
            return events


def failures(events: list[dict[str, Any]]) -> str:
    """The errors among ``events`` (steps, run worker, run), one per line (for assertion messages)."""
    lines = []
    for e in events:
        error = e.get("error") or {}
        cause = (error.get("cause") or {}).get("message", "")
        detail = f"{error.get('message', '')} {cause}".strip()
        if e["__typename"] == "ExecutionStepFailureEvent":
            lines.append(f"step {e['stepKey']}: {detail}")
        elif e["__typename"] == "EngineEvent" and error:
            lines.append(f"{e['message']} {detail}")
        elif e["__typename"] == "RunFailureEvent":
            lines.append(f"run: {e['message']} {detail}".strip())
    return "\n".join(lines)


@dataclass(frozen=True)
class LaunchedRun:
    """A finished run launched through GraphQL: its id, last status and the events ``RUN_EVENTS`` returns."""

    run_id: str
    status: str
    events: list[dict[str, Any]]


@pytest.fixture(scope="module")
def launched(ui: Ui) -> LaunchedRun:
    """Find the job in the workspace, ``launchRun`` it and poll until the run ends."""
    workspace = ui.query(WORKSPACE)["workspaceOrError"]
    assert workspace["__typename"] == "Workspace", f"{workspace}{ui.log_tail()}"
    location = next(e for e in workspace["locationEntries"] if e["name"] == LOCATION)["locationOrLoadError"]
    assert location["__typename"] == "RepositoryLocation", f"the location did not load: {location}{ui.log_tail()}"
    repos = [r["name"] for r in location["repositories"] if PIPELINE_JOB in {j["name"] for j in r["jobs"]}]
    assert len(repos) == 1, f"{PIPELINE_JOB} not in exactly one repository: {location['repositories']}"

    selector = {"repositoryLocationName": LOCATION, "repositoryName": repos[0], "jobName": PIPELINE_JOB}
    result = ui.query(LAUNCH_RUN, {"executionParams": {"selector": selector, "runConfigData": {}}})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", f"launchRun: {result}{ui.log_tail()}"
    run_id = result["run"]["runId"]

    deadline = time.monotonic() + RUN_SECONDS
    status = result["run"]["status"]
    while status not in TERMINAL:
        assert time.monotonic() < deadline, f"run {run_id} still {status} after {RUN_SECONDS}s{ui.log_tail()}"
        time.sleep(1)
        run = ui.query(RUN_STATUS, {"runId": run_id})["runOrError"]
        assert run["__typename"] == "Run", f"{run}{ui.log_tail()}"
        status = run["status"]
    return LaunchedRun(run_id=run_id, status=status, events=run_events(ui, run_id))


def test_run_launched_from_graphql_succeeds(ui: Ui, launched: LaunchedRun):
    assert launched.status == "SUCCESS", (
        f"run {launched.run_id} ended {launched.status}\n{failures(launched.events)}{ui.log_tail()}"
    )


def test_every_check_ran_and_passed(ui: Ui, launched: LaunchedRun):
    planned = {(tuple(e["assetKey"]["path"]), e["checkName"]) for e in launched.events
               if e["__typename"] == "AssetCheckEvaluationPlannedEvent"}
    evaluations = [e["evaluation"] for e in launched.events if e["__typename"] == "AssetCheckEvaluationEvent"]
    evaluated = {(tuple(e["assetKey"]["path"]), e["checkName"]) for e in evaluations}
    defined = {(tuple(k.asset_key.path), k.name) for c in CHECKS for k in c.check_keys}
    assert len(evaluated) > 10 and len(evaluations) == len(evaluated), evaluations
    assert planned == evaluated == defined, (
        f"planned-evaluated {planned - evaluated}, defined-evaluated {defined - evaluated}\n{failures(launched.events)}"
    )
    failed = sorted(f"{'/'.join(e['assetKey']['path'])}.{e['checkName']}" for e in evaluations if not e["success"])
    assert not failed, f"checks failed: {failed}\n{failures(launched.events)}"


def test_asset_pages_show_this_runs_checks_passed(ui: Ui, launched: LaunchedRun):
    shown: dict[str, dict[str, Any] | None] = {}
    for node in ui.query(ASSET_CHECKS)["assetNodes"]:
        checks = node["assetChecksOrError"]
        assert checks["__typename"] == "AssetChecks", checks
        for check in checks["checks"]:
            shown[f"{'/'.join(node['assetKey']['path'])}.{check['name']}"] = check["executionForLatestMaterialization"]
    assert len(shown) > 10
    wrong = {name: ex for name, ex in shown.items()
             if ex is None or ex["runId"] != launched.run_id or ex["status"] != "SUCCEEDED"
             or not (ex["evaluation"] or {}).get("success")}
    assert not wrong, f"checks not shown as passed by run {launched.run_id}: {wrong}"


def test_the_run_is_published_to_the_warehouse(ui: Ui, launched: LaunchedRun):
    assert launched.status == "SUCCESS", f"run {launched.run_id} ended {launched.status}{ui.log_tail()}"
    layout = WarehouseLayout(ui.warehouse)
    assert layout.current_run_id() == launched.run_id, "the UI run is the published one"
    assert ParquetStore(ui.warehouse).read("documents").height == 5
    con = duckdb.connect(str(layout.database_path), read_only=True)
    try:
        assert con.execute("select count(*) from documents").fetchone() == (5,)
        assert con.execute("select count(*) from entities").fetchone()[0] > 0
    finally:
        con.close()
