#!/usr/bin/env bash
# SQL benchmark: the public query set over generated access logs on the single-node local cluster
# (`quarry local start`), the logs in QFS, every query a MapReduce job. One `quarry sql` shell runs
# the whole set each round, so the figures are per query in a warm session, as an analyst sees them.
#   bench/run-sql.sh [--size 1g|64m] [--runs 3] [--data DIR] [--sql-dir PATH]
# DIR (default $DATA, else ${TMPDIR:-/tmp}/quarry-bench-data) holds the generated logs, outside the
# repository; PATH is the shared query set with its generator (default ../shared/bench/sql beside
# the repository, or $QUARRY_SQL_DIR). The local cluster uses ports 8020 and 8030: stop any running
# one first. Prints one line per query: the time of each round and the median.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data=${DATA:-${TMPDIR:-/tmp}/quarry-bench-data}
size=1g
runs=3
sql_dir=${QUARRY_SQL_DIR:-$root/../shared/bench/sql}
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --sql-dir) sql_dir=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$size" in
  64m) bytes=64M files=4 ;;
  1g) bytes=1G files=8 ;;
  *) echo "--size is 64m or 1g, not $size" >&2; exit 2 ;;
esac
queries="$sql_dir/queries/public.sql"
[ -f "$queries" ] || { echo "query set not found at $queries (use --sql-dir or QUARRY_SQL_DIR)" >&2; exit 1; }

input="$data/sql/$size"
if [ ! -s "$input/ip_country/ip_country.tsv" ] || [ -z "$(ls "$input/logs" 2> /dev/null)" ]; then
  mkdir -p "$input"
  (cd "$sql_dir" && java LogGen.java --bytes "$bytes" --seed 42 --out "$input/logs" --files "$files" \
    && java LogGen.java --countries --seed 42 --out "$input/ip_country")
fi

(cd "$root" && mvn -B -q package -DskipTests)
quarry="$root/bin/quarry"
work=$(mktemp -d "${TMPDIR:-/tmp}/quarry-sql-bench.XXXXXX")
cleanup() {
  "$quarry" local stop --dir "$work/cluster" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$quarry" local start --dir "$work/cluster"
"$quarry" dfsadmin -safemode wait > /dev/null
qfs_dir=/bench/sql/$size
"$quarry" dfs -mkdir -p "$qfs_dir"
"$quarry" dfs -put "$input/logs" "$qfs_dir/logs"
"$quarry" dfs -put "$input/ip_country" "$qfs_dir/ip_country"

# The set as published; its tables point at ${env:DATA}, here the QFS copy.
for round in $(seq 1 "$runs"); do
  DATA="$qfs_dir" "$quarry" sql --output tsv -f "$queries" > "$work/out-$round.tsv" 2> "$work/err-$round.txt" \
    || { cat "$work/err-$round.txt" >&2; exit 1; }
done

python3 - "$queries" "$work" "$runs" <<'PY'
import re, statistics, sys
queries, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = re.findall(r"^-- name: (\S+)", open(queries).read(), re.M)
per_round = []
for r in range(1, runs + 1):
    times = [float(t) for t in re.findall(r"rows? selected \(([0-9.]+) seconds\)", open(f"{work}/err-{r}.txt").read())]
    if len(times) != len(names):
        sys.exit(f"round {r}: {len(times)} query times for {len(names)} queries")
    per_round.append(times)
print(f"{'query':<28} {'rounds (s)':<30} median s")
for i, name in enumerate(names):
    times = [rnd[i] for rnd in per_round]
    print(f"{name:<28} {' '.join(f'{t:.2f}' for t in times):<30} {statistics.median(times):.2f}")
total = [sum(rnd) for rnd in per_round]
print(f"{'whole set':<28} {' '.join(f'{t:.2f}' for t in total):<30} {statistics.median(total):.2f}")
PY
