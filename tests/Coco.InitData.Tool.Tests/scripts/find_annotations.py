"""Reads a manifest with PyYAML and prints, per document, kind and the initdata annotation at the pod's path."""
import json
import sys

from pod_templates import PATHS, annotation, load, template

NAME = sys.argv[2]
result = []
for doc in load(sys.argv[1], as_json=False):
    if doc is None:
        continue
    kind = doc["kind"]
    node = template(doc) if kind in PATHS else None
    result.append({"kind": kind, "annotation": annotation(node, NAME) if node is not None else None})
print(json.dumps(result))
