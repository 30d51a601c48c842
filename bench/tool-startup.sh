#!/usr/bin/env bash
# Measures coco-initdata's start-up per command against a `dotnet new console` hello-world packed as a
# framework-dependent dotnet tool, side by side in one run: every variant is packed here, installed with
# --tool-path as a user installs it, and the runs alternate (one run of each variant in turn), so a busy
# machine slows all of them alike. Prints median (min-max) wall time per command and variant, the ratio of
# each median to the hello-world's, and each installation's size on disk.
# Variants: "hello" (the baseline), "hello-aot" (the same hello-world as a Native AOT tool: the limit a native
# tool can reach; needs clang), "fd" (this tree, framework-dependent: `dotnet pack -p:NativeToolByDefault=false`),
# "native" (this tree as the README's plain `dotnet pack` makes it: Native AOT on linux-x64 with clang, skipped
# without it), and with --before REF "before" (the framework-dependent tool of a git ref, taken with git archive).
# Usage: bench/tool-startup.sh [--runs N] [--before REF]
set -euo pipefail

runs=20
before=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/cid-startup.XXXXXX)
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"
version=0.0.1-startup

# Installs package $2 from feed $3 into $work/tools/$1 with a nuget.config naming only that feed.
install() {
  cat > "$work/$1.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$3" /></packageSources></configuration>
XML
  dotnet tool install "$2" --version $version --tool-path "$work/tools/$1" --configfile "$work/$1.config" >&2
}

echo "packing the hello-world tool ..." >&2
dotnet new console -o "$work/hello" -n Hello >/dev/null
sed -i "s|</PropertyGroup>|<PackAsTool>true</PackAsTool><ToolCommandName>hello</ToolCommandName><PackageId>Bench.Hello</PackageId><Version>$version</Version></PropertyGroup>|" "$work/hello/Hello.csproj"
dotnet pack "$work/hello" -c Release -o "$work/feed-hello" -tl:off -nologo -v:q >&2
install hello Bench.Hello "$work/feed-hello"
variants=(hello)

if command -v clang >/dev/null; then
  echo "packing the hello-world tool (Native AOT, linux-x64) ..." >&2
  dotnet new console -o "$work/hello-aot" -n HelloAot >/dev/null
  sed -i "s|</PropertyGroup>|<PackAsTool>true</PackAsTool><ToolCommandName>hello</ToolCommandName><PackageId>Bench.HelloAot</PackageId><Version>$version</Version><PublishAot>true</PublishAot><ToolPackageRuntimeIdentifiers>linux-x64</ToolPackageRuntimeIdentifiers></PropertyGroup>|" "$work/hello-aot/HelloAot.csproj"
  dotnet pack "$work/hello-aot" -c Release -o "$work/feed-hello-aot" -tl:off -nologo -v:q >&2
  dotnet pack "$work/hello-aot" -c Release -r linux-x64 -o "$work/feed-hello-aot" -tl:off -nologo -v:q >&2
  install hello-aot Bench.HelloAot "$work/feed-hello-aot"
  variants+=(hello-aot)
fi

# MinVerVersionOverride: one version for every variant, whatever git says about this tree.
echo "packing coco-initdata (framework-dependent) ..." >&2
dotnet pack "$repo/src/Tool" -c Release -o "$work/feed-fd" -p:MinVerVersionOverride=$version -p:NativeToolByDefault=false -tl:off -nologo -v:q >&2
install fd Coco.InitData.Tool "$work/feed-fd"
variants+=(fd)

if command -v clang >/dev/null; then
  echo "packing coco-initdata as the README does (Native AOT on linux-x64 with clang) ..." >&2
  dotnet pack "$repo/src/Tool" -c Release -o "$work/feed-native" -p:MinVerVersionOverride=$version -tl:off -nologo -v:q >&2
  install native Coco.InitData.Tool "$work/feed-native"
  variants+=(native)
else
  echo "no clang on PATH: the native variants are skipped" >&2
fi

