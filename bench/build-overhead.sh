#!/usr/bin/env bash
# Measures what Coco.InitData adds to `dotnet build`, as ratios against two baselines, medians (min-max) of
# several runs, in one run of this script:
#   - "none": the same projects without any package;
#   - "any package": the same projects referencing an empty development-dependency package (no build logic,
#     packed here), so the SDK's own cost of a project's first PackageReference is in the baseline;
#   - "Coco.InitData": the same projects referencing Coco.InitData;
#   every project of these three declares one registry with its CA and a KBS URL (inert lines without the package);
#   - "declares nothing" (no-op builds only): each project references Coco.InitData and declares nothing;
#   1. one workload project: clean build and no-op rebuild;
#   2. a generated solution of N small workload projects built with -m: clean build and no-op rebuild.
# It packs the package into a local feed first and consumes it like a user (isolated NuGet cache),
# proves from a detailed log that a no-op rebuild runs no InitData task, and prints two tables.
# Clean builds are timed --runs (one project) or --solution-runs (solution) times per variant.
# No-op builds are timed in their own phase, --noop-runs rounds: each round rebuilds every variant once, in
# an order rotated from round to round, so drift and position hit all alike; a round's ratios compare
# builds taken seconds apart (paired), and the table gives their median with a 95% confidence interval.
# Then bench/Coco.InitData.NoOpCost counts what one project's no-op build allocates, in-process and warm, per variant:
# a measure that the machine's load does not move (--alloc-rounds rounds over --alloc-projects projects).
# --alloc-only skips the timed phases and MSBuild's accounting (a few minutes instead of most of an hour).
# --exe makes the workloads executables, as a container image's project is (the SDK's container support is then on:
# EnableSdkContainerSupport defaults to true for every project that is not a library); the default is a library.
# Usage: bench/build-overhead.sh [--runs N] [--solution-runs N] [--noop-runs N] [--projects N] [--alloc-rounds N]
#        [--alloc-projects N] [--alloc-only] [--exe] [--quick]
set -euo pipefail

runs=5
solution_runs=2
noop_runs=20
projects=100
alloc_rounds=5
alloc_projects=30
alloc_only=no
output_type=Library
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --solution-runs) solution_runs=$2; shift 2 ;;
    --projects) projects=$2; shift 2 ;;
    --noop-runs) noop_runs=$2; shift 2 ;;
    --alloc-rounds) alloc_rounds=$2; shift 2 ;;
    --alloc-projects) alloc_projects=$2; shift 2 ;;
    --alloc-only) alloc_only=yes; shift ;;
    --exe) output_type=Exe; shift ;;
    --quick) runs=1; solution_runs=1; noop_runs=3; projects=5; alloc_rounds=1; alloc_projects=5; shift ;;
    -h|--help) sed -n 2,21p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/cid-bench.XXXXXX)
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
# Built with the user's NuGet cache, before the isolated one below.
echo "building the no-op cost counter ..." >&2
dotnet build "$repo/bench/Coco.InitData.NoOpCost/Coco.InitData.NoOpCost.csproj" -c Release -o "$work/noopcost" -tl:off -nologo -v:q >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"
version=0.0.1-bench

echo "packing Coco.InitData $version ..." >&2
dotnet pack "$repo/src/Tasks/Coco.InitData.Tasks.csproj" -c Release -o "$work/feed" -p:Version=$version -p:MinVerVersionOverride=$version -tl:off -nologo -v:q >&2
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
source "$repo/bench/bench-ca.sh"
bench_ca "$work/ca.pem"

