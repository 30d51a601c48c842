#!/usr/bin/env python3
"""Reads one YAML document with PyYAML (safe_load) and prints it as JSON. Usage: yaml_to_json.py FILE"""
import json
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    print(json.dumps(yaml.safe_load(f)))
