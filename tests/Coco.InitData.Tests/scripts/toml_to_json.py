#!/usr/bin/env python3
"""Reads TOML from stdin with tomllib (TOML 1.0), parses every [data] value that is itself TOML, prints JSON."""
import json
import sys
import tomllib

text = sys.stdin.buffer.read().decode("utf-8")
doc = tomllib.loads(text)
nested = {}
for key, value in doc.get("data", {}).items() if isinstance(doc.get("data"), dict) else []:
    if key.endswith(".toml") and isinstance(value, str):
        nested[key] = tomllib.loads(value)
print(json.dumps({"document": doc, "nested": nested}))
