#!/usr/bin/env bash
# A CI-style flow with coco-initdata, for pipelines that are not a .NET build:
#   1. without a project: create a private CA and the registry's server certificate. Only the certificates go
#      to OUTPUT_DIR; the keys go to KEYS_DIR (default: a private temporary folder, removed at the end), never
#      into the output or the repository. A real pipeline keeps them in a vault.
#   2. build the initdata: from options, or with WORKLOAD_PROJECT set, from that project (its own certificates);
#   3. verify the certificates the document embeds, as the guest will: the project's (or the created CA with
#      the chain the registry serves), then the document itself;
#   4. inject the annotation into the Kubernetes manifests, and print the digest for the reference values;
#   5. the gate: every pod template of every annotated manifest carries exactly the built initdata.
# OUTPUT_DIR/initdata holds the whole set to publish: initdata.toml, .annotation, .json, containerd/certs.d/, the
# Kustomize Component (kustomize/kustomization.yaml) and the Helm values (helm/values.yaml).
# Usage: samples/ci/initdata-ci.sh [OUTPUT_DIR]   (default: a new temporary folder)
# Environment: COCO_INITDATA (the command, default coco-initdata), REGISTRY, KBS_URL, WORKLOAD_PROJECT, KEYS_DIR.
set -euo pipefail

tool=${COCO_INITDATA:-coco-initdata}
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out" && out=$(cd "$out" && pwd)
registry=${REGISTRY:-registry.example.internal:5000}
kbs=${KBS_URL:-https://kbs.example.internal:8080}

if [ -n "${WORKLOAD_PROJECT:-}" ]; then
  echo "== 1. certificates: the project's own"
  echo "== 2. initdata from $WORKLOAD_PROJECT"
  # Byte for byte what dotnet build of the project writes; nothing is built.
  "$tool" generate "$WORKLOAD_PROJECT" -o "$out/initdata"

  echo "== 3. verify"
  # The project's certificates are the ones embedded: the same checks as its build.
  "$tool" verify "$WORKLOAD_PROJECT"
else
  echo "== 1. registry certificates"
  keys=${KEYS_DIR:-}
  if [ -z "$keys" ]; then
    keys=$(mktemp -d)
    trap 'rm -rf "$keys"' EXIT
  fi
  mkdir -p "$keys" "$out/certs" && chmod 700 "$keys"
  if [ ! -f "$keys/registry-ca.pem" ]; then
    "$tool" certs create --host "$registry" -o "$keys" --json > /dev/null
    echo "created a CA and a server certificate for $registry; their keys are in $keys"
  fi
  cp "$keys/registry-ca.pem" "$keys/registry.pem" "$out/certs/"

  echo "== 2. initdata"
  "$tool" generate \
    --registry "$registry=$out/certs/registry-ca.pem" \
    --kbs-url "$kbs" \
    --registry-credentials-uri kbs:///default/credentials/registry \
    --policy "$here/policy/allow-all.rego" \
    -o "$out/initdata"

  echo "== 3. verify"
  # The CA embedded in the document, and the chain the registry will serve for its name.
  "$tool" verify --ca "$out/certs/registry-ca.pem" --server-chain "$out/certs/registry.pem" --host "$registry"
fi

# The document itself: the certificates as embedded, with their expiry.
"$tool" inspect "$out/initdata/initdata.annotation"

echo "== 4. annotate"
"$tool" annotate "$here"/k8s/*.yaml --initdata "$out/initdata/initdata.annotation" -o "$out/k8s"
"$tool" digest "$out/k8s/workload.yaml" --json > "$out/reference-values.json"

echo "== 5. gate"
# The last step: it fails (exit 1) when any pod template lacks the annotation or carries another value.
for manifest in "$out"/k8s/*.yaml; do
  "$tool" verify "$manifest" --expect-digest "$out/initdata/initdata.json"
done
echo "annotated manifests in $out/k8s; reference values in $out/reference-values.json"
echo "Kustomize Component in $out/initdata/kustomize; Helm values in $out/initdata/helm/values.yaml"
