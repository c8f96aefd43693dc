#!/usr/bin/env bash
# How long `skopos proxy-config cluster -f DUMP` takes on a mesh-sized Envoy config dump, next to
# jq pulling the same cluster names out of the same file (issue 3, item 5).
#
#   bench/proxy-config-vs-jq.sh          # RUNS=5 SCALE=1 BENCH_DIR=${TMPDIR:-/tmp}/skopos-bench
#
# The dump comes from dev.skopos.bench.SyntheticDump (scale 1: 10,000 clusters, 5,000 listeners,
# 5,000 route configs, 56.6 MB = 54 MiB) and is reused while it exists. Every variant runs once as
# a warm-up (the file into the page cache; each run is a fresh JVM), then RUNS times, interleaved so a noisy neighbour hits all alike. Wall
# time and peak RSS come from GNU time; the JVM's peak heap from its GC log: heap used before each
# collection and at exit (heap use only grows between collections, so the peak is one of those).
# Every java run is capped at -Xmx of 4x the file size: a run that needs more fails the bench.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-5}
SCALE=${SCALE:-1}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/skopos-bench}
MVN=${MVN:-./mvnw}
JAR=target/skopos.jar
GEN_CLASS=target/test-classes/dev/skopos/bench/SyntheticDump.class
JQ_FILTER='.configs[] | select(."@type" == "type.googleapis.com/envoy.admin.v3.ClustersConfigDump") | (.static_clusters // [])[], (.dynamic_active_clusters // [])[] | .cluster.name'

