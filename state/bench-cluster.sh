#!/usr/bin/env bash
# Rerunnable process-level bench of the cluster-state layer: starts a real N-node cluster with
# ./bftswarm up (own swarm name, own ports, own data dir), measures from the start of `up` until
# every node's /metrics shows bftswarm_state_members == N (Hazelcast formed everywhere), the
# per-node RSS (ps -o rss) once formed, then stops the cluster with down --purge.
# Usage: state/bench-cluster.sh [N...]   (default: 4 10)
# Prints: BENCH cluster nodes=N up_ms=X gossip_formed_ms=Y rss_mb_avg=Z rss_mb_max=W load1=L
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] && set -- 4 10
now_ms() { date +%s%3N; }
for n in "$@"; do
  dir="$(mktemp -d /tmp/bftswarm-cluster-bench.XXXXXX)"
  cfg="$dir/cluster.yaml"
  cat > "$cfg" <<EOF
swarm: statebench-$n
nodes:
  count: $n
  httpPort: 16100
  wsPort: 16600
  randomPortRange: {min: 26000, max: 26099}
cleanup: true
dataDir: data
EOF
  t0=$(now_ms)
  ./bftswarm up --config "$cfg" --data "$dir/data" --skip-docker-check --timeout 300 >"$dir/up.log" 2>&1 \
    || { cat "$dir/up.log"; ./bftswarm down --config "$cfg" --data "$dir/data" --purge >/dev/null 2>&1; exit 1; }
  t_up=$(now_ms)
  deadline=$(( t0 + 300000 ))
  while :; do
    formed=0
    for ((i = 0; i < n; i++)); do
      m=$(curl -s --max-time 2 "http://127.0.0.1:$((16100 + i))/metrics" | awk '/^bftswarm_state_members /{print int($2)}' || true)
      [ "${m:-0}" = "$n" ] && formed=$((formed + 1))
    done
    [ "$formed" = "$n" ] && break
    if [ "$(now_ms)" -gt "$deadline" ]; then echo "gossip of $n nodes did not form within 300 s" >&2; break; fi
    sleep 0.2
  done
  t_formed=$(now_ms)
  pids=$(cat "$dir"/data/run/*.pid 2>/dev/null | tr '\n' ',' | sed 's/,$//')
  rss=$(ps -o rss= -p "$pids" | awk '{s+=$1; if ($1>m) m=$1; c++} END {printf "rss_mb_avg=%d rss_mb_max=%d processes=%d", s/c/1024, m/1024, c}')
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "BENCH cluster nodes=$n up_ms=$((t_up - t0)) gossip_formed_ms=$((t_formed - t0)) $rss load1=$load"
  grep -h "formed in" "$dir"/data/logs/node-*.log | sed 's/.*\(node [0-9]* state member\)/  \1/' || true
  ./bftswarm down --config "$cfg" --data "$dir/data" --purge >/dev/null 2>&1 || true
  rm -rf "$dir"
done
