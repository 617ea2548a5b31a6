"""A local AWS Config endpoint for the sandbox and the tests: moto answers what it implements;
the calls it lacks (remediation configurations, compliance results, remediation executions)
are answered here (sandbox/config_store.py), with AWS's shapes and errors.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

import boto3

from sandbox.config_store import ConfigApiError, ConfigStore
from sandbox.relay import RelayHandler

PREFIX = "StarlingDoveService."
_REGION = re.compile(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/config/")
# StartRemediationExecution runs the document: (region, rule, resource ids) -> failed ids.
Remediate = Callable[[str, str, list[str]], list[str]]
_CHANGES = {"PutRemediationConfigurations", "DeleteRemediationConfiguration"}


class ConfigEmulator:
    """AWS Config on 127.0.0.1; `upstream` is moto's URL."""

    def __init__(self, upstream: str, state_file: Path | None = None) -> None:
        self.upstream, self.state_file = upstream, state_file
        self.store = ConfigStore(self.rule_exists)
        if state_file is not None:
            self.store.load(state_file)
        self.remediate: Remediate | None = None  # set by the evaluator
        self._server: ThreadingHTTPServer | None = None
        self.url = ""
        self._session = boto3.session.Session()
        self._clients: dict[str, object] = {}
        self._lock = threading.Lock()

    def moto(self, region: str):
        """A Config client straight to moto (what the emulator knows it implements); one per
        region, from a session of its own (boto3's default one may hold other settings)."""
        with self._lock:
            if region not in self._clients:
                self._clients[region] = self._session.client(
                    "config", region_name=region, endpoint_url=self.upstream,
                    aws_access_key_id="sandbox", aws_secret_access_key="sandbox")
            return self._clients[region]

    def rule_exists(self, region: str, name: str) -> bool:
        if not name:
            return False
        client = self.moto(region)
        try:  # moto answers an empty list, not an error, while a region has no rule at all
            found = client.describe_config_rules(ConfigRuleNames=[name])["ConfigRules"]
        except client.exceptions.NoSuchConfigRuleException:
            return False
        return any(r["ConfigRuleName"] == name for r in found)

    def start(self) -> str:
        handler = type("Handler", (_Handler,), {"emulator": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True,
                         name="config-emulator").start()
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def answer(self, operation: str, region: str, request: dict) -> dict | None:
        """The emulated answer, or None to let moto answer."""
        store = self.store
        emulated = {
            "PutRemediationConfigurations": store.put_remediations,
            "DescribeRemediationConfigurations": store.describe_remediations,
            "DeleteRemediationConfiguration": store.delete_remediation,
            "DescribeComplianceByConfigRule": store.compliance_by_rule,
            "GetComplianceDetailsByConfigRule": store.compliance_details,
            "DescribeRemediationExecutionStatus": store.execution_status,
            "StartRemediationExecution": self._start_execution,
        }
        if operation in emulated:
            answer = emulated[operation](region, request)
            if self.state_file is not None and operation in _CHANGES:
                self.store.save(self.state_file)
            return answer
        if operation == "DeleteConfigRule":
            store.guard_rule_deletion(region, request.get("ConfigRuleName", ""))
            store.forget_rule(region, request.get("ConfigRuleName", ""))
        if operation == "DeleteConfigRule" and self.state_file is not None:
            self.store.save(self.state_file)
        return None

    def _start_execution(self, region: str, request: dict) -> dict:
        name = request.get("ConfigRuleName", "")
        if name not in self.store.region(region).remediations:
            raise ConfigApiError("NoSuchRemediationConfigurationException",
                                 f"No RemediationConfiguration for rule {name} exists.")
        keys = request.get("ResourceKeys") or []
        ids = [k.get("resourceId", "") for k in keys]
        failed = self.remediate(region, name, ids) if self.remediate else ids
        if not failed:
            return {"FailedItems": []}
        return {"FailureMessage": "The remediation could not run.",
                "FailedItems": [k for k in keys if k.get("resourceId") in failed]}


class _Handler(RelayHandler):
    emulator: ConfigEmulator

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        operation = (self.headers.get("X-Amz-Target") or "").removeprefix(PREFIX)
        found = _REGION.search(self.headers.get("Authorization") or "")
        region = found.group(1) if found else "us-east-1"
        try:
            answer = self.emulator.answer(operation, region, json.loads(body or b"{}"))
        except ConfigApiError as exc:
            self._send(400, {"Content-Type": "application/x-amz-json-1.1"},
                       json.dumps({"__type": exc.code, "message": exc.message}).encode())
            return
        if answer is not None:
            self._send(200, {"Content-Type": "application/x-amz-json-1.1"},
                       json.dumps(answer).encode())
            return
        self._send(*self._relay(body))


