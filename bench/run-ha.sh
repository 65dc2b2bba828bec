#!/usr/bin/env bash
# NameNode HA benchmark: failover time (SIGKILL the active NameNode's JVM, time to the first
# acknowledged change) over N trials, and metadata ops/s with the ZooKeeper journal against the
# file journal. Each NameNode runs in its own JVM; a real ZooKeeper server runs in the bench JVM.
#   bench/run-ha.sh [--trials 10] [--session-timeout 2s] [--sleep-max 100ms] [--ops 5000] [--threads 8] [--base DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
base=${BENCH_DIR:-${TMPDIR:-/tmp}/quarry-bench-ha}
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
(cd "$root" && mvn -B -q package -DskipTests -pl bench -am)
rm -rf "$base"
trap 'rm -rf "$base"' EXIT
exec java ${JAVA_OPTS:-} -Dlogback.configurationFile="$root/conf/logback.xml" -Dquarry.role=bench -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  io.quarry.bench.HaBench --base "$base" "${args[@]}"
