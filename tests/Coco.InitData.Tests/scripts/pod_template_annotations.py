#!/usr/bin/env python3
"""Reads manifests with PyYAML (or, with --json, Python's json module, as kubectl reads text starting with '{')
and prints, for each FILE, each object's kind, name and the annotation NAME at its pod template, where genpolicy
puts it (kata-containers 4.1.0 src/tools/genpolicy/src/*.rs add_policy_annotation paths); a workload without its
template is left out; a file PyYAML cannot build (a mapping used as a key) is null.
Usage: pod_template_annotations.py NAME [--json] FILE..."""
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
    if not isinstance(doc, dict):
        return
    if str(doc.get("kind", "")).endswith("List") and isinstance(doc.get("items"), list):
        for item in doc["items"]:
            yield from objects(item)
    else:
        yield doc


def read(path, name, as_json):
    with open(path, encoding="utf-8") as f:
        try:
            docs = [json.load(f)] if as_json else list(yaml.safe_load_all(f))
        except yaml.constructor.ConstructorError:
            return None
    result = []
    for doc in docs:
        for obj in objects(doc):
            kind = obj.get("kind")
            value = None
            if kind in PATHS:
                node = obj
                for key in PATHS[kind]:
                    node = node.get(key) if isinstance(node, dict) else None
                if not isinstance(node, dict):
                    continue
                value = ((node.get("metadata") or {}).get("annotations") or {}).get(name)
            result.append({"kind": kind, "name": (obj.get("metadata") or {}).get("name"), "annotation": value})
    return result


as_json = "--json" in sys.argv
arguments = [a for a in sys.argv[1:] if a != "--json"]
print(json.dumps([read(path, arguments[0], as_json) for path in arguments[1:]]))
