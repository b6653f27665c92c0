# bin/cems cluster: a standalone Flink session cluster on this machine, a JobManager and
# TaskManagers as separate JVMs from Maven-resolved Flink jars (flink-dist is not on Maven
# Central; jobs/cluster's runtime classpath stands in for its lib/ folder). Sourced by bin/cems.

CLUSTER_DIR="${CEMS_CLUSTER_DIR:-$ROOT/.work/cluster}"
CLUSTER_CP_FILE="$ROOT/jobs/cluster/target/classpath.txt"
CLUSTER_REST_PORT="${CEMS_CLUSTER_REST_PORT:-8081}"
CLUSTER_RPC_PORT="${CEMS_CLUSTER_RPC_PORT:-6123}"
CLUSTER_METRICS_PORTS="${CEMS_CLUSTER_METRICS_PORTS:-9249-9259}"

cluster_usage() {
  cat <<USAGE
usage: cems cluster start [--taskmanagers N] [--state-backend hashmap|rocksdb]
       cems cluster submit --config FILE        submit the job jar (detached) to the running cluster
       cems cluster list | cancel JOB_ID | savepoint JOB_ID | status | stop
The cluster lives in $CLUSTER_DIR (conf/, log/, checkpoints/, savepoints/); web UI and REST on
port $CLUSTER_REST_PORT (CEMS_CLUSTER_REST_PORT), RPC on $CLUSTER_RPC_PORT (CEMS_CLUSTER_RPC_PORT);
Prometheus metrics on http://localhost:PORT/metrics, one port per process from $CLUSTER_METRICS_PORTS
(CEMS_CLUSTER_METRICS_PORTS; the JobManager takes the first free one).
USAGE
}

cluster_classpath() {
  if [ ! -f "$CLUSTER_CP_FILE" ] || [ "$ROOT/jobs/cluster/pom.xml" -nt "$CLUSTER_CP_FILE" ]; then
    echo "cems: resolving the Flink runtime jars ..." >&2
    (cd "$ROOT" && mvn -q -B -ntp -pl jobs/cluster dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2
  fi
  cat "$CLUSTER_CP_FILE"
}

cluster_job_jar() {
  local jar
  jar=$(ls "$ROOT"/jobs/emissions/target/cems-emissions-*-job.jar 2>/dev/null | head -1)
  if [ -z "$jar" ] || [ -n "$(find "$ROOT/jobs" "$ROOT/connectors" -name '*.java' -newer "$jar" -print -quit)" ]; then
    echo "cems: building the job jar ..." >&2
    (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl jobs/emissions -am package) >&2
    jar=$(ls "$ROOT"/jobs/emissions/target/cems-emissions-*-job.jar | head -1)
  fi
  echo "$jar"
}

cluster_write_conf() {
  local backend=$1
  mkdir -p "$CLUSTER_DIR/conf" "$CLUSTER_DIR/log" "$CLUSTER_DIR/checkpoints" "$CLUSTER_DIR/savepoints"
  cat > "$CLUSTER_DIR/conf/config.yaml" <<CONF
# written by bin/cems cluster start
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $CLUSTER_RPC_PORT
jobmanager.bind-host: localhost
jobmanager.memory.process.size: 1024m
taskmanager.bind-host: localhost
taskmanager.host: localhost
taskmanager.memory.process.size: 1600m
taskmanager.numberOfTaskSlots: 2
taskmanager.load-balance.mode: slots
parallelism.default: 2
rest.address: localhost
rest.bind-address: localhost
rest.port: $CLUSTER_REST_PORT
state.backend.type: $backend
execution.checkpointing.dir: file://$CLUSTER_DIR/checkpoints
execution.checkpointing.savepoint-dir: file://$CLUSTER_DIR/savepoints
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: 100
restart-strategy.fixed-delay.delay: 2 s
heartbeat.interval: 2000
heartbeat.timeout: 30000
execution.checkpointing.interval: 5 s
metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
metrics.reporter.prom.port: $CLUSTER_METRICS_PORTS
CONF
  cp "$ROOT/bin/lib/log4j-cluster.properties" "$CLUSTER_DIR/conf/log4j.properties"
}

# BashJavaUtils computes the JVM memory flags and dynamic properties flink-dist's scripts would pass.
cluster_resource_params() {
  local which=$1 cp=$2
  java @"$ROOT/bin/java17.opts" -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$which" \
      --configDir "$CLUSTER_DIR/conf" 2>/dev/null | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

cluster_spawn() {
  local name=$1 cp=$2 main=$3; shift 3
  local params jvm dynamic
  params=$(cluster_resource_params "$( [ "$name" = jobmanager ] && echo GET_JM_RESOURCE_PARAMS || echo GET_TM_RESOURCE_PARAMS)" "$cp")
  jvm=$(echo "$params" | sed -n 1p)
  dynamic=$(echo "$params" | sed -n 2p)
  # shellcheck disable=SC2086
  nohup java @"$ROOT/bin/java17.opts" $jvm -Dlog.file="$CLUSTER_DIR/log/$name.log" \
      -Dlog4j.configurationFile="$CLUSTER_DIR/conf/log4j.properties" \
      -cp "$cp" "$main" --configDir "$CLUSTER_DIR/conf" $dynamic "$@" \
      > "$CLUSTER_DIR/log/$name.out" 2>&1 < /dev/null &
  echo $! > "$CLUSTER_DIR/$name.pid"
}

cluster_rest() {
  curl -sf "http://localhost:$CLUSTER_REST_PORT$1"
}

cluster_start() {
  local taskmanagers=2 backend=hashmap
  while [ $# -gt 0 ]; do
    case "$1" in
      --taskmanagers) taskmanagers=$2; shift 2 ;;
      --state-backend) backend=$2; shift 2 ;;
      -h|--help) cluster_usage; exit 0 ;;
      *) cluster_usage >&2; exit 2 ;;
    esac
  done
  if cluster_rest /overview >/dev/null; then
    echo "cems: a cluster already answers on port $CLUSTER_REST_PORT; 'bin/cems cluster stop' first" >&2
    exit 1
  fi
  local cp
  cp=$(cluster_classpath)
  cluster_write_conf "$backend"
  echo "cems: starting the JobManager (web UI http://localhost:$CLUSTER_REST_PORT) ..."
  cluster_spawn jobmanager "$cp" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
  for i in $(seq 1 "$taskmanagers"); do
    echo "cems: starting TaskManager tm$i ..."
    cluster_spawn "tm$i" "$cp" org.apache.flink.runtime.taskexecutor.TaskManagerRunner -D "taskmanager.resource-id=tm$i"
  done
  local deadline=$((SECONDS + 90)) registered=0
  while [ $SECONDS -lt $deadline ]; do
    # the REST endpoint refuses connections until the JobManager is up: under set -e and pipefail
    # that failure must not end the script
    registered=$(cluster_rest /overview | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p' || true)
    [ "${registered:-0}" -ge "$taskmanagers" ] && break
    sleep 1
  done
  if [ "${registered:-0}" -lt "$taskmanagers" ]; then
    echo "cems: only ${registered:-0} of $taskmanagers TaskManagers registered within 90 s; see $CLUSTER_DIR/log/" >&2
    exit 1
  fi
  echo "cems: cluster up: 1 JobManager, $taskmanagers TaskManagers ($((taskmanagers * 2)) slots), state backend $backend"
}

