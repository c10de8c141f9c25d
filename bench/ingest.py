#!/usr/bin/env python3
"""Ingestion benchmark: items per second through fetch, parse, clean, de-duplicate and store.

Generates a synthetic feed set (--feeds feeds of --items items each, every item a distinct story),
serves it over HTTP, starts the built portal on a fresh embedded database, subscribes a source to the
feeds through the editors' desk and presses "fetch now" on each, exactly as an editor would, then prints
items per second. Needs a built jar (./mvnw -DskipTests package) and python3; writes to bench/work/.

    bench/ingest.py [--feeds 20] [--items 500] [--db h2|postgres] [--jfr FILE] [--port 18085]

--db postgres runs the portal on a fresh PostgreSQL database, newsdesk_bench_ingest, dropped and created again on
each run (psql on the PATH; server, user and password from PGHOST, PGPORT, PGUSER, PGPASSWORD, by default
postgres@127.0.0.1:5432 with no password). --jfr FILE records the portal with Java Flight Recorder's profiling
settings into FILE (read it with `jfr view hot-methods FILE` or `jfr print --events jdk.ExecutionSample FILE`).
"""
import argparse, glob, http.cookiejar, http.server, os, random, re, shutil, socketserver, subprocess, sys, threading, time
import urllib.parse, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument('--feeds', type=int, default=20)
parser.add_argument('--items', type=int, default=500)
parser.add_argument('--db', choices=['h2', 'postgres'], default='h2')
parser.add_argument('--jfr', metavar='FILE')
parser.add_argument('--port', type=int, default=18085)
args = parser.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = os.path.join(root, 'bench', 'work', 'ingest')
jar = os.path.join(root, 'target', 'newsdesk.jar')
if not os.path.exists(jar):
    sys.exit('No target/newsdesk.jar: run ./mvnw -DskipTests package first.')
java = next((j for j in [os.environ.get('JAVA', '')] + sorted(glob.glob('/usr/lib/jvm/*/bin/java'), reverse=True)
             if j and subprocess.run([j, '-version'], capture_output=True, text=True).stderr.split('"')[1].split('.')[0] >= '21'), None)
shutil.rmtree(work, ignore_errors=True)
os.makedirs(os.path.join(work, 'feeds'))

# Distinct stories: random words, so that no two items look alike to the near-duplicate detector.
random.seed(7)
words = [w for w in re.findall(r'[а-яё]{4,}', open(os.path.join(root, 'src/main/resources/messages_ru.properties'),
         encoding='utf-8').read().lower())]
words += ['завод', 'фрегат', 'двигатель', 'самолёт', 'испытания', 'поставка', 'контракт', 'серия', 'цех', 'станок',
          'ракета', 'спутник', 'верфь', 'корпус', 'бюджет', 'инженер', 'программа', 'модернизация', 'экспорт']
for f in range(args.feeds):
    items = []
    for i in range(args.items):
        title = ' '.join(random.choice(words) for _ in range(8)).capitalize()
        text = ''.join('<p>' + ' '.join(random.choice(words) for _ in range(60)) + '.</p>' for _ in range(3))
        items.append('<item><title>%s %d-%d</title><link>https://bench.example.org/%d/%d</link><guid>b-%d-%d</guid>'
                     '<pubDate>Tue, 06 Jan 2026 09:%02d:00 +0000</pubDate><description><![CDATA[%s]]></description></item>'
                     % (title, f, i, f, i, f, i, i % 60, text))
    with open(os.path.join(work, 'feeds', 'feed-%d.xml' % f), 'w', encoding='utf-8') as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench %d</title>'
                  '<link>https://bench.example.org/</link><description>bench</description>%s</channel></rss>'
                  % (f, ''.join(items)))

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
feeds_server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), lambda *a: Quiet(*a, directory=os.path.join(work, 'feeds')))
threading.Thread(target=feeds_server.serve_forever, daemon=True).start()
feeds_port = feeds_server.server_address[1]

database = []
if args.db == 'postgres':
    pg = dict(host=os.environ.get('PGHOST', '127.0.0.1'), port=os.environ.get('PGPORT', '5432'),
              user=os.environ.get('PGUSER', 'postgres'))
    psql = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', pg['host'], '-p', pg['port'], '-U', pg['user'], '-d', 'postgres']
    subprocess.run(psql + ['-c', 'DROP DATABASE IF EXISTS newsdesk_bench_ingest WITH (FORCE)'], check=True)
    subprocess.run(psql + ['-c', 'CREATE DATABASE newsdesk_bench_ingest'], check=True)
    database = ['--spring.datasource.url=jdbc:postgresql://%s:%s/newsdesk_bench_ingest' % (pg['host'], pg['port']),
                '--spring.datasource.username=' + pg['user'],
                '--spring.datasource.password=' + os.environ.get('PGPASSWORD', '')]
jfr = ['-XX:StartFlightRecording=filename=%s,settings=profile' % os.path.abspath(args.jfr)] if args.jfr else []

port = args.port
log = open(os.path.join(work, 'app.log'), 'w')
app = subprocess.Popen([java] + jfr + ['-jar', jar, '--server.port=%d' % port, '--newsdesk.data-dir=' + os.path.join(work, 'data'),
                        '--newsdesk.ingest.enabled=false', '--newsdesk.ingest.allow-private-addresses=true'] + database,
                       stdout=log, stderr=subprocess.STDOUT)
