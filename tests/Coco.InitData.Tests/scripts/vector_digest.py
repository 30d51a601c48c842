#!/usr/bin/env python3
"""Independent digests of a test vector: FILE is initdata TOML bytes, or an annotation value with --annotation.

Prints one JSON object: the document length, its sha256/sha384/sha512 hex, SNP and TDX base64, vTPM PCR8 hex.
"""
import base64
import gzip
import hashlib
import json
import sys


def main(path, annotation):
    data = open(path, "rb").read()
    if annotation:
        data = gzip.decompress(base64.b64decode(data, validate=True))
    d256 = hashlib.sha256(data).digest()
    print(json.dumps({
        "length": len(data),
        "sha256": d256.hex(),
        "sha384": hashlib.sha384(data).hexdigest(),
        "sha512": hashlib.sha512(data).hexdigest(),
        "snp": base64.b64encode(d256).decode(),
        "tdx": base64.b64encode((d256 + b"\0" * 48)[:48]).decode(),
        "pcr8": hashlib.sha256(b"\0" * 32 + d256).hexdigest(),
    }))


if __name__ == "__main__":
    main(sys.argv[1], "--annotation" in sys.argv[2:])
