#!/usr/bin/env python3
"""Independent oracle: reads a generated initdata.toml with Python's tomllib and turns its cdh.toml
[image] section into what containers/image tools (skopeo) read:
  OUTDIR/registries.conf   a containers-registries.conf v2 file from [image.registry_config]
  OUTDIR/certs/ca-N.crt    one file per extra_root_certificates entry (skopeo --cert-dir wants *.crt)
and prints the parsed [image] table as JSON on stdout.

Usage: cdh_to_containers.py INITDATA_TOML OUTDIR
"""
import json
import os
import sys
import tomllib


def quote(value):
    # TOML basic string; json.dumps escapes quotes, backslashes and control characters compatibly.
    return json.dumps(value, ensure_ascii=False)


def registries_conf(config):
    lines = []
    search = config.get("unqualified-search-registries")
    if search is not None:
        lines.append("unqualified-search-registries = [" + ", ".join(quote(s) for s in search) + "]")
    for rule in config.get("registry", []):
        lines.append("")
        lines.append("[[registry]]")
        lines.append("prefix = " + quote(rule["prefix"]))
        # containers/image refuses a location on a "*." prefix; the guest needs one. Only blocking is
        # meaningful for a wildcard, so the location is left out here.
        if not rule["prefix"].startswith("*."):
            lines.append("location = " + quote(rule["location"]))
        lines.append("insecure = " + ("true" if rule.get("insecure", False) else "false"))
        lines.append("blocked = " + ("true" if rule.get("blocked", False) else "false"))
        for mirror in rule.get("mirror", []):
            lines.append("")
            lines.append("[[registry.mirror]]")
            lines.append("location = " + quote(mirror["location"]))
            lines.append("insecure = " + ("true" if mirror.get("insecure", False) else "false"))
    return "\n".join(lines) + "\n"


def main():
    initdata_path, out = sys.argv[1], sys.argv[2]
    with open(initdata_path, "rb") as f:
        initdata = tomllib.load(f)
    cdh = tomllib.loads(initdata["data"]["cdh.toml"])
    image = cdh.get("image", {})
    os.makedirs(os.path.join(out, "certs"), exist_ok=True)
    for i, pem in enumerate(image.get("extra_root_certificates", [])):
        with open(os.path.join(out, "certs", f"ca-{i}.crt"), "w", encoding="ascii", newline="\n") as f:
            f.write(pem)
    with open(os.path.join(out, "registries.conf"), "w", encoding="utf-8", newline="\n") as f:
        f.write(registries_conf(image.get("registry_config", {})))
    json.dump({"kbc": cdh.get("kbc"), "image": image}, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
