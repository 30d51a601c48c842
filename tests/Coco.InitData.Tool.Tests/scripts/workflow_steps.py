"""Reads a GitHub Actions workflow with PyYAML and prints its jobs' steps in order as JSON: name, uses, with,
run, the working directory each run step gets (its own, else the job's defaults, else the workflow's) and the
shell (bash unless named)."""
import json
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as stream:
    workflow = yaml.safe_load(stream)


def run_defaults(node):
    return ((node or {}).get("defaults") or {}).get("run") or {}


steps = []
for job_name, job in workflow["jobs"].items():
    defaults = {**run_defaults(workflow), **run_defaults(job)}
    for step in job["steps"]:
        steps.append({
            "job": job_name,
            "name": step.get("name") or step.get("uses") or "",
            "uses": step.get("uses"),
            "with": step.get("with") or {},
            "run": step.get("run"),
            "workingDirectory": step.get("working-directory", defaults.get("working-directory", ".")),
            "shell": step.get("shell", defaults.get("shell", "bash")),
        })
print(json.dumps(steps))
