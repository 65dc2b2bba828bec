#!/usr/bin/env bash
# QFS throughput and metadata benchmark: NameNode + 3 DataNodes in one JVM on loopback, the same
# set-up as Hadoop's MiniDFSCluster figures in docs/benchmarks.md.
#   bench/run-qfs.sh [--size 1G] [--repl 3,1] [--iters 3] [--files 10000] [--threads 1] [--journal-sync both|true|false] [--base DIR]
# --journal-sync both (default): the metadata part once with the journal synced, then again, labelled
# _journal_unsynced, with quarry.namenode.journal.sync=false (benchmarks only: the equal-work comparison
# with MiniDFSCluster, which does not sync its edit log).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
base=${BENCH_DIR:-${TMPDIR:-/tmp}/quarry-bench-qfs}
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
# Warnings only, like Hadoop's harness (its log4j.properties): debug lines would cost the client time.
exec java ${JAVA_OPTS:-} -Dlogback.configurationFile="$root/conf/logback.xml" -Dquarry.role=bench -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  io.quarry.bench.QfsBench --base "$base" "${args[@]}"
