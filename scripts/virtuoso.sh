#!/usr/bin/env bash
# A throwaway Virtuoso (Debian's virtuoso-opensource) on loopback, for the tests and benchmarks:
# its own directory, ports and ini; never the system instance.
#
#   scripts/virtuoso.sh start DIR   starts one in DIR (created), waits until it answers, prints
#                                   `export` lines: DIPLOGRAPH_TEST_ENDPOINT (…/sparql),
#                                   DIPLOGRAPH_TEST_STORE (…/sparql-graph-crud-auth),
#                                   DIPLOGRAPH_TEST_USER / DIPLOGRAPH_PASSWORD, DIPLOGRAPH_TEST_ISQL
#   scripts/virtuoso.sh stop DIR    stops it (and always succeeds); DIR is left for its log
#   scripts/virtuoso.sh isql DIR SQL  runs SQL as dba
set -euo pipefail

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

write_ini() {
  local dir=$1 sql=$2 http=$3
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/db/virtuoso.db
ErrorLogFile       = $dir/db/virtuoso.log
LockFile           = $dir/db/virtuoso.lck
TransactionFile    = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $dir/db/virtuoso-temp.db
TransactionFile    = $dir/db/virtuoso-temp.trx
[Parameters]
ServerPort               = 127.0.0.1:$sql
DisableUnixSocket        = 1
MaxClientConnections     = 10
CheckpointInterval       = 0
CaseMode                 = 2
DirsAllowed              = ., $dir/bulk, /tmp
NumberOfBuffers          = ${VIRTUOSO_BUFFERS:-170000}
MaxDirtyBuffers          = ${VIRTUOSO_DIRTY_BUFFERS:-130000}
MaxQueryMem              = 2G
ThreadsPerQuery          = 2
VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/
[HTTPServer]
ServerPort               = 127.0.0.1:$http
ServerRoot               = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections     = 10
ServerThreads            = 10
Charset                  = UTF-8
EnabledGzipContent       = 0
[SPARQL]
ResultSetMaxRows           = 50000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
MaxConstructTriples        = 50000000
EOF
}

isql() {
  local dir=$1
  shift
  isql-vt "$(cat "$dir/sql-port")" dba dba exec="$*" </dev/null
}

start() {
  local dir
  dir=$(realpath -m "$1")
  mkdir -p "$dir/db" "$dir/bulk"
  local sql http
  sql=$(free_port)
  http=$(free_port)
  echo "$sql" >"$dir/sql-port"
  echo "$http" >"$dir/http-port"
  write_ini "$dir" "$sql" "$http"
  (cd "$dir/db" && exec virtuoso-t +configfile "$dir/virtuoso.ini" +foreground >"$dir/stdout.log" 2>&1) &
  echo $! >"$dir/pid"
  for _ in $(seq 1 120); do
    if isql "$dir" "status();" >/dev/null 2>&1; then
      isql "$dir" 'grant SPARQL_UPDATE to "SPARQL";' >/dev/null 2>&1 || true  # granted before: a database reused
      isql "$dir" "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" >/dev/null
      echo "export DIPLOGRAPH_TEST_ENDPOINT=http://127.0.0.1:$http/sparql"
      echo "export DIPLOGRAPH_TEST_STORE=http://127.0.0.1:$http/sparql-graph-crud-auth"
      echo "export DIPLOGRAPH_TEST_USER=dba DIPLOGRAPH_PASSWORD=dba"
      echo "export DIPLOGRAPH_TEST_ISQL='isql-vt $sql dba dba'"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "virtuoso.sh: Virtuoso did not start; its log:" >&2
  tail -20 "$dir/db/virtuoso.log" "$dir/stdout.log" >&2 || true
  stop "$dir"
  return 1
}

stop() {
  local dir=$1 pid
  [[ -f "$dir/pid" ]] || return 0
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  pkill -9 -f "virtuoso-t +configfile $dir/virtuoso.ini" 2>/dev/null || true
  rm -f "$dir/pid"
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$(realpath -m "$2")" ;;
  isql) dir=$(realpath -m "$2"); shift 2; isql "$dir" "$@" ;;
  *) echo "usage: scripts/virtuoso.sh start|stop|isql DIR [SQL]" >&2; exit 1 ;;
esac
