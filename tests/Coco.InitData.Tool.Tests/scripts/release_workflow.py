"""Reads a GitHub Actions workflow with PyYAML and prints its jobs as JSON: each job's matrix include list and its
steps in order (name, uses, run, env)."""
import json
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as stream:
    workflow = yaml.safe_load(stream)

# PyYAML reads the key `on` as the boolean True (YAML 1.1); the workflow's triggers are kept under "on".
jobs = {}
for name, job in workflow["jobs"].items():
    matrix = (job.get("strategy") or {}).get("matrix") or {}
    jobs[name] = {
        "needs": job.get("needs"),
        "include": matrix.get("include") or [],
        "steps": [{
            "name": step.get("name") or step.get("uses") or "",
            "uses": step.get("uses"),
            "run": step.get("run"),
            "env": {k: str(v) for k, v in (step.get("env") or {}).items()},
        } for step in job["steps"]],
    }
print(json.dumps({"on": workflow.get("on", workflow.get(True)), "jobs": jobs}))