base = 'http://127.0.0.1:%d' % port
try:
    # A loaded machine may take minutes to start the portal.
    for _ in range(600):
        try:
            urllib.request.urlopen(base + '/actuator/health', timeout=2)
            break
        except Exception:
            time.sleep(0.5)
    jar_cookies = http.cookiejar.CookieJar()
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a):
            return None
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar_cookies), NoRedirect)
    def get(path):
        return browser.open(base + path).read().decode()
    def post(path, page, fields):
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(dict(fields, _csrf=token)).encode()
        try:
            return browser.open(base + path, data)
        except urllib.error.HTTPError as redirect:
            return redirect
    setup = None
    for _ in range(40):
        found = re.search(r'/setup/[A-Za-z0-9_-]+', open(os.path.join(work, 'app.log')).read())
        if found:
            setup = found.group(0)
            break
        time.sleep(0.5)
    post(setup, get(setup), {'displayName': 'Bench Admin', 'email': 'bench@example.org', 'password': 'Bench-password-2026'})
    post('/login', get('/login'), {'login': 'bench@example.org', 'password': 'Bench-password-2026', 'language': 'ru'})
    post('/admin/sources', get('/admin/sources/new'), {'slug': 'bench', 'nameRu': 'Бенч', 'nameEn': 'Bench', 'country': 'RU'})
    source = re.search(r'/admin/sources/(\d+)/feeds/new', [m for m in re.findall(r'<section class="desk-source">.*?</section>',
                       get('/admin/sources'), re.S) if 'Бенч' in m][0]).group(1)
    rubric = re.search(r'<option value="(\d+)"', get('/admin/sources/%s/feeds/new' % source)).group(1)
    feed_pages = []
    for f in range(args.feeds):
        answer = post('/admin/sources/%s/feeds' % source, get('/admin/sources/%s/feeds/new' % source),
                      {'url': 'http://127.0.0.1:%d/feed-%d.xml' % (feeds_port, f), 'rubricId': rubric, 'language': 'ru',
                       'autoPublish': 'true', 'pollMinutes': '60', 'enabled': 'true'})
        feed_pages.append(answer.headers['Location'].split('?')[0])
    pages = [get(p) for p in feed_pages]
    # Two at a time, as the scheduler refreshes due feeds (newsdesk.ingest.parallel-feeds=2).
    outcomes = []
    queue = list(zip(feed_pages, pages))
    lock = threading.Lock()
    def worker():
        while True:
            with lock:
                if not queue:
                    return
                path, page = queue.pop(0)
            answer = post(path + '/fetch', page, {})
            with lock:
                outcomes.append(urllib.parse.unquote_plus(answer.headers['Location'].split('done=')[1]))
    def cpu_seconds(pid):
        try:
            fields = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')
        except (OSError, IndexError, ValueError):
            return 0.0
    def database_cpu():
        """CPU seconds of each PostgreSQL backend serving the benchmark's database, by process id."""
        if args.db != 'postgres':
            return {}
        pids = subprocess.run(psql + ['-tA', '-c', "SELECT pid FROM pg_stat_activity WHERE datname = 'newsdesk_bench_ingest'"],
                              capture_output=True, text=True).stdout.split()
        return {int(pid): cpu_seconds(int(pid)) for pid in pids}
    # CPU time, unlike items/s, hardly depends on what else the machine is running.
    portal_cpu, db_cpu = cpu_seconds(app.pid), database_cpu()
    started = time.time()
    workers = [threading.Thread(target=worker) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.time() - started
    portal_cpu = cpu_seconds(app.pid) - portal_cpu
    db_cpu = sum(cpu - db_cpu.get(pid, 0.0) for pid, cpu in database_cpu().items())
    added = sum(int(re.search(r'добавлено (\d+)', o).group(1)) for o in outcomes if 'добавлено' in o)
    cpu = open('/proc/cpuinfo').read()
    print('Newsdesk ingestion benchmark, %s' % time.strftime('%Y-%m-%d'))
    print('machine: %d cores (%s), %s' % (os.cpu_count(), re.search(r'model name\s*:\s*(.*)', cpu).group(1),
          subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]))
    print('%d feeds x %d items over HTTP, %s, two feeds at a time with "fetch now"'
          % (args.feeds, args.items, 'embedded H2' if args.db == 'h2' else 'PostgreSQL ' + database[0].split('//')[1]))
    print('items stored: %d of %d, in %.1f s: %.0f items/s' % (added, args.feeds * args.items, elapsed, added / elapsed))
    print('CPU: portal %.1f s (%.2f ms per item)%s; load average %s' % (portal_cpu, 1000 * portal_cpu / max(added, 1),
          ', PostgreSQL backends %.1f s (%.2f ms per item)' % (db_cpu, 1000 * db_cpu / max(added, 1)) if args.db == 'postgres' else '',
          ' '.join(open('/proc/loadavg').read().split()[:3])))
    if added != args.feeds * args.items:
        print('not every item was stored; outcomes: %s' % outcomes[:3])
finally:
    app.terminate()
    app.wait()
    feeds_server.shutdown()
