#!/usr/bin/env bash
# Submits examples/hello-job.json to a running cluster with curl and polls the job until it has ended.
#   examples/submit-with-curl.sh [API_URL] [DATA_DIR]
# Defaults: http://127.0.0.1:8080 (node 0 of the default cluster-config.yaml) and .bftswarm/data
# (the default dataDir, relative to the checkout); the API token is DATA_DIR/api-token, made by `./bftswarm up`.
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="${1:-http://127.0.0.1:8080}"
DATA="${2:-$ROOT/.bftswarm/data}"
TOKEN="$(cat "$DATA/api-token")"

answer="$(curl -sS -X POST "$API/api/v1/jobs" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data-binary @"$ROOT/examples/hello-job.json")"
echo "POST /api/v1/jobs -> $answer"
job_id="$(printf '%s' "$answer" | sed -n 's/.*"jobId" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$job_id" ]] || { echo "no jobId in the answer" >&2; exit 1; }

# GET answers 202 while the job is pending or running, 206 when partial, 200 once every task has ended.
for _ in $(seq 1 120); do
  code="$(curl -sS -o /tmp/bftswarm-job.json -w '%{http_code}' "$API/api/v1/jobs/$job_id")"
  if [[ "$code" == 200 ]]; then
    echo "GET /api/v1/jobs/$job_id -> 200"
    cat /tmp/bftswarm-job.json; echo
    exit 0
  fi
  sleep 0.5
done
echo "job $job_id did not end within 60 s (last HTTP status $code)" >&2
exit 1
