#!/usr/bin/env bash
# Measures what Coco.InitData adds to `dotnet build`, as ratios against two baselines, medians (min-max) of
# several runs, in one run of this script:
#   - "none": the same projects without any package;
#   - "any package": the same projects referencing an empty development-dependency package (no build logic,
#     packed here), so the SDK's own cost of a project's first PackageReference is in the baseline;
#   1. one workload project: clean build and no-op rebuild;
#   2. a generated solution of N small workload projects built with -m: clean build and no-op rebuild.
# It packs the package into a local feed first and consumes it like a user (isolated NuGet cache),
# proves from a detailed log that a no-op rebuild skips the InitData target, and prints a table.
# Clean builds are timed --runs (one project) or --solution-runs (solution) times per variant; after each,
# --noop-runs no-op rebuilds are timed (they are cheap and noisy, so they get more samples).
# Usage: bench/build-overhead.sh [--runs N] [--solution-runs N] [--noop-runs N] [--projects N] [--quick]
set -euo pipefail

runs=5
solution_runs=2
noop_runs=3
projects=100
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --solution-runs) solution_runs=$2; shift 2 ;;
    --projects) projects=$2; shift 2 ;;
    --noop-runs) noop_runs=$2; shift 2 ;;
    --quick) runs=1; solution_runs=1; noop_runs=1; projects=5; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/cid-bench.XXXXXX)
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"
version=0.0.1-bench

echo "packing Coco.InitData $version ..." >&2
dotnet pack "$repo/src/Tasks/Coco.InitData.Tasks.csproj" -c Release -o "$work/feed" -p:Version=$version -tl:off -nologo -v:q >&2
# The fair baseline: a development dependency that brings nothing to a build (no build/, no lib/: a text file only).
mkdir -p "$work/empty"
echo "An empty package: the baseline of what any PackageReference costs." > "$work/empty/readme.txt"
cat > "$work/empty/Bench.Empty.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework><IncludeBuildOutput>false</IncludeBuildOutput>
    <DevelopmentDependency>true</DevelopmentDependency><NoWarn>NU5128</NoWarn><Version>$version</Version>
  </PropertyGroup>
  <ItemGroup><None Include="readme.txt" Pack="true" PackagePath="readme.txt" /></ItemGroup>
</Project>
XML
dotnet pack "$work/empty/Bench.Empty.csproj" -o "$work/feed" -tl:off -nologo -v:q >&2
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
XML

# A CA certificate shared by every workload (generated here, thrown away with $work).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -out "$work/ca.pem" -days 3650 \
  -subj "/CN=Bench Registry CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

# write_project DIR NAME VARIANT(with|any|without)
write_project() {
  local dir=$1 name=$2 with=$3
  mkdir -p "$dir/certs"
  cp "$work/ca.pem" "$dir/certs/registry-ca.pem"
  echo "namespace $name; public static class Marker { public const string Name = \"$name\"; }" > "$dir/Marker.cs"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>'
    if [ "$with" = any ]; then
      echo "  <ItemGroup><PackageReference Include=\"Bench.Empty\" Version=\"$version\" /></ItemGroup>"
    fi
    if [ "$with" = with ]; then
      echo "  <ItemGroup><PackageReference Include=\"Coco.InitData\" Version=\"$version\" /></ItemGroup>"
      echo '  <PropertyGroup><InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl></PropertyGroup>'
      echo '  <ItemGroup><InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/registry-ca.pem" /></ItemGroup>'
    fi
    echo '</Project>'
  } > "$dir/$name.csproj"
}

# write_solution DIR WITH_PACKAGE: N projects and a solution over them.
write_solution() {
  local dir=$1 with=$2
  mkdir -p "$dir"
  cp "$work/nuget.config" "$dir/"
  (cd "$dir" && dotnet new sln -n All --format sln >/dev/null)
  local list=()
  for i in $(seq -w 1 "$projects"); do
    write_project "$dir/W$i" "W$i" "$with"
    list+=("W$i/W$i.csproj")
  done
  (cd "$dir" && dotnet sln All.sln add "${list[@]}" >/dev/null)
}

