#!/usr/bin/env bash
# What an open skopos costs the API server (issue 6): after the initial sync, no LIST over a minute
# of idle viewing with 2,000 pods, and Envoy answers pulled only for the proxy being viewed.
#
#   bench/api-economy.sh          # PODS=2000 IDLE=60
#
# Runs dev.skopos.bench.ApiEconomyBench (test sources): fabric8's mock API server in CRUD mode with
# PODS sidecar pods in 5 namespaces and one istiod (its sync report lists them all), the real shell
# headless on a live source built from a kubeconfig (informers, port-forwards), the proxies view
# left open for IDLE seconds, then one proxy's summary. Requests are counted at the server: LIST
# (GET on a collection without watch), WATCH, PORT_FORWARD (one per tunnel), OTHER (discovery,
# access reviews); requests inside tunnels are counted per pod port. Exit 1 if the verdict fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PODS=${PODS:-2000}
IDLE=${IDLE:-60}
read -ra MVN <<<"${MVN:-./mvnw}"   # e.g. MVN="mvn -o"
CP_FILE=target/bench-classpath.txt
MAIN_CLASS=target/test-classes/dev/skopos/bench/ApiEconomyBench.class

die() { echo "bench: $*" >&2; exit 1; }
command -v java >/dev/null || die "needs java 17+"

if [[ ! -f $MAIN_CLASS || ! -f $CP_FILE ]]; then
  "${MVN[@]}" -B -q test-compile
  "${MVN[@]}" -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
fi

echo "== skopos API economy  ($(date -u +%Y-%m-%dT%H:%MZ))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -n 1)"
echo
# The mock logs every request at INFO; ApiEconomy quiets it. fabric8's warnings about v1beta1 Istio kinds are dropped.
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" dev.skopos.bench.ApiEconomyBench "$PODS" "$IDLE" \
  2> >(grep -v -e 'VersionUsageUtils' -e 'unstable version' >&2)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
