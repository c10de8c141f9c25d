#!/usr/bin/env bash
# Page benchmark: generates a synthetic archive, starts the built portal on it and measures the
# article page (anonymous and for a logged-in member), the home page and a deep rubric page with wrk,
# beside nginx serving a saved copy of each page as a static file, in the same run. Prints
# one table, what the heap holds after the runs (jcmd GC.class_histogram: its top lines go to
# bench/work/heap-histogram.txt), and the start-up time of a fresh portal with the demo (bench/startup.sh).
#
#   bench/pages.sh [--articles 100000] [--db h2|postgres] [--duration 15s] [--connections 32] [--warmup 20s]
#                  [--heap 512m]
#
# Needs a built jar (./mvnw -DskipTests package); installs wrk and nginx from Debian if missing.
# Everything it writes goes to bench/work/ (the PostgreSQL run uses the database newsdesk_bench).
set -euo pipefail
cd "$(dirname "$0")/.."

articles=100000 db=h2 duration=15s connections=32 warmup=20s heap=512m
while [ $# -gt 0 ]; do
  case $1 in
    --articles) articles=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

app_port=18080 nginx_port=18081
work=$PWD/bench/work
jar=$PWD/target/newsdesk.jar
java=${JAVA:-}
if [ -z "$java" ]; then
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      java=$candidate/bin/java; break
    fi
  done
fi
[ -n "$java" ] || { echo "No JDK 21+ found; set JAVA to a java 21+ binary." >&2; exit 1; }
[ -f "$jar" ] || { echo "No $jar: run ./mvnw -DskipTests package first." >&2; exit 1; }
for tool in wrk nginx; do
  command -v $tool >/dev/null || { echo "installing $tool"; apt-get update -qq && apt-get install -y -qq $tool >/dev/null; }
done
command -v nginx >/dev/null || export PATH=$PATH:/usr/sbin

rm -rf "$work" && mkdir -p "$work/www" "$work/nginx"
app_pid=""
nginx_started=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$nginx_started" ] && nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
}
trap cleanup EXIT

case $db in
  h2)
    datasource=(--newsdesk.data-dir="$work/data")
    ;;
  postgres)
    psql -X -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS newsdesk_bench WITH (FORCE)" -c "CREATE DATABASE newsdesk_bench"
    datasource=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/newsdesk_bench --spring.datasource.username=postgres --spring.datasource.password=)
    ;;
  *) echo "--db is h2 or postgres" >&2; exit 2 ;;
esac

start_app() {
  "$java" -Xmx"$heap" -jar "$jar" --server.port=$app_port --newsdesk.demo.enabled=false --newsdesk.site.base-url=http://localhost:$app_port \
    "${datasource[@]}" > "$work/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://localhost:$app_port/actuator/health" && return 0
    sleep 0.5
  done
  echo "The portal did not start; see $work/app-$1.log" >&2; exit 1
}
stop_app() {
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

echo "== creating the schema"
start_app schema
stop_app

echo "== generating $articles articles into $db"
if [ "$db" = h2 ]; then
  rows='(SELECT "X" AS x FROM SYSTEM_RANGE(:from, :to)) AS g' published="DATEADD('MINUTE', -x, CURRENT_TIMESTAMP)"
else
  rows='generate_series(:from, :to) AS x' published="now() - x * interval '1 minute'"
fi
started=$(date +%s)
chunk=100000
{
  cat bench/dataset-catalogue.sql
  for ((from = 1; from <= articles; from += chunk)); do
    to=$((from + chunk - 1)); [ $to -gt "$articles" ] && to=$articles
    sed -e "s/:rows/$rows/" -e "s/:published/$published/" -e "s/:from/$from/g" -e "s/:to/$to/g" \
      bench/dataset-articles.sql
    [ "$db" = h2 ] && echo "COMMIT;"
  done
} > "$work/dataset.sql"
if [ "$db" = h2 ]; then
  unzip -q -o -j "$jar" 'BOOT-INF/lib/h2-*.jar' -d "$work/lib"
  "$java" -cp "$work"/lib/h2-*.jar org.h2.tools.RunScript \
    -url "jdbc:h2:file:$work/data/newsdesk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -user sa -script "$work/dataset.sql"
else
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d newsdesk_bench -f "$work/dataset.sql"
  psql -X -q -h 127.0.0.1 -U postgres -d newsdesk_bench -c "VACUUM ANALYZE article"
fi
echo "   took $(( $(date +%s) - started )) s"

echo "== starting the portal on the archive"
start_app pages
base=http://localhost:$app_port
article=$(curl -s "$base/" | grep -o 'href="/news/[^"]*"' | head -1 | cut -d'"' -f2)
rubric=$(curl -s "$base/" | grep -o 'href="/rubric/[^"]*"' | head -1 | cut -d'"' -f2)
rubric_page="$rubric?p=1000"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base$rubric_page")" = 200 ] || {
  echo "   (the archive is too small for page 1000 of $rubric; measuring its page 2)"; rubric_page="$rubric?p=2"; }

