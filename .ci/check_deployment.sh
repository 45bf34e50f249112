#!/usr/bin/env bash
# The repo's prefect.yaml on a real Prefect server: register the deployment, run it once
# through a process worker, and see the run COMPLETED. Uses a Prefect home of its own.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$repo/.venv/bin"
work="$(mktemp -d)"
port=4391
export PREFECT_HOME="$work/prefect" PREFECT_API_URL="http://127.0.0.1:$port/api"
# (an unset pid must not become `kill 0`, which would signal this whole process group)
cleanup() {
    for pid in "${worker:-}" "${server:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
    rm -rf "$work"
}
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

# A user whose Prefect profile (not the environment) names the server: `newsflow run`
# must be recorded there, not on a temporary server of its own.
count_runs='
import asyncio
from prefect.client.orchestration import get_client
async def main():
    async with get_client() as client:
        print(await client.count_flow_runs())
asyncio.run(main())'
before="$("$bin/python" -c "$count_runs")"
profile_env=(env -u PREFECT_API_URL -u PREFECT_HOME HOME="$work/home")
# the file `prefect profile create team`, `prefect profile use team` and
# `prefect config set PREFECT_API_URL=...` leave behind
mkdir -p "$work/home/.prefect"
printf 'active = "team"\n\n[profiles.team]\nPREFECT_API_URL = "%s"\n' "$PREFECT_API_URL" \
    >"$work/home/.prefect/profiles.toml"
"${profile_env[@]}" "$bin/newsflow" run --raw "$work/project/data/raw" --out "$work/profile-out" >"$work/profile-run.log" 2>&1 \
    || { cat "$work/profile-run.log"; echo "newsflow run with a profile's API URL failed"; exit 1; }
after="$("$bin/python" -c "$count_runs")"
test "$after" -gt "$before" || { cat "$work/profile-run.log"; echo "run not recorded on the profile's server ($before -> $after flow runs)"; exit 1; }
echo "newsflow run with the API URL only in a Prefect profile: recorded on that server ($before -> $after flow runs)"
