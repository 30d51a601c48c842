"""Merges Helm values files as Helm 3.21 does and prints the result as JSON (PyYAML reads the files).
Usage: helm_values.py CHART_VALUES [USER_VALUES...]: the user's files (-f, in order) are merged into each other
(helm pkg/cli/values/options.go mergeMaps: a later map key wins, maps merge key by key), then coalesced over the
chart's values.yaml (pkg/chartutil/coalesce.go: the user's value wins, maps merge, a null deletes the key)."""
import json
import sys

import yaml


def load(path):
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream) or {}


def merge_maps(a, b):
    out = dict(a)
    for key, value in b.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_maps(out[key], value)
        else:
            out[key] = value
    return out


def coalesce(user, chart):
    out = dict(user)
    for key, default in chart.items():
        if key not in out:
            out[key] = default
        elif isinstance(out[key], dict) and isinstance(default, dict):
            out[key] = coalesce(out[key], default)
    return {k: v for k, v in out.items() if v is not None}


user = {}
for path in sys.argv[2:]:
    user = merge_maps(user, load(path))
print(json.dumps(coalesce(user, load(sys.argv[1]))))
