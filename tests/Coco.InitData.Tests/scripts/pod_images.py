#!/usr/bin/env python3
"""Reads a manifest with PyYAML (or, with --json, Python's json module, as kubectl reads text starting with '{') and
prints the image of every init container and container of every pod template, in document order, as a JSON list, and
the annotation NAME of each template (where genpolicy puts it), as {"images": [...], "annotations": [...]}.
Usage: pod_images.py NAME [--json] FILE"""
import json
import sys

from pod_templates import annotation, load, objects, template


def main():
    args = sys.argv[1:]
    name = args.pop(0)
    images, annotations = [], []
    for doc in load(args[-1], args[0] == "--json"):
        for obj in objects(doc):
            node = template(obj)
            if node is None:
                continue
            annotations.append(annotation(node, name))
            spec = node.get("spec") or {}
            for field in ("initContainers", "containers"):
                for container in spec.get(field) or []:
                    images.append(container.get("image"))
    print(json.dumps({"images": images, "annotations": annotations}))


main()
