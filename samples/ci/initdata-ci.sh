#!/usr/bin/env bash
# A CI-style flow with coco-initdata, for pipelines that are not a .NET build:
#   1. create a private CA and the registry's server certificate (once; a real pipeline keeps them in a vault),
#   2. build the initdata (from options here; with WORKLOAD_PROJECT set, from that project's dotnet build),
#   3. verify the certificates as the guest will, including the chain the registry serves,
#   4. inject the annotation into the Kubernetes manifests, and print the digest for the reference values.
# Usage: samples/ci/initdata-ci.sh [OUTPUT_DIR]
# Environment: COCO_INITDATA (the command, default coco-initdata), REGISTRY, KBS_URL, WORKLOAD_PROJECT.
set -euo pipefail

tool=${COCO_INITDATA:-coco-initdata}
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out" && out=$(cd "$out" && pwd)
registry=${REGISTRY:-registry.example.internal:5000}
kbs=${KBS_URL:-https://kbs.example.internal:8080}

echo "== 1. registry certificates"
if [ ! -f "$out/certs/registry-ca.pem" ]; then
  "$tool" certs create --host "$registry" -o "$out/certs"
fi

echo "== 2. initdata"
if [ -n "${WORKLOAD_PROJECT:-}" ]; then
  # The project declares the same registry with InitDataRegistry items; the build writes the artifacts.
  dotnet build "$WORKLOAD_PROJECT" -nologo
  "$tool" generate "$WORKLOAD_PROJECT" -o "$out/initdata"
else
  "$tool" generate \
    --registry "$registry=$out/certs/registry-ca.pem" \
    --kbs-url "$kbs" \
    --registry-credentials-uri kbs:///default/credentials/registry \
    --policy "$here/policy/allow-all.rego" \
    -o "$out/initdata"
fi

echo "== 3. verify"
"$tool" verify --ca "$out/certs/registry-ca.pem" --server-chain "$out/certs/registry.pem" --host "$registry"
"$tool" inspect "$out/initdata/initdata.annotation"

echo "== 4. annotate"
"$tool" annotate "$here"/k8s/*.yaml --initdata "$out/initdata/initdata.annotation" -o "$out/k8s"
"$tool" digest "$out/k8s/workload.yaml" --json > "$out/reference-values.json"
echo "annotated manifests in $out/k8s; reference values in $out/reference-values.json"