cluster_stop() {
  local pidfile pid
  for pidfile in "$CLUSTER_DIR"/tm*.pid "$CLUSTER_DIR"/jobmanager.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
  echo "cems: cluster stopped"
}

cluster_cli() {
  local cp
  cp=$(cluster_classpath)
  FLINK_CONF_DIR="$CLUSTER_DIR/conf" java @"$ROOT/bin/java17.opts" -Dlog4j.configurationFile="$CLUSTER_DIR/conf/log4j.properties" \
      -Dlog.file="$CLUSTER_DIR/log/client.log" -cp "$cp" org.apache.flink.client.cli.CliFrontend "$@"
}

cluster_main() {
  local sub="${1:-}"
  [ $# -gt 0 ] && shift
  case "$sub" in
    start) cluster_start "$@" ;;
    stop) cluster_stop ;;
    status) cluster_rest /overview || { echo "cems: no cluster answers on port $CLUSTER_REST_PORT" >&2; exit 1; } ; echo ;;
    submit)
      [ "${1:-}" = "--config" ] && [ -n "${2:-}" ] || { cluster_usage >&2; exit 2; }
      local config jar
      config=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
      jar=$(cluster_job_jar)
      cluster_cli run -d -m "localhost:$CLUSTER_REST_PORT" "$jar" --config "$config" ;;
    list) cluster_cli list -m "localhost:$CLUSTER_REST_PORT" ;;
    cancel) cluster_cli cancel -m "localhost:$CLUSTER_REST_PORT" "$@" ;;
    savepoint) cluster_cli savepoint -m "localhost:$CLUSTER_REST_PORT" "$@" ;;
    -h|--help|help) cluster_usage ;;
    *) cluster_usage >&2; exit 2 ;;
  esac
}
