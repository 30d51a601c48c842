"""Reads a manifest with PyYAML and prints, per document, kind and the initdata annotation at the pod's path."""
import json
import sys

import yaml

NAME = sys.argv[2]
PATHS = {
    "Pod": [],
    "Deployment": ["spec", "template"],
    "StatefulSet": ["spec", "template"],
    "DaemonSet": ["spec", "template"],
    "ReplicaSet": ["spec", "template"],
    "Job": ["spec", "template"],
    "CronJob": ["spec", "jobTemplate", "spec", "template"],
}
result = []
for doc in yaml.safe_load_all(open(sys.argv[1], encoding="utf-8")):
    if doc is None:
        continue
    kind = doc["kind"]
    value = None
    if kind in PATHS:
        node = doc
        for key in PATHS[kind]:
            node = node[key]
        value = ((node.get("metadata") or {}).get("annotations") or {}).get(NAME)
    result.append({"kind": kind, "annotation": value})
print(json.dumps(result))