# write_project DIR NAME VARIANT(with|bare|any|without)
write_project() {
  local dir=$1 name=$2 with=$3
  mkdir -p "$dir/certs"
  cp "$work/ca.pem" "$dir/certs/registry-ca.pem"
  echo "namespace $name; public static class Marker { public const string Name = \"$name\"; public static void Main() { } }" > "$dir/Marker.cs"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo "  <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>$output_type</OutputType><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>"
    if [ "$with" = any ]; then
      echo "  <ItemGroup><PackageReference Include=\"Bench.Empty\" Version=\"$version\" /></ItemGroup>"
    fi
    if [ "$with" = with ] || [ "$with" = bare ]; then
      echo "  <ItemGroup><PackageReference Include=\"Coco.InitData\" Version=\"$version\" /></ItemGroup>"
    fi
    # The same declarations in every variant but "declares nothing": without the package they are inert lines of the
    # project, so the baselines are the same projects with the package swapped, as a user would have them.
    if [ "$with" != bare ]; then
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
# CPU time of every process on the machine, in ms (user, nice, system, irq, softirq, steal from /proc/stat):
# the MSBuild worker nodes outlive the build that started them, so a process tree would miss their work.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print int(($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz); exit }' /proc/stat; }

# time_build TARGET [args...]: "wall cpu" milliseconds of one `dotnet build`.
time_build() {
  local start end cpu_start cpu_end
  cpu_start=$(cpu_ms); start=$(now_ms)
  dotnet build "$@" --no-restore -tl:off -nologo -v:q >/dev/null
  end=$(now_ms); cpu_end=$(cpu_ms)
  echo "$((end - start)) $((cpu_end - cpu_start))"
}

# median N...; range N... (min-max); ci N...: the median's distribution-free 95% confidence interval, the order
# statistics k and n+1-k with k = floor(n/2 - 0.98 sqrt(n)) (the binomial's normal approximation; the whole
# range when n is too small for one).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; print (m == int(m)) ? m : sprintf("%.3f", m)}'; }
range() { printf '%s\n' "$@" | sort -g | sed -n '1p;$p' | paste -sd-; }
ci() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {k = int(NR/2 - 0.98*sqrt(NR)); if (k < 1) k = 1; printf "%s-%s", a[k], a[NR+1-k]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# measure_clean LABEL TARGET RUNS [args...]: clean builds, one variant after the other in each run.
declare -A result
measure_clean() {
  local label=$1 target=$2 n=$3; shift 3
  local extra=("$@") variant
  declare -A samples=()
  for _ in $(seq 1 "$n"); do
    for variant in with any without; do
      local t="$work/$variant/$target"
      dotnet clean "$t" -tl:off -nologo -v:q >/dev/null
      read -r wall _ < <(time_build "$t" "${extra[@]}")
      samples[$variant]+=" $wall"
    done
  done
  for variant in with any without; do
    # shellcheck disable=SC2086 # the samples are a space-separated list of numbers
    result["$label clean $variant"]=$(median ${samples[$variant]})
    # shellcheck disable=SC2086
    result["$label clean $variant range"]=$(range ${samples[$variant]})
  done
}

# measure_noop LABEL TARGET ROUNDS [args...]: no-op rebuilds in rounds, the order rotated each round; per variant
# the wall and CPU medians, per round the ratios of wall and CPU time against the baselines.
variants=(with bare any without)
measure_noop() {
  local label=$1 target=$2 n=$3; shift 3
  local extra=("$@") round i variant wall cpu
  declare -A wall_of=() cpu_of=() samples=()
  for variant in "${variants[@]}"; do
    dotnet build "$work/$variant/$target" "${extra[@]}" --no-restore -tl:off -nologo -v:q >/dev/null  # nothing left to do
  done
  for round in $(seq 0 $((n - 1))); do
    for i in $(seq 0 $((${#variants[@]} - 1))); do
      variant=${variants[$(((round + i) % ${#variants[@]}))]}
      read -r wall cpu < <(time_build "$work/$variant/$target" "${extra[@]}")
      wall_of[$variant]=$wall; cpu_of[$variant]=$cpu
      samples["wall $variant"]+=" $wall"; samples["cpu $variant"]+=" $cpu"
    done
    samples["wall with/without"]+=" $(ratio "${wall_of[with]}" "${wall_of[without]}")"
    samples["wall with/any"]+=" $(ratio "${wall_of[with]}" "${wall_of[any]}")"
    samples["wall bare/any"]+=" $(ratio "${wall_of[bare]}" "${wall_of[any]}")"
    samples["cpu with/without"]+=" $(ratio "${cpu_of[with]}" "${cpu_of[without]}")"
    samples["cpu with/any"]+=" $(ratio "${cpu_of[with]}" "${cpu_of[any]}")"
    samples["cpu bare/any"]+=" $(ratio "${cpu_of[bare]}" "${cpu_of[any]}")"
  done
  local key
  for key in "${!samples[@]}"; do
    # shellcheck disable=SC2086 # the samples are a space-separated list of numbers
    result["$label no-op $key"]=$(median ${samples[$key]})
    # shellcheck disable=SC2086
    result["$label no-op $key range"]=$(range ${samples[$key]})
    # shellcheck disable=SC2086
    result["$label no-op $key ci"]=$(ci ${samples[$key]})
  done
}

echo "writing projects ..." >&2
for variant in "${variants[@]}"; do
  mkdir -p "$work/$variant/single"
  cp "$work/nuget.config" "$work/$variant/single/"
  write_project "$work/$variant/single" Workload $variant
  write_solution "$work/$variant/solution" $variant
  dotnet restore "$work/$variant/single/Workload.csproj" -v:q >/dev/null
  dotnet restore "$work/$variant/solution/All.sln" -v:q >/dev/null
done

echo "proving a no-op rebuild runs no InitData task ..." >&2
for variant in with bare; do
  dotnet build "$work/$variant/single/Workload.csproj" --no-restore -tl:off -nologo -v:q >/dev/null
  log=$(dotnet build "$work/$variant/single/Workload.csproj" --no-restore -tl:off -nologo -v:d)
  # With a registry the outputs are up to date; declaring nothing, the build hook's condition is false, so not one
  # InitData target starts (MSBuild does not log an after-target it skips on its condition).
  if { [ "$variant" = with ] && ! grep -q 'Skipping target "_InitDataGenerateCore" because all output files are up-to-date' <<<"$log"; } ||
     { [ "$variant" = bare ] && grep -Eq 'Target "(_InitData[A-Za-z]*|GenerateInitData)" in file' <<<"$log"; }; then
    echo "FAIL: the no-op rebuild ($variant) ran the InitData target" >&2
    exit 1
  fi
  if grep -q 'Task "GenerateInitData"' <<<"$log"; then
    echo "FAIL: the GenerateInitData task ran on a no-op rebuild ($variant)" >&2
    exit 1
  fi
  if ! grep -q 'Skipping target "CoreCompile" because all output files are up-to-date' <<<"$log"; then
    echo "FAIL: the no-op rebuild ($variant) compiled the project again" >&2
    exit 1
  fi
done
skipped=yes

# count_allocations: the allocation table of one no-op build per project and variant; every solution must be built.
count_allocations() {
  echo "counting what a no-op build allocates: $alloc_projects projects x $alloc_rounds rounds ..." >&2
  dotnet "$work/noopcost/Coco.InitData.NoOpCost.dll" --projects "$alloc_projects" "$alloc_rounds" \
    "$work/with/solution" "$work/bare/solution" "$work/without/solution" "$work/any/solution"
}

if [ "$alloc_only" = yes ]; then
  # The timed phases build every solution anyway; alone, this phase builds each once so the next has nothing to do.
  for variant in "${variants[@]}"; do
    dotnet build "$work/$variant/solution/All.sln" -m --no-restore -tl:off -nologo -v:q >/dev/null
  done
  alloc_table=$(count_allocations)
  printf '\n%s\n' "$alloc_table"
  printf 'no-op rebuild ran no InitData task: %s (proved from -v:d logs, with and declaring nothing)\n' "$skipped"
  printf 'machine: %s cores, SDK %s, %s\n' "$(nproc)" "$(dotnet --version)" "$(date -u +%Y-%m-%d)"
  exit 0
fi

echo "timing clean builds: one project ($runs runs) ..." >&2
measure_clean "1 project" single/Workload.csproj "$runs"
echo "timing clean builds: $projects projects with -m ($solution_runs runs) ..." >&2
measure_clean "$projects projects -m" solution/All.sln "$solution_runs" -m
echo "timing no-op builds: one project ($noop_runs rounds) ..." >&2
measure_noop "1 project" single/Workload.csproj "$noop_runs"
echo "timing no-op builds: $projects projects with -m ($noop_runs rounds) ..." >&2
measure_noop "$projects projects -m" solution/All.sln "$noop_runs" -m
# After the no-op phase every solution is built, so the count needs no build of its own.
alloc_table=$(count_allocations)

# MSBuild's own accounting of one more no-op solution build (-clp:PerformanceSummary): the time its targets took,
# summed over every project, and the share of that which the InitData targets took. Not load-free, but both sides
# of the share come from the same build. The sum includes the solution's own Build target, which spans the whole
# build, so the share understates ours by up to half; the absolute milliseconds are the figure to compare.
declare -A share
for variant in with bare; do
  summary=$(dotnet build "$work/$variant/solution/All.sln" -m --no-restore -tl:off -nologo -v:q -clp:PerformanceSummary)
  share[$variant]=$(awk '/^Target Performance Summary:/ { on = 1; next } /Performance Summary:/ { on = 0 }
    on && $2 == "ms" { all += $1; if ($3 ~ /InitData/) ours += $1 }
    END { printf "%d ms of %d ms (%.2f%%)", ours, all, all ? 100 * ours / all : 0 }' <<<"$summary")
done

labels=("1 project" "$projects projects -m")
printf '\nClean builds (wall ms, median (min-max); ratio of medians):\n\n'
printf '| scenario | none | any package | Coco.InitData | vs none | vs any package |\n|---|---:|---:|---:|---:|---:|\n'
for label in "${labels[@]}"; do
  w=${result["$label clean with"]}; a=${result["$label clean any"]}; wo=${result["$label clean without"]}
  printf '| %s | %s (%s) | %s (%s) | %s (%s) | %s | %s |\n' "$label" \
    "$wo" "${result["$label clean without range"]}" "$a" "${result["$label clean any range"]}" "$w" "${result["$label clean with range"]}" \
    "$(ratio "$w" "$wo")" "$(ratio "$w" "$a")"
done
printf '\nNo-op builds (ms, median (min-max); ratios: median of the per-round ratios [95%% confidence interval]):\n\n'
printf '| scenario | none | any package | Coco.InitData | declares nothing | Coco.InitData vs none | Coco.InitData vs any package | declares nothing vs any package |\n|---|---:|---:|---:|---:|---:|---:|---:|\n'
for label in "${labels[@]}"; do
  for kind in wall cpu; do
    cells=()
    for variant in without any with bare; do
      cells+=("${result["$label no-op $kind $variant"]} (${result["$label no-op $kind $variant range"]})")
    done
    for pair in with/without with/any bare/any; do
      cells+=("${result["$label no-op $kind $pair"]} [${result["$label no-op $kind $pair ci"]}]")
    done
    printf '| %s, %s time |' "$label" "$( [ $kind = wall ] && echo wall || echo CPU)"
    printf ' %s |' "${cells[@]}"
    printf '\n'
  done
done
printf '\n%s\n' "$alloc_table"
printf '\nInitData targets in one no-op build of %s projects, as -clp:PerformanceSummary sums them over all projects: %s with a registry, %s declaring nothing\n' \
  "$projects" "${share[with]}" "${share[bare]}"
printf 'no-op rebuild ran no InitData task: %s (proved from -v:d logs, with and declaring nothing)\n' "$skipped"
printf 'machine: %s cores, SDK %s, %s, MSBUILDDISABLENODEREUSE=%s; clean runs: %s (1 project), %s (solution); no-op rounds: %s\n' \
  "$(nproc)" "$(dotnet --version)" "$(date -u +%Y-%m-%d)" "${MSBUILDDISABLENODEREUSE:-unset}" "$runs" "$solution_runs" "$noop_runs"