if [ -n "$before" ]; then
  echo "packing coco-initdata at $before (framework-dependent) ..." >&2
  mkdir -p "$work/before-src"
  git -C "$repo" archive "$before" | tar -x -C "$work/before-src"
  # Version and MinVerVersionOverride: a ref from before or after versions came from git; NativeToolByDefault: the portable build.
  dotnet pack "$work/before-src/src/Tool" -c Release -o "$work/feed-before" -p:Version=$version -p:MinVerVersionOverride=$version -p:NativeToolByDefault=false -tl:off -nologo -v:q >&2
  install before Coco.InitData.Tool "$work/feed-before"
  variants+=(before)
fi

# Inputs: the spec's test vectors, a CA made once, a manifest, the sample workload project; probe a port
# nothing listens on (refused at once: start-up plus one connect, no network in the measurement).
vectors="$repo/tests/Coco.InitData.Tests/vectors"
"$work/tools/fd/coco-initdata" certs create --host registry.bench.internal:5000 -o "$work/ca" --project "$work" >/dev/null
cat > "$work/app.yaml" <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  runtimeClassName: kata-qemu-snp
  containers:
    - name: app
      image: registry.bench.internal:5000/app:1
YAML

python3 - "$work" "$runs" "$vectors" "$repo/samples/Workload" "${variants[@]}" <<'PY'
import os, statistics, subprocess, sys, time
work, runs, vectors, workload, variants = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
commands = {
    "digest": ["digest", f"{vectors}/tv1-kata-default.toml"],
    "decode": ["decode", f"{vectors}/tv2-kata-policy-howto.annotation"],
    "inspect": ["inspect", f"{vectors}/tv3-caa-sample.toml"],
    "annotate": ["annotate", f"{work}/app.yaml", "--initdata", f"{vectors}/tv1-kata-default.toml"],
    "verify FILE": ["verify", "--ca", f"{work}/ca/registry-ca.pem"],
    "probe": ["probe", "127.0.0.1:1"],
    "certs create": ["certs", "create", "--host", "registry.bench.internal:5000", "-o", f"{work}/certs-run", "--force"],
    "generate PROJECT": ["generate", workload, "-o", f"{work}/generated"],
}
env = dict(os.environ, NO_COLOR="1")

def run(argv):
    start = time.perf_counter_ns()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=work)
    return (time.perf_counter_ns() - start) / 1e6

def size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs if not os.path.islink(os.path.join(d, f)))

hellos = ("hello", "hello-aot")
exe = {v: os.path.join(work, "tools", v, "hello" if v in hellos else "coco-initdata") for v in variants}
tools = [v for v in variants if v not in hellos]
times = {(c, v): [] for c in commands for v in variants}
for name, args in commands.items():
    for v in variants:  # one unmeasured run each: page cache and the tool store's first touch
        run([exe[v]] + ([] if v in hellos else args))
    for _ in range(runs):
        for v in variants:
            times[(name, v)].append(run([exe[v]] + ([] if v in hellos else args)))

fmt = lambda xs: f"{statistics.median(xs):.1f} ({min(xs):.1f}-{max(xs):.1f})"
print(f"{runs} alternating runs per command and variant; ms, median (min-max); ratio = median / hello-world's median in the same rows")
aot = "hello-aot" in variants
print("| command | hello (ms) | " + ("hello-aot (ms) | " if aot else "") + " | ".join(f"{v} (ms)" for v in tools) + " | "
      + " | ".join(f"{v} ratio" for v in tools) + (" | " + " | ".join(f"{v} / hello-aot" for v in tools) if aot else "") + " |")
print("|---|---:|" + ("---:|" if aot else "") + "---:|" * ((3 if aot else 2) * len(tools)))
for name in commands:
    hello = statistics.median(times[(name, "hello")])
    row = f"| {name} | {fmt(times[(name, 'hello')])} | " + (fmt(times[(name, "hello-aot")]) + " | " if aot else "")
    row += " | ".join(fmt(times[(name, v)]) for v in tools) + " | " + " | ".join(f"{statistics.median(times[(name, v)]) / hello:.2f}" for v in tools)
    if aot:
        limit = statistics.median(times[(name, "hello-aot")])
        row += " | " + " | ".join(f"{statistics.median(times[(name, v)]) / limit:.2f}" for v in tools)
    print(row + " |")
print()
print("installed size on disk (the --tool-path folder, store included): " + ", ".join(f"{v} {size(os.path.join(work, 'tools', v)) / 1e6:.1f} MB" for v in variants))
PY
