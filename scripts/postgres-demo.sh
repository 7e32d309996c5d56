#!/usr/bin/env bash
# A local three-region PostgreSQL demo platform for Meridian (docs/postgres.md):
#   scripts/postgres-demo.sh start [--servers-only] [DIR]   one primary (eu-central-1) and two streaming standbys
#                                                          (eu-west-1 synchronous, eu-north-1 asynchronous), each
#                                                          with its replication slot, on 127.0.0.1; writes the
#                                                          platform file DIR/pg-demo.json and the password file
#                                                          DIR/pgpass, then starts a backend on it on port 50051
#                                                          (not with --servers-only) and says how to open the console
#   scripts/postgres-demo.sh stop [DIR]                    stops the backend and the servers; DIR stays for a look
#   scripts/postgres-demo.sh rejoin NAME HOST PORT [DIR]   makes server NAME (a fenced or former primary) a standby
#                                                          of the primary at HOST:PORT with pg_rewind; the platform
#                                                          file names it as postgres.rejoinCommand
#   scripts/postgres-demo.sh clean [DIR]                   stop, then delete DIR
# DIR defaults to /tmp/meridian-pg-demo. Ports: MERIDIAN_PG_DEMO_PORT (default 25432, below the ephemeral port
# range) and the next two; the backend listens on MERIDIAN_PG_DEMO_BACKEND_PORT (default 50051). PostgreSQL
# refuses to run as root, so the servers run as the postgres user; run this script as root (it installs
# PostgreSQL with apt-get when it is missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The newest PostgreSQL of Debian's layout (15 on these machines), or MERIDIAN_PG_BIN.
bin=${MERIDIAN_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
bin=${bin:-/usr/lib/postgresql/15/bin}

command=${1:-}
shift || true
if [ "$command" = rejoin ]; then
  rejoin_name=${1:?rejoin NAME HOST PORT [DIR]}
  rejoin_host=${2:?rejoin NAME HOST PORT [DIR]}
  rejoin_port=${3:?rejoin NAME HOST PORT [DIR]}
  shift 3
fi
servers_only=false
if [ "${1:-}" = "--servers-only" ]; then
  servers_only=true
  shift
fi
dir=${1:-/tmp/meridian-pg-demo}
port=${MERIDIAN_PG_DEMO_PORT:-25432}
backend_port=${MERIDIAN_PG_DEMO_BACKEND_PORT:-50051}
names=(fra1 dub1 sto1)
regions=(eu-central-1 eu-west-1 eu-north-1)

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

need_postgres() {
  if [ ! -x "$bin/pg_ctl" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres-demo: PostgreSQL is not installed ($bin); run as root to install it" >&2
      exit 1
    fi
    echo "postgres-demo: installing PostgreSQL (apt-get install postgresql)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
}

stop() {
  if [ -f "$dir/backend.pid" ]; then
    kill "$(cat "$dir/backend.pid")" 2>/dev/null || true
    rm -f "$dir/backend.pid"
  fi
  for name in "${names[@]}"; do
    if [ -f "$dir/$name/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/$name" -m fast -w stop >/dev/null || true
    fi
  done
}

password() {
  head -c 18 /dev/urandom | base64 | tr -d '/+='
}

start() {
  need_postgres
  if [ -e "$dir" ]; then
    echo "postgres-demo: $dir exists; stop and remove it first ($0 clean $dir)" >&2
    exit 1
  fi
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  local superuser monitor action replicator
  superuser=$(password); monitor=$(password); action=$(password); replicator=$(password)
  # The superuser password only exists for initdb; the demo itself uses the three roles below.
  local pwfile
  pwfile=$(mktemp)
  echo "$superuser" >"$pwfile"
  chown postgres "$pwfile"
  # --no-sync: a demo on a shared disk starts in seconds; the servers themselves fsync as usual.
  as_postgres "$bin/initdb" -D "$dir/fra1" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pwfile" -E UTF8 --no-sync >"$dir/initdb.log"
  rm -f "$pwfile"
  cat >>"$dir/fra1/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
port = $port
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
wal_log_hints = on
wal_keep_size = 128MB
shared_preload_libraries = 'pg_stat_statements'
wal_receiver_status_interval = 1s
CONF
  as_postgres "$bin/pg_ctl" -D "$dir/fra1" -l "$dir/fra1.log" -w start >/dev/null
  as_postgres "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -o /dev/null <<SQL
create role meridian_monitor login password '$monitor' in role pg_monitor;
create role meridian_action superuser login password '$action';
create role replicator replication login password '$replicator';
create extension pg_stat_statements;
create table demo_orders (id bigserial primary key, placed_at timestamptz not null default now());
alter system set synchronous_standby_names = 'FIRST 1 (dub1, sto1, fra1)';
select pg_reload_conf();
SQL
  # Replication passwords go into a .pgpass of the postgres user's own, never into primary_conninfo.
  printf '127.0.0.1:*:replication:replicator:%s\n' "$replicator" >"$dir/replication.pgpass"
  chown postgres "$dir/replication.pgpass"
  chmod 600 "$dir/replication.pgpass"
  local i
  for i in 1 2; do
    local name=${names[$i]}
    as_postgres "$bin/pg_basebackup" -D "$dir/$name" \
      -d "host=127.0.0.1 port=$port user=replicator passfile=$dir/replication.pgpass application_name=$name" \
      -R -X stream -C -S "$name" --no-sync
    echo "port = $((port + i))" >>"$dir/$name/postgresql.conf"
    as_postgres "$bin/pg_ctl" -D "$dir/$name" -l "$dir/$name.log" -w start >/dev/null
  done
  # Meridian's own credentials: read by the backend (this user), mode 600.
  {
    printf '127.0.0.1:*:postgres:meridian_monitor:%s\n' "$monitor"
    printf '127.0.0.1:*:postgres:meridian_action:%s\n' "$action"
  } >"$dir/pgpass"
  chmod 600 "$dir/pgpass"
  write_platform_file
  echo "postgres-demo: three servers up in $dir (ports $port-$((port + 2))); platform file $dir/pg-demo.json"
  if [ "$servers_only" = false ]; then
    start_backend
  fi
}

write_platform_file() {
  local servers="" i
  for i in 0 1 2; do
    servers+="      {\"replica\": \"${names[$i]}\", \"host\": \"127.0.0.1\", \"port\": $((port + i)), \"database\": \"postgres\", \"tlsMode\": \"disable\"}"
    [ "$i" -lt 2 ] && servers+=$',\n'
  done
  cat >"$dir/pg-demo.json" <<JSON
{
  "schemaVersion": 1,
  "name": "pg-demo",
  "title": "PostgreSQL demo (three regions on loopback)",
  "source": "scripts/postgres-demo.sh",
  "summary": "One orders database: primary in Frankfurt, a synchronous standby in Dublin and an asynchronous one in Stockholm, streaming with replication slots.",
  "targets": {"detectionSeconds": 5, "lagSloP95Seconds": 30, "lagBreakerSeconds": 60, "clockOffsetMaxMicros": 1000,
              "availabilityPercent": 99.9, "latencyP50Millis": 50, "latencyP95Millis": 200},
  "tiers": [{"name": "HOT", "rtoSeconds": 300, "rpoSeconds": 0}],
  "regions": [
    {"id": "eu-central-1", "name": "EU Frankfurt", "provider": "On-premises", "location": {"lat": 50.11, "lon": 8.68}, "jurisdictions": ["GDPR"], "tier": "HOT", "role": "PRIMARY"},
    {"id": "eu-west-1", "name": "EU Dublin", "provider": "On-premises", "location": {"lat": 53.35, "lon": -6.26}, "jurisdictions": ["GDPR"], "tier": "HOT", "role": "SECONDARY"},
    {"id": "eu-north-1", "name": "EU Stockholm", "provider": "On-premises", "location": {"lat": 59.33, "lon": 18.07}, "jurisdictions": ["GDPR"], "tier": "HOT", "role": "DR"}
  ],
  "clusters": [
    {"id": "orders", "name": "Orders", "replicas": [
      {"id": "fra1", "region": "eu-central-1", "role": "PRIMARY"},
      {"id": "dub1", "region": "eu-west-1", "role": "STANDBY", "upstream": "fra1", "sync": true},
      {"id": "sto1", "region": "eu-north-1", "role": "STANDBY", "upstream": "fra1", "sync": false}
    ]}
  ],
  "postgres": {
    "monitor": {"user": "meridian_monitor", "passfile": "$dir/pgpass"},
    "action": {"user": "meridian_action", "passfile": "$dir/pgpass"},
    "rejoinCommand": ["$root/scripts/postgres-demo.sh", "rejoin", "{replica}", "{primaryHost}", "{primaryPort}", "$dir"],
    "servers": [
$servers
    ]
  }
}
JSON
}

start_backend() {
  (cd "$root" && ./mvnw -B -q -pl console-app -am compile >/dev/null)
  nohup "$root/meridian" backend --platform postgres --platform-file "$dir/pg-demo.json" \
    --port "$backend_port" >"$dir/backend.log" 2>&1 &
  echo $! >"$dir/backend.pid"
  local waited=0
  until grep -q "listening" "$dir/backend.log" 2>/dev/null; do
    if ! kill -0 "$(cat "$dir/backend.pid")" 2>/dev/null || [ "$waited" -ge 120 ]; then
      echo "postgres-demo: the backend did not start; see $dir/backend.log" >&2
      tail -5 "$dir/backend.log" >&2 || true
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "postgres-demo: backend listening on localhost:$backend_port (log $dir/backend.log)"
  echo "Open the console on it:  ./meridian --backend localhost:$backend_port"
}

# pg_rewind onto the new primary's history, then a standby of it: its own port kept (pg_rewind copies the
# source's configuration), the fence (default_transaction_read_only) dropped, its slot made on the new primary.
rejoin() {
  local name=$rejoin_name host=$rejoin_host port=$rejoin_port data="$dir/$rejoin_name"
  [ -d "$data" ] || { echo "postgres-demo: no server $name in $dir" >&2; exit 1; }
  local own_port
  own_port=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$data/postgresql.conf" | tail -1)
  if [ -f "$data/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
  # The action credential, readable by the postgres user for as long as the rewind takes.
  local pass
  pass=$(mktemp)
  cp "$dir/pgpass" "$pass"
  chown postgres "$pass"
  chmod 600 "$pass"
  local source="host=$host port=$port user=meridian_action dbname=postgres passfile=$pass"
  # A checkpoint on the source first: right after promotion its control file may still name the old timeline.
  as_postgres "$bin/psql" -q -d "$source" -v ON_ERROR_STOP=1 -o /dev/null -c "checkpoint"
  as_postgres "$bin/pg_rewind" -D "$data" --source-server="$source" >"$dir/$name.rewind.log" 2>&1 || {
    rm -f "$pass"; echo "postgres-demo: pg_rewind of $name failed; see $dir/$name.rewind.log" >&2; exit 1; }
  as_postgres "$bin/psql" -q -d "$source" -v ON_ERROR_STOP=1 -o /dev/null -c "select pg_create_physical_replication_slot('$name') where not exists (select 1 from pg_replication_slots where slot_name = '$name')"
  rm -f "$pass"
  echo "port = $own_port" >>"$data/postgresql.conf"
  sed -i '/^default_transaction_read_only/d; /^primary_conninfo/d; /^primary_slot_name/d' "$data/postgresql.auto.conf"
  {
    echo "primary_conninfo = 'host=$host port=$port user=replicator passfile=$dir/replication.pgpass application_name=$name'"
    echo "primary_slot_name = '$name'"
  } >>"$data/postgresql.auto.conf"
  as_postgres touch "$data/standby.signal"
  as_postgres "$bin/pg_ctl" -D "$data" -l "$dir/$name.log" -w start >/dev/null
  echo "postgres-demo: $name rejoined as a standby of $host:$port"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  clean) stop; rm -rf "$dir" ;;
  rejoin) rejoin ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
