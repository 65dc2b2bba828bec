#!/usr/bin/env bash
# Cluster benchmark: the submit-to-finish latency of a tiny job on the running local cluster, then
# WordCount over the shared word corpus and TeraGen + TeraSort on the single-node local cluster
# (`quarry local start`) and on a cluster of separate JVMs on 127.0.0.x, each job beside the same
# job run in-process on local files (the baseline the cluster's overhead is measured against).
#   bench/run-cluster.sh [--data DIR] [--size 1G] [--rows 10000000] [--runs 1] [--latency-jobs 11]
#                        [--nodes 4] [--map-slots 1] [--daemon-heap 2g] [--only latency|local|multi]
#                        [--gen PATH/Gen.java]
# DIR (default $DATA, else ${TMPDIR:-/tmp}/quarry-bench-data) holds the generated input, outside the
# repository; Gen.java is the shared data generator (default ../shared/bench/gen/Gen.java beside the
# repository, or $QUARRY_GEN). The local cluster uses ports 8020 and 8030: stop any running one first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data=${DATA:-${TMPDIR:-/tmp}/quarry-bench-data}
size=1G
gen=${QUARRY_GEN:-$root/../shared/bench/gen/Gen.java}
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --gen) gen=$2; shift 2 ;;
    --rows|--runs|--latency-jobs|--nodes|--map-slots|--daemon-heap|--only) args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed to measure the steps" >&2; exit 1; }
mkdir -p "$data"
words="$data/words-$(echo "$size" | tr '[:upper:]' '[:lower:]').txt"
if [ ! -s "$words" ]; then
  [ -f "$gen" ] || { echo "data generator not found at $gen (use --gen or QUARRY_GEN)" >&2; exit 1; }
  java "$gen" words --size "$size" "$words"
fi
tiny="$data/tiny.txt"
if [ ! -s "$tiny" ]; then
  [ -f "$gen" ] || { echo "data generator not found at $gen (use --gen or QUARRY_GEN)" >&2; exit 1; }
  java "$gen" words --size 1K "$tiny"
fi
(cd "$root" && mvn -B -q package -DskipTests)
examples=$(ls "$root"/jobs-examples/target/quarry-jobs-examples-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)
work="$data/cluster-bench"
mkdir -p "$work"
trap 'rm -rf "$work/local-cluster" "$work/process-cluster" "$work/in-process" "$work/tiny"' EXIT
java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" io.quarry.bench.ClusterBench \
  --quarry "$root/bin/quarry" --examples-jar "$examples" --words "$words" --tiny "$tiny" --work "$work" "${args[@]}"