die() { echo "bench: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || die "needs GNU time at /usr/bin/time"
command -v jq >/dev/null || die "needs jq"
command -v java >/dev/null || die "needs java 17+"
mkdir -p "$WORK"

if [[ ! -f $JAR || ! -f $GEN_CLASS ]]; then
  "$MVN" -B -q package -DskipTests
  "$MVN" -B -q test-compile
fi

generate() { # FILE SCALE: write the dump once; a half-written file never counts as present
  [[ -s $1 ]] && return
  java -cp "target/test-classes:$JAR" dev.skopos.bench.SyntheticDump "$1.part" "$2" >/dev/null
  mv "$1.part" "$1"
}
DUMP=$WORK/dump-scale-$SCALE.json
SMALL=$WORK/dump-scale-0.02.json
generate "$DUMP" "$SCALE"
generate "$SMALL" 0.02

BYTES=$(stat -c %s "$DUMP")
FILE_MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')
XMX_MB=$(( (4 * BYTES + 1048575) / 1048576 ))
read -r N_CLUSTERS N_LISTENERS N_ROUTES < <(jq -r '[.configs[] | ."@type" as $t
  | if ($t | endswith("ClustersConfigDump")) then ((.static_clusters // []) + (.dynamic_active_clusters // []) | length)
    elif ($t | endswith("ListenersConfigDump")) then (.dynamic_listeners // [] | length)
    elif ($t | endswith("RoutesConfigDump")) then (.dynamic_route_configs // [] | length) else empty end] | @tsv' "$DUMP")

VARIANTS=(jq skopos-default skopos-launcher skopos-serial)
declare -A FLAGS=(
  [skopos-default]=""
  [skopos-launcher]="-XX:TieredStopAtLevel=1 -Xshare:auto"
  [skopos-serial]="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
)

run() { # VARIANT TAG: one timed run; appends "seconds rss_kb" to $WORK/VARIANT.times
  local v=$1 tag=$2 flags
  if [[ $v == jq ]]; then
    /usr/bin/time -o "$WORK/t" -f '%e %M' jq -r "$JQ_FILTER" "$DUMP" >/dev/null || die "jq failed"
  else
    read -ra flags <<<"${FLAGS[$v]}"
    /usr/bin/time -o "$WORK/t" -f '%e %M' java "-Xmx${XMX_MB}m" ${flags[@]+"${flags[@]}"} \
      "-Xlog:gc,gc+heap+exit:file=$WORK/$v.gc.$tag" -jar "$JAR" proxy-config cluster -f "$DUMP" >/dev/null \
      || die "$v failed (heap capped at ${XMX_MB} MB = 4x the file)"
  fi
  [[ $tag == warmup ]] || tail -n 1 "$WORK/t" >>"$WORK/$v.times"
}

peak_heap_mb() { # GC logs...: the largest heap use seen before a collection or at exit, in MiB
  awk '
    FNR == 1 { at_exit = 0 }
    /Pause/ && match($0, /[0-9]+M->/) { v = substr($0, RSTART, RLENGTH - 3) + 0; if (v > max) max = v }
    /gc,heap,exit/ && /(generation|garbage-first heap) .*used [0-9]+K/ {
      match($0, /used [0-9]+K/); at_exit += substr($0, RSTART + 5, RLENGTH - 6) / 1024; if (at_exit > max) max = at_exit }
    END { printf "%.0f", max }' "$@"
}

echo "== skopos proxy-config cluster vs jq  ($(date -u +%Y-%m-%dT%H:%MZ))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -n 1);  jq: $(jq --version)"
echo "dump:    $DUMP"
echo "size:    $BYTES bytes ($FILE_MB MiB): $N_CLUSTERS clusters, $N_LISTENERS listeners, $N_ROUTES route configs"
echo "heap:    every java run capped at -Xmx${XMX_MB}m (4x the file)"

# Both must see the same clusters: counts on the big dump, names on the small one (-o json).
JQ_COUNT=$(jq -r "$JQ_FILTER" "$DUMP" | wc -l)
ROWS=$(( $(java "-Xmx${XMX_MB}m" -jar "$JAR" proxy-config cluster -f "$DUMP" | wc -l) - 1 ))
[[ $JQ_COUNT == "$N_CLUSTERS" && $ROWS == "$N_CLUSTERS" ]] \
  || die "cluster counts differ: dump $N_CLUSTERS, jq $JQ_COUNT, skopos table rows $ROWS"
diff <(jq -r "$JQ_FILTER" "$SMALL" | sort) \
     <(java -jar "$JAR" proxy-config cluster -f "$SMALL" -o json | jq -r '.[].name' | sort) >/dev/null \
  || die "jq and skopos -o json name different clusters on $SMALL"
echo "check:   jq lines = skopos table rows = $N_CLUSTERS; same names on the 0.02 dump"

rm -f "$WORK"/*.times "$WORK"/*.gc.*
for v in "${VARIANTS[@]}"; do run "$v" warmup; done
for ((i = 1; i <= RUNS; i++)); do
  for v in "${VARIANTS[@]}"; do run "$v" "$i"; done
done

echo
printf '%-16s %-50s %8s %6s %6s %8s %9s %9s\n' tool "JVM flags (+ -Xmx${XMX_MB}m)" median min max "RSS MiB" "heap MiB" heap/file
declare -A MEDIAN
for v in "${VARIANTS[@]}"; do
  read -r median min max rss < <(sort -n "$WORK/$v.times" | awk '
    { t[NR] = $1; if ($2 > rss) rss = $2 }
    END { printf "%.2f %.2f %.2f %.0f\n", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1], t[NR], rss / 1024 }')
  MEDIAN[$v]=$median
  if [[ $v == jq ]]; then
    heap=- ratio=- flags="(jq -r FILTER)"
  else
    heap=$(peak_heap_mb "$WORK/$v".gc.[0-9]*)
    ratio=$(awk -v h="$heap" -v f="$FILE_MB" 'BEGIN { printf "%.2fx", h / f }')
    flags=${FLAGS[$v]:-(none)}
  fi
  printf '%-16s %-50s %8s %6s %6s %8s %9s %9s\n' "$v" "$flags" "$median" "$min" "$max" "$rss" "$heap" "$ratio"
done
echo
for v in "${VARIANTS[@]:1}"; do
  awk -v v="$v" -v s="${MEDIAN[$v]}" -v j="${MEDIAN[jq]}" \
    'BEGIN { printf "%-16s median / jq median = %.2f (%s)\n", v, s / j, s < j ? "faster than jq" : "SLOWER than jq" }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)  (wall times are shared with whatever else runs here)"
