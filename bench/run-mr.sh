#!/usr/bin/env bash
# MapReduce benchmark: WordCount over the shared word corpus and TeraGen + TeraSort + TeraValidate,
# each step the examples jar's driver in a JVM of its own, in-process (local framework, file://
# paths), measured from outside (wall, CPU, peak RSS) and printed beside Hadoop's local-mode figures.
#   bench/run-mr.sh [--data DIR] [--size 1G] [--rows 10000000] [--runs 1] [--only wordcount|tera]
#                   [--gen PATH/Gen.java] [-D key=value]...
# DIR (default $DATA, else ${TMPDIR:-/tmp}/quarry-bench-data) holds the generated input, outside the
# repository; Gen.java is the shared data generator (default ../shared/bench/gen/Gen.java beside the
# repository, or $QUARRY_GEN). Extra JVM options for the measured steps: $JAVA_OPTS.
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
    --rows|--runs|--only) args+=("$1" "$2"); shift 2 ;;
    -D) args+=("-D" "$2"); shift 2 ;;
    -D*) args+=("-D" "${1#-D}"); shift ;;
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
(cd "$root" && mvn -B -q package -DskipTests -pl bench -am)
work="$data/mr-bench"
rm -rf "$work"
trap 'rm -rf "$work/tera-in" "$work/tera-sorted" "$work/tera-report" "$work/wordcount-out"' EXIT
java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" io.quarry.bench.MapReduceBench \
  --words "$words" --size-bytes "$size" --work "$work" --java-opts "${JAVA_OPTS:-}" "${args[@]}"
