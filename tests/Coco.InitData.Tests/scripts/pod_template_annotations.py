#!/usr/bin/env python3
"""Reads a manifest with PyYAML (or, with --json, Python's json module, as kubectl reads text starting with '{')
and prints each object's kind, name and the annotation NAME at its pod template, where genpolicy puts it
(kata-containers 4.1.0 src/tools/genpolicy/src/*.rs add_policy_annotation paths)."""
import json
import sys

import yaml

PATHS = {
    "Pod": [],
    "Deployment": ["spec", "template"],
    "StatefulSet": ["spec", "template"],
    "DaemonSet": ["spec", "template"],
    "ReplicaSet": ["spec", "template"],
    "ReplicationController": ["spec", "template"],
    "Job": ["spec", "template"],
    "CronJob": ["spec", "jobTemplate", "spec", "template"],
}


def objects(doc):
    if doc is None:
        return
    if doc.get("kind", "").endswith("List") and isinstance(doc.get("items"), list):
        for item in doc["items"]:
            yield from objects(item)
    else:
        yield doc


path, name = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    docs = [json.load(f)] if "--json" in sys.argv else list(yaml.safe_load_all(f))
result = []
for doc in docs:
    for obj in objects(doc):
        kind = obj["kind"]
        value = None
        if kind in PATHS:
            node = obj
            for key in PATHS[kind]:
                node = node[key]
            value = ((node.get("metadata") or {}).get("annotations") or {}).get(name)
        result.append({"kind": kind, "name": (obj.get("metadata") or {}).get("name"), "annotation": value})
print(json.dumps(result))
