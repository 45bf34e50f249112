#!/usr/bin/env bash
# The repo's prefect.yaml on a real Prefect server: register the deployment, run it once
# through a process worker, and see the run COMPLETED. Uses a Prefect home of its own.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$repo/.venv/bin"
work="$(mktemp -d)"
port=4391
export PREFECT_HOME="$work/prefect" PREFECT_API_URL="http://127.0.0.1:$port/api"
cleanup() { kill "${worker:-0}" "${server:-0}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin/prefect" server start --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 90); do curl -sf "$PREFECT_API_URL/health" >/dev/null && break; sleep 2; done
# a copy of the project folder, so the run writes nowhere in the checkout
mkdir -p "$work/project"
cp -r "$repo/prefect.yaml" "$repo/flows" "$repo/tasks" "$repo/sql" "$work/project/"
mkdir -p "$work/project/data/raw" && cp "$repo"/../shared/seeds/* "$work/project/data/raw/"
cd "$work/project"
"$bin/prefect" work-pool create newsflow-pool --type process >/dev/null
"$bin/prefect" --no-prompt deploy --name newsflow >/dev/null
"$bin/prefect" worker start --pool newsflow-pool >"$work/worker.log" 2>&1 &
worker=$!
run_id="$("$bin/python" - <<'PY'
from prefect.deployments import run_deployment

print(run_deployment("newsflow/newsflow", timeout=0).id)
PY
)"
for _ in $(seq 1 120); do
    state="$("$bin/python" -c "
import asyncio
from prefect.client.orchestration import get_client
async def main():
    async with get_client() as client:
        run = await client.read_flow_run('$run_id')
        print(run.state_type.value if run.state_type else 'NONE')
asyncio.run(main())")"
    case "$state" in
        COMPLETED) break ;;
        FAILED|CRASHED|CANCELLED) tail -40 "$work/worker.log"; echo "deployment run $state"; exit 1 ;;
    esac
    sleep 3
done
test "$state" = COMPLETED || { tail -40 "$work/worker.log"; echo "deployment run not done: $state"; exit 1; }
test -f data/processed/newsflow.duckdb
echo "deployment newsflow/newsflow: run $run_id COMPLETED through a process worker"
