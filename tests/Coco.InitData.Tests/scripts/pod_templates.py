"""Where a Kubernetes object keeps its pod template, as genpolicy reads it (kata-containers 4.1.0
src/tools/genpolicy/src/*.rs): shared by the scripts that read manifests back with PyYAML or json."""
import json

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


def load(path, as_json):
    """The documents of a file: one JSON value with as_json (kubectl reads text starting with '{' so), else YAML."""
    with open(path, encoding="utf-8") as f:
        return [json.load(f)] if as_json else list(yaml.safe_load_all(f))


def objects(doc):
    """The objects of a document, the items of a List included."""
    if not isinstance(doc, dict):
        return
    if str(doc.get("kind", "")).endswith("List") and isinstance(doc.get("items"), list):
        for item in doc["items"]:
            yield from objects(item)
    else:
        yield doc


def template(obj):
    """The pod template of a workload (the Pod itself for a Pod), or None: not a workload kind, or no template."""
    if obj.get("kind") not in PATHS:
        return None
    node = obj
    for key in PATHS[obj["kind"]]:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else None


def annotation(node, name):
    """The annotation NAME of a pod template's metadata, or None."""
    return ((node.get("metadata") or {}).get("annotations") or {}).get(name)
