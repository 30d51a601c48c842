#!/usr/bin/env python3
"""Reads a manifest with PyYAML (or, with --json, Python's json module, as kubectl reads text starting with '{') and
prints the image of every init container and container of every pod template, in document order, as a JSON list, and
the annotation NAME of each template (where genpolicy puts it), as {"images": [...], "annotations": [...]}.
Usage: pod_images.py NAME [--json] FILE"""
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


def main():
    args = sys.argv[1:]
    name = args.pop(0)
    as_json = args[0] == "--json"
    path = args[-1]
    with open(path, encoding="utf-8") as f:
        docs = [json.load(f)] if as_json else list(yaml.safe_load_all(f))
    images, annotations = [], []
    for doc in docs:
        for obj in objects(doc):
            node = obj
            for key in PATHS.get(obj.get("kind"), None) or []:
                node = (node or {}).get(key)
            if obj.get("kind") not in PATHS or not isinstance(node, dict):
                continue
            annotations.append(((node.get("metadata") or {}).get("annotations") or {}).get(name))
            spec = node.get("spec") or {}
            for field in ("initContainers", "containers"):
                for container in spec.get(field) or []:
                    images.append(container.get("image"))
    print(json.dumps({"images": images, "annotations": annotations}))


main()
