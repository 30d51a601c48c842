#!/usr/bin/env python3
"""Independent oracle for initdata artifacts: Python's tomllib, hashlib, gzip and base64.

Usage: check_initdata.py OUTPUT_DIR
Checks that initdata.toml is TOML 1.0 with the expected shape (and that the embedded cdh.toml and
aa.toml parse too), recomputes the digest and every per-TEE value from the exact bytes and compares
them with initdata.json, and decodes initdata.annotation back to the same bytes.
Prints a JSON summary on success; exits 1 with the reason on any mismatch.
"""
import base64
import binascii
import gzip
import hashlib
import json
import os
import sys
import tomllib


def fail(message):
    print("MISMATCH: " + message)
    sys.exit(1)


def fit(digest, size):
    return (digest + b"\0" * size)[:size]


def main(out):
    raw = open(os.path.join(out, "initdata.toml"), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail("the document starts with a BOM")
    if b"\r" in raw:
        fail("the document contains a CR")
    if not raw.endswith(b"\n"):
        fail("the document does not end with a newline")
    doc = tomllib.loads(raw.decode("utf-8"))
    if set(doc) != {"version", "algorithm", "data"}:
        fail("top-level keys are %r" % sorted(doc))
    if doc["version"] != "0.1.0":
        fail("version is %r" % doc["version"])
    algorithm = doc["algorithm"]
    if algorithm not in ("sha256", "sha384", "sha512"):
        fail("algorithm is %r" % algorithm)
    nested = {}
    for key, value in doc["data"].items():
        if not isinstance(value, str):
            fail("data.%s is not a string" % key)
        if key.endswith(".toml"):
            nested[key] = tomllib.loads(value)

    digest = hashlib.new(algorithm, raw).digest()
    manifest = json.load(open(os.path.join(out, "initdata.json"), encoding="utf-8"))
    if manifest["algorithm"] != algorithm or manifest["digest"] != digest.hex():
        fail("initdata.json digest %s differs from %s" % (manifest["digest"], digest.hex()))
    expected = {"snp": fit(digest, 32), "tdx": fit(digest, 48), "cca": fit(digest, 64)}
    if algorithm == "sha256":
        expected["vtpm"] = hashlib.sha256(b"\0" * 32 + digest).digest()
    if set(manifest["measurements"]) != set(expected):
        fail("measurements %r, expected %r" % (sorted(manifest["measurements"]), sorted(expected)))
    for tee, value in expected.items():
        got = manifest["measurements"][tee]
        if got["hex"] != value.hex() or got["base64"] != base64.b64encode(value).decode():
            fail("%s value differs" % tee)

    annotation = open(os.path.join(out, "initdata.annotation"), "rb").read()
    if annotation.endswith(b"\n") or b"\n" in annotation:
        fail("the annotation has a line break")
    try:
        compressed = base64.b64decode(annotation, validate=True)
    except binascii.Error as e:
        fail("annotation is not strict base64: %s" % e)
    if base64.b64encode(compressed) != annotation:
        fail("annotation is not canonical padded base64")
    if gzip.decompress(compressed) != raw:
        fail("the annotation does not decode to the document bytes")
    if manifest["annotation"]["length"] != len(annotation):
        fail("annotation length in initdata.json is wrong")

    print(json.dumps({
        "algorithm": algorithm,
        "digest": digest.hex(),
        "data": sorted(doc["data"]),
        "cdh": nested.get("cdh.toml"),
        "aa": nested.get("aa.toml"),
        "annotationLength": len(annotation),
    }, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
