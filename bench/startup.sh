#!/usr/bin/env bash
# Start-up benchmark: the seconds from `java -jar target/newsdesk.jar` on a fresh data folder (embedded H2,
# demo on) to the first 200 of `/` whose body holds the demo's stories. Prints one line per variant:
#
#   start-up plain  4.21 s  (3 runs: 4.30 4.21 4.12; heap 512m)
#
#   bench/startup.sh [--runs 3] [--heap 512m] [--port 18090] [--plain] [--cds] [--aot] [--log-dir DIR]
#
# With no variant option it measures the plain jar. --cds runs the extracted jar (java -Djarmode=tools ...
# extract) on a class-data-sharing archive from a training run (-XX:ArchiveClassesAtExit); --aot runs it on
# JDK 25's ahead-of-time cache from a training run (-XX:AOTCacheOutput). Each training run is the portal's own
# start on a throwaway data folder, up to the demo's home page, then a clean stop: it loads the classes of the
# demo's loading and of a first page too. The time printed is the median of the runs.
# JAVA picks the java binary (default: the newest JDK under /usr/lib/jvm; --aot needs 25+).
# Everything it writes goes to bench/work/startup/. bench/pages.sh calls it for its start-up row.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3 heap=512m port=18090 variants=() logs=""
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --plain) variants+=(plain); shift ;;
    --cds) variants+=(cds); shift ;;
    --aot) variants+=(aot); shift ;;
    --log-dir) logs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || variants=(plain)

work=$PWD/bench/work/startup
jar=$PWD/target/newsdesk.jar
java=${JAVA:-}
if [ -z "$java" ]; then
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* | sort -rV); do
    if [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      java=$candidate/bin/java; break
    fi
  done
fi
[ -n "$java" ] || { echo "No JDK 21+ found; set JAVA to a java 21+ binary." >&2; exit 1; }
[ -f "$jar" ] || { echo "No $jar: run ./mvnw -DskipTests package first." >&2; exit 1; }
[ -n "$logs" ] || logs=$work
mkdir -p "$work" "$logs"

app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; }
trap cleanup EXIT

# Starts the portal with the given JVM options and jar on a fresh data folder, waits for the home page with the
# demo's stories, sets took to the seconds it took and cpu to the JVM's processor seconds by then, and leaves the
# portal running (app_pid).
start() { # log jar jvm-options...
  local log=$1 target=$2; shift 2
  rm -rf "$work/data"
  local began now
  began=$(date +%s%N)
  "$java" -Xmx"$heap" "$@" -jar "$target" --server.port="$port" --newsdesk.data-dir="$work/data" \
    --newsdesk.site.base-url="http://localhost:$port" > "$log" 2>&1 &
  app_pid=$!
  while :; do
    # A page counts once it lists stories: a page served before the demo was in would have none.
    if curl -s --max-time 5 "http://localhost:$port/" 2>/dev/null | grep -q 'class="news-item"'; then
      now=$(date +%s%N)
      took=$(awk -v ns=$((now - began)) 'BEGIN {printf "%.2f", ns / 1e9}')
      cpu=$(awk -v tick="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tick}' "/proc/$app_pid/stat")
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { echo "The portal stopped; see $log" >&2; app_pid=""; return 1; }
    [ $(( $(date +%s%N) - began )) -lt 300000000000 ] || { echo "No home page with stories in 300 s; see $log" >&2; return 1; }
    sleep 0.02
  done
}
stop() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

# The extracted jar (its libraries beside it), which class-data sharing and the AOT cache need.
extract() {
  if [ ! -f "$work/extract/newsdesk.jar" ] || [ "$jar" -nt "$work/extract/newsdesk.jar" ]; then
    rm -rf "$work/extract"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/extract" > /dev/null
  fi
}

for variant in "${variants[@]}"; do
  options=() target=$jar
  case $variant in
    cds)
      extract; target=$work/extract/newsdesk.jar
      rm -f "$work/newsdesk.jsa"
      start "$logs/startup-cds-training.log" "$target" -XX:ArchiveClassesAtExit="$work/newsdesk.jsa"
      stop
      [ -f "$work/newsdesk.jsa" ] || { echo "The training run wrote no archive; see $logs/startup-cds-training.log" >&2; exit 1; }
      options=(-XX:SharedArchiveFile="$work/newsdesk.jsa")
      ;;
    aot)
      extract; target=$work/extract/newsdesk.jar
      rm -f "$work/newsdesk.aot"
      start "$logs/startup-aot-training.log" "$target" -XX:AOTCacheOutput="$work/newsdesk.aot"
      stop
      [ -f "$work/newsdesk.aot" ] || { echo "The training run wrote no AOT cache (JDK 25+ needed); see $logs/startup-aot-training.log" >&2; exit 1; }
      options=(-XX:AOTCache="$work/newsdesk.aot")
      ;;
  esac
  times=() cpus=() load=$(cut -d' ' -f1 /proc/loadavg)
  for ((run = 1; run <= runs; run++)); do
    start "$logs/startup-$variant-$run.log" "$target" "${options[@]}"
    times+=("$took") cpus+=("$cpu")
    stop
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
  printf 'start-up %-6s %6s s  (%d runs: %s; CPU %s s; load %s; heap %s)\n' "$variant" "$median" "$runs" \
    "${times[*]}" "${cpus[*]}" "$load" "$heap"
done