# nginx serves the same bytes as each page, so that every page is compared with a static file of its own size.
curl -s "$base$article" > "$work/www/article.html"
curl -s "$base/" > "$work/www/home.html"
curl -s "$base$rubric_page" > "$work/www/rubric.html"

# The member of the synthetic catalogue logs in; its session cookie makes the member row.
cookies=$work/member.cookies
token=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "login=member@bench.example.org" \
  --data-urlencode "password=bench-member-password-1" --data-urlencode "_csrf=$token" "$base/login"
member_cookie=$(awk '$6 == "SESSION" {print "SESSION=" $7}' "$cookies")
[ -n "$member_cookie" ] && curl -s -H "Cookie: $member_cookie" "$base$article" | grep -q BenchMember || {
  echo "The bench member could not log in; see $work/app-pages.log" >&2; exit 1; }
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { text/html html; }
  server {
    listen $nginx_port;
    root $work/www;
  }
}
NGINX
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx_started=yes

agent="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
measure() { # name url [header] -> "name rps p50 p99"
  # Warm-up: on two cores the JIT needs some 15-20 s of load before the figures settle.
  local extra=(-H "User-Agent: $agent")
  [ -n "${3:-}" ] && extra+=(-H "$3")
  wrk -t2 -c"$connections" -d"$warmup" "${extra[@]}" "$2" > /dev/null
  wrk -t2 -c"$connections" -d"$duration" --latency "${extra[@]}" "$2" > "$work/wrk-$1.txt"
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$1.txt")
  echo "$1 $rps $p50 $p99"
}

echo "== warming up: every page of the portal for $warmup, so that the first one measured is not the JIT's warm-up"
for url in "$base$article" "$base/" "$base$rubric_page"; do
  wrk -t2 -c"$connections" -d"$warmup" -H "User-Agent: $agent" "$url" > /dev/null
done
echo "== measuring: wrk, 2 threads, $connections connections, $duration each, after a $warmup warm-up"
# Each row: name, then the nginx row it is compared with.
results=("$(measure nginx-article "http://localhost:$nginx_port/article.html") nginx-article")
results+=("$(measure article "$base$article") nginx-article")
results+=("$(measure member-article "$base$article" "Cookie: $member_cookie") nginx-article")
results+=("$(measure nginx-home "http://localhost:$nginx_port/home.html") nginx-home")
results+=("$(measure home "$base/") nginx-home")
results+=("$(measure nginx-rubric "http://localhost:$nginx_port/rubric.html") nginx-rubric")
results+=("$(measure rubric-p1000 "$base$rubric_page") nginx-rubric")

# What the heap holds after the runs: live objects only (the histogram collects garbage first).
"$(dirname "$java")/jcmd" "$app_pid" GC.class_histogram > "$work/heap-histogram-full.txt"
head -15 "$work/heap-histogram-full.txt" > "$work/heap-histogram.txt"
heap_summary=$(awk -v max="$heap" '
  NF >= 4 && $1 ~ /^[0-9]+:$/ && n < 3 { top = top sprintf("%s%s %.1f MB", n ? ", " : "", $4, $3 / 1048576); n++ }
  $1 == "Total" { total = sprintf("%.0f MB live in %d objects", $3 / 1048576, $2) }
  END { printf "heap (-Xmx%s) after the runs: %s; most: %s\n", max, total, top }' "$work/heap-histogram-full.txt")
stop_app
startup=$(JAVA="$java" bench/startup.sh --runs 1 --heap "$heap") || startup="start-up: failed, see bench/work/startup/"

declare -A reference
for row in "${results[@]}"; do
  read -r name rps _ <<< "$row"
  [[ $name == nginx-* ]] && reference[$name]=$rps
done
echo
echo "Newsdesk page benchmark: $articles articles on $db, $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB, $("$java" -version 2>&1 | head -1)"
echo "article: $article ($(wc -c < "$work/www/article.html") bytes), home: $(wc -c < "$work/www/home.html") bytes, rubric page: $rubric_page ($(wc -c < "$work/www/rubric.html") bytes)"
printf '%-22s %12s %10s %10s %16s\n' page "requests/s" p50 p99 "vs nginx (same)"
for row in "${results[@]}"; do
  read -r name rps p50 p99 versus <<< "$row"
  printf '%-22s %12s %10s %10s %16s\n' "$name" "$rps" "$p50" "$p99" \
    "$(awk -v a="$rps" -v b="${reference[$versus]}" 'BEGIN {printf "%.2f", a / b}')"
done
echo "$heap_summary (top lines: bench/work/heap-histogram.txt)"
echo "$startup (fresh data folder, demo on, java -jar to the home page with its stories)"