now_ms() { date +%s%3N; }

# time_build TARGET [args...]: milliseconds of one `dotnet build`.
time_build() {
  local start end
  start=$(now_ms)
  dotnet build "$@" --no-restore -tl:off -nologo -v:q >/dev/null
  end=$(now_ms)
  echo $((end - start))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# measure LABEL TARGET RUNS PARALLEL_ARGS: alternates with/without runs so drift hits both alike.
declare -A result
measure() {
  local label=$1 target=$2 n=$3; shift 3
  local extra=("$@")
  declare -A samples=()
  for _ in $(seq 1 "$n"); do
    for variant in with any without; do
      local t="$work/$variant/$target"
      dotnet clean "$t" -tl:off -nologo -v:q >/dev/null
      samples["clean $variant"]+=" $(time_build "$t" "${extra[@]}")"
      for _ in $(seq 1 "$noop_runs"); do
        samples["no-op $variant"]+=" $(time_build "$t" "${extra[@]}")"
      done
    done
  done
  for key in "${!samples[@]}"; do
    # shellcheck disable=SC2086 # the samples are a space-separated list of numbers
    result["$label $key"]=$(median ${samples[$key]})
    result["$label $key range"]=$(printf '%s\n' ${samples[$key]} | sort -n | sed -n '1p;$p' | paste -sd-)
  done
}

echo "writing projects ..." >&2
for variant in with any without; do
  mkdir -p "$work/$variant/single"
  cp "$work/nuget.config" "$work/$variant/single/"
  write_project "$work/$variant/single" Workload $variant
  write_solution "$work/$variant/solution" $variant
  dotnet restore "$work/$variant/single/Workload.csproj" -v:q >/dev/null
  dotnet restore "$work/$variant/solution/All.sln" -v:q >/dev/null
done

echo "proving the no-op rebuild skips the InitData target ..." >&2
dotnet build "$work/with/single/Workload.csproj" --no-restore -tl:off -nologo -v:q >/dev/null
log=$(dotnet build "$work/with/single/Workload.csproj" --no-restore -tl:off -nologo -v:d)
if ! grep -q 'Skipping target "_InitDataGenerateCore" because all output files are up-to-date' <<<"$log"; then
  echo "FAIL: the no-op rebuild ran the InitData target" >&2
  exit 1
fi
if grep -q 'Task "GenerateInitData"' <<<"$log"; then
  echo "FAIL: the GenerateInitData task ran on a no-op rebuild" >&2
  exit 1
fi
skipped=yes

echo "timing one project ($runs runs) ..." >&2
measure "1 project" single/Workload.csproj "$runs"
echo "timing $projects projects with -m ($solution_runs runs) ..." >&2
measure "$projects projects -m" solution/All.sln "$solution_runs" -m

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
printf '\n| scenario | none (ms) | any package (ms) | Coco.InitData (ms) | vs none | vs any package |\n|---|---:|---:|---:|---:|---:|\n'
for label in "1 project" "$projects projects -m"; do
  for kind in clean no-op; do
    w=${result["$label $kind with"]}; a=${result["$label $kind any"]}; wo=${result["$label $kind without"]}
    printf '| %s, %s build | %s (%s) | %s (%s) | %s (%s) | %s | %s |\n' "$label" "$kind" \
      "$wo" "${result["$label $kind without range"]}" "$a" "${result["$label $kind any range"]}" "$w" "${result["$label $kind with range"]}" \
      "$(ratio "$w" "$wo")" "$(ratio "$w" "$a")"
  done
done
printf '\nno-op rebuild skipped the InitData target: %s (proved from a -v:d log)\n' "$skipped"
printf 'machine: %s cores, SDK %s; clean runs: %s (1 project), %s (solution), %s no-op runs after each; medians (min-max)\n' "$(nproc)" "$(dotnet --version)" "$runs" "$solution_runs" "$noop_runs"
