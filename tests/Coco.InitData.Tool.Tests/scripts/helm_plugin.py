"""Reads a Helm 4 plugin.yaml (PyYAML) and prints, as JSON, the problems Helm 4.2 would refuse it for as a
post-renderer (internal/plugin/metadata_v1.go Validate, plugin.go validPluginName) and the command line its
subprocess runtime runs (internal/plugin/subprocess_commands.go PrepareCommands: the command split on spaces,
then its args, then the --post-renderer-args). Usage: helm_plugin.py PLUGIN_YAML [EXTRA_ARG...]"""
import json
import re
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as stream:
    plugin = yaml.safe_load(stream)
problems = []
if not re.fullmatch(r"[A-Za-z0-9_-]+", str(plugin.get("name", ""))):
    problems.append("invalid plugin name")
if not re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?", str(plugin.get("version", ""))):
    problems.append("version is not semver")
if plugin.get("apiVersion") != "v1":
    problems.append("apiVersion is not v1")
if plugin.get("type") != "postrenderer/v1":
    problems.append("type is not postrenderer/v1")
if plugin.get("runtime") != "subprocess":
    problems.append("runtime is not subprocess")
commands = ((plugin.get("runtimeConfig") or {}).get("platformCommand")) or []
# The entry without os/arch is the one every platform falls back to.
generic = [c for c in commands if not c.get("os") and not c.get("arch")]
argv = []
if not generic or not generic[0].get("command"):
    problems.append("no platformCommand without os and arch")
else:
    argv = generic[0]["command"].split(" ") + list(generic[0].get("args") or []) + sys.argv[2:]
print(json.dumps({"name": plugin.get("name"), "problems": problems, "argv": argv}))
