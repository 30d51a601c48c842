#!/usr/bin/env python3
"""Reads manifests with PyYAML (or, with --json, Python's json module, as kubectl reads text starting with '{')
and prints, for each FILE, each object's kind, name and the annotation NAME at its pod template, where genpolicy
puts it (kata-containers 4.1.0 src/tools/genpolicy/src/*.rs add_policy_annotation paths); a workload without its
template is left out; a file PyYAML cannot build (a mapping used as a key) is null.
Usage: pod_template_annotations.py NAME [--json] FILE..."""
import json
import sys

import yaml

from pod_templates import PATHS, annotation, load, objects, template


def read(path, name, as_json):
    try:
        docs = load(path, as_json)
    except yaml.constructor.ConstructorError:
        return None
    result = []
    for doc in docs:
        for obj in objects(doc):
            kind = obj.get("kind")
            value = None
            if kind in PATHS:
                node = template(obj)
                if node is None:
                    continue
                value = annotation(node, name)
            result.append({"kind": kind, "name": (obj.get("metadata") or {}).get("name"), "annotation": value})
    return result


as_json = "--json" in sys.argv
arguments = [a for a in sys.argv[1:] if a != "--json"]
print(json.dumps([read(path, arguments[0], as_json) for path in arguments[1:]]))
