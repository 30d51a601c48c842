#!/usr/bin/env bash
# What each part of build/Coco.InitData.targets costs a no-op build, without the SDK around it.
#
# The SDK's own work is most of a real no-op build and moves from run to run by more than our targets cost, so this
# measures the targets alone: small projects without an SDK that import build/ (from this checkout), declare one
# registry with its CA and call the hook as the SDK does (an empty CopyFilesToOutputDirectory before Build). Each
# variant is a copy of build/ with one part taken out, which says what that part costs; "none" imports nothing.
# bench/Coco.InitData.NoOpCost evaluates and builds every project in one process after two warm-up passes (files
# parsed once, as a warm MSBuild node has them) and counts bytes allocated: within half a KB from run to run.
# Not in the counts: what the SDK's own targets do around ours; bench/build-overhead.sh measures the whole.
#
# Usage: bench/targets-cost.sh [--projects N] [--rounds N]      (defaults 5 and 20: about 2 minutes)
set -euo pipefail

projects=5
rounds=20
while [ $# -gt 0 ]; do
  case $1 in
    --projects) projects=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/cid-targets-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "building the task and the counter ..." >&2
dotnet build "$repo/src/Tasks/Coco.InitData.Tasks.csproj" -c Release -o "$work/tasks" -tl:off -nologo -v:q >&2
dotnet build "$repo/bench/Coco.InitData.NoOpCost/Coco.InitData.NoOpCost.csproj" -c Release -o "$work/noopcost" -tl:off -nologo -v:q >&2
source "$repo/bench/bench-ca.sh"
bench_ca "$work/ca.pem"

# variant NAME PYTHON: build/ copied to $work/build-NAME, its targets text t replaced by the Python expression (which
# must change it: a part that is no longer there fails loudly instead of measuring nothing).
variant() {
  local name=$1 edit=$2
  cp -r "$repo/build" "$work/build-$name"
  TARGETS="$work/build-$name/Coco.InitData.targets" EDIT="$edit" python3 - <<'PY'
import os, re
path = os.environ["TARGETS"]
t = open(path, encoding="utf-8").read()
u = eval(os.environ["EDIT"], {"re": re, "t": t})
if u == t:
    raise SystemExit(f"the edit changed nothing in {path}: the targets no longer have that part")
open(path, "w", encoding="utf-8").write(u)
PY
}

# write_projects NAME [BUILD_DIR]: the variant's projects, built once with the full targets (so the artifacts and the
# stamp of a generation are there) and then pointed at the variant's build/ (a variant whose settings text differs
# generates again in the counter's warm-up passes).
write_projects() {
  local name=$1 build=${2:-} i dir
  for i in $(seq -w 1 "$projects"); do
    dir="$work/$name/W$i"
    mkdir -p "$dir/certs"
    cp "$work/ca.pem" "$dir/certs/registry-ca.pem"
    {
      echo '<Project>'
      if [ -n "$build" ]; then echo "  <Import Project=\"$work/build-full/Coco.InitData.props\" />"; fi
      echo "  <PropertyGroup><OutDir>bin/</OutDir><IntermediateOutputPath>obj/</IntermediateOutputPath><InitDataTasksAssembly>$work/tasks/Coco.InitData.Tasks.dll</InitDataTasksAssembly></PropertyGroup>"
      echo '  <PropertyGroup><InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl></PropertyGroup>'
      echo '  <ItemGroup><InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/registry-ca.pem" /></ItemGroup>'
      if [ -n "$build" ]; then echo "  <Import Project=\"$work/build-full/Coco.InitData.targets\" />"; fi
      echo '  <Target Name="CopyFilesToOutputDirectory" />'
      echo '  <Target Name="Build" DependsOnTargets="CopyFilesToOutputDirectory" />'
      echo '</Project>'
    } > "$dir/W$i.csproj"
    dotnet msbuild "$dir/W$i.csproj" -t:Build -tl:off -nologo -v:q >&2
    if [ -n "$build" ]; then sed -i "s|$work/build-full/|$build/|g" "$dir/W$i.csproj"; fi
  done
}

# Names of one length, so that no variant's paths are longer than another's.
echo "writing the variants ..." >&2
hook="r'(<Target Name=\"_InitDataAfterBuild\"[^>]*?Condition=\")'"
cp -r "$repo/build" "$work/build-full"
variant hook "re.sub($hook, r'\\1false and ', t, count=1, flags=re.S)"
variant day_ "t.replace(\"\$([System.DateTime]::Today)\", 'day')"
variant hash "t.replace(\"\$([MSBuild]::StableStringHash('\$(_InitDataSettings)', 'Fnv1a64bit'))\", 'fixed')"
variant fwrt "re.sub(r'<ItemGroup>\\s*<FileWrites [^>]*/>\\s*</ItemGroup>', '', t)"
variant ctnr "re.sub(r'<CallTarget Targets=\"_InitDataWritePushCaBundle\"[^>]*/>', '', re.sub(r'<Import Project=\"[^\"]*Containers.targets\" />', '', t))"
variant item "re.sub(r\";@\(InitDataRegistry->.*?</_InitDataSettings>\", '</_InitDataSettings>', t, flags=re.S)"
variant text "re.sub(r'<_InitDataSettings>.*?</_InitDataSettings>', '<_InitDataSettings>fixed</_InitDataSettings>', t, flags=re.S)"
for name in full hook day_ hash item text fwrt ctnr; do
  write_projects "$name" "$work/build-$name"
done
write_projects none

echo "counting $projects projects x $rounds rounds ..." >&2
echo "variants: full = build/ as it is; hook = the build hook's condition false (no InitData target runs; evaluation as full);"
echo "day_ = no date in the settings; hash = a fixed name instead of the hash; item = no item transforms in the settings text;"
echo "text = a fixed settings text (no property or item in it); fwrt = no FileWrites;"
echo "ctnr = no container publish targets; none = no InitData import at all."
dotnet "$work/noopcost/Coco.InitData.NoOpCost.dll" --projects "$projects" "$rounds" \
  "$work/full" "$work/hook" "$work/day_" "$work/hash" "$work/item" "$work/text" "$work/fwrt" "$work/ctnr" "$work/none"
