"""Reads a multi-document YAML stream with PyYAML and prints, for each object, its kind, name, its own
metadata.annotations and the annotations of its pod template (null when the kind has none), as JSON.
The pod templates are Kubernetes' own: spec.template for the workload controllers, spec.jobTemplate.spec.template
for a CronJob, and a Pod's own metadata."""
import json
import sys

import yaml

TEMPLATE = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}


def annotations(metadata):
    return (metadata or {}).get("annotations") or {}


out = []
with open(sys.argv[1], encoding="utf-8") as stream:
    for doc in yaml.safe_load_all(stream):
        if not doc:
            continue
        kind = doc.get("kind")
        own = annotations(doc.get("metadata"))
        if kind in TEMPLATE:
            template = annotations(doc["spec"]["template"].get("metadata"))
        elif kind == "CronJob":
            template = annotations(doc["spec"]["jobTemplate"]["spec"]["template"].get("metadata"))
        elif kind == "Pod":
            template = own
        else:
            template = None
        out.append({"kind": kind, "name": doc["metadata"]["name"], "own": own, "template": template})
print(json.dumps(out))
