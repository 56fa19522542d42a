#!/usr/bin/env bash
# Runs the whole test suite. PostgreSQL tests need a server: if GX_TEST_POSTGRES (an Npgsql
# connection string) is not set, a throwaway PostgreSQL 15 is started for this run and
# removed afterwards. Extra arguments are passed to `dotnet test`. After the tests it checks the house style
# (`dotnet format --verify-no-changes`): drift fails the run.
#
# --fast runs only the quick tests (those without the trait Category=Slow: no PostgreSQL, no host processes, no
# nginx/clamd/kubectl/newman/node), so it starts no PostgreSQL and installs nothing; a --filter given with it is ANDed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo_root"

fast=false
filter=""
dotnet_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --fast) fast=true ;;
        --filter) filter="${2:-}"; shift ;;
        *) dotnet_args+=("$1") ;;
    esac
    shift
done
if [[ "$fast" == true ]]; then
    # The helpers that start PostgreSQL or a host process refuse to under GX_TEST_FAST: a slow test that lacks its
    # trait fails by name instead of quietly slowing the fast run or needing a server it did not get.
    export GX_TEST_FAST=1
    filter="${filter:+($filter)&}Category!=Slow"
fi
if [[ -n "$filter" ]]; then
    dotnet_args+=(--filter "$filter")
fi

pg_bin="/usr/lib/postgresql/15/bin"
pg_dir=""

# Runs a PostgreSQL binary as the postgres user when we are root, because initdb refuses root.
as_pg_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_postgres() {
    if [[ -n "$pg_dir" && -d "$pg_dir" ]]; then
        as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    fi
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_throwaway_postgres() {
    if [[ ! -x "$pg_bin/initdb" ]]; then
        echo "test.sh: PostgreSQL 15 not found at $pg_bin; installing it" >&2
        apt-get update >&2 && apt-get install -y postgresql >&2
    fi

    pg_dir="$(mktemp -d /tmp/gx-test-pg.XXXXXX)"
    trap stop_postgres EXIT
    if [[ "$(id -u)" -eq 0 ]]; then
        chown postgres:postgres "$pg_dir"
    fi
    as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; exit 1; }

    # A port can be taken between the check and the start, so a failed start tries another port.
    local attempt port
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$(( 20000 + RANDOM % 20000 ))
        port_is_free "$port" || continue
        if as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c max_connections=300" \
            start >/dev/null; then
            export GX_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
            echo "test.sh: throwaway PostgreSQL on 127.0.0.1:$port ($pg_dir)"
            return 0
        fi
    done
    echo "test.sh: could not start PostgreSQL; server log follows" >&2
    cat "$pg_dir/server.log" >&2 || true
    exit 1
}

if [[ "$fast" != true && -z "${GX_TEST_POSTGRES:-}" ]]; then
    start_throwaway_postgres
fi

# The regional-edge tests (tests/Backend.Tests/Edge) run deploy/edge's config in a real nginx.
if [[ "$fast" != true && ! -x /usr/sbin/nginx ]]; then
    echo "test.sh: nginx not found; installing it" >&2
    apt-get update >&2 && apt-get install -y nginx >&2
fi

# The manifest tests (tests/Backend.Tests/Deployment) build every kustomize overlay with kubectl.
if [[ "$fast" != true ]] && ! command -v kubectl >/dev/null 2>&1; then
    echo "test.sh: kubectl not found; installing it" >&2
    apt-get update >&2 && { apt-get install -y kubectl >&2 || apt-get install -y kubernetes-client >&2; }
fi

# The KYC document tests (tests/Backend.Tests/Documents) scan uploads with a real clamd, started per test on its own config.
if [[ "$fast" != true && ! -x /usr/sbin/clamd ]]; then
    echo "test.sh: clamd not found; installing clamav-daemon" >&2
    apt-get update >&2 && apt-get install -y clamav-daemon >&2
fi

# The Postman collection (postman/) is run by newman against the embedded default (tests/Backend.Tests/Journey).
if [[ "$fast" != true ]] && ! command -v newman >/dev/null 2>&1; then
    echo "test.sh: newman not found; installing it" >&2
    if ! command -v npm >/dev/null 2>&1; then
        apt-get update >&2 && apt-get install -y npm >&2
    fi
    npm install -g newman@6.2.2 >&2
fi

# Redocly CLI lints the seven OpenAPI documents (tests/Backend.Tests/OpenApi/OpenApiLintTests, rules in redocly.yaml there).
if [[ "$fast" != true ]] && ! command -v redocly >/dev/null 2>&1; then
    echo "test.sh: redocly not found; installing @redocly/cli" >&2
    if ! command -v npm >/dev/null 2>&1; then
        apt-get update >&2 && apt-get install -y npm >&2
    fi
    npm install -g @redocly/cli@2.77.0 >&2
fi

log_file="$(mktemp /tmp/gx-test-output.XXXXXX)"
set +e
dotnet test GxProtocol.sln -c Release ${dotnet_args[@]+"${dotnet_args[@]}"} 2>&1 | tee "$log_file"
test_exit_code=${PIPESTATUS[0]}

# The house style (.editorconfig) is part of the suite: the build already fails on its naming and brace rules, and
# this catches the rest (whitespace, using order). `dotnet format GxProtocol.sln` fixes what it reports.
style_exit_code=0
if [[ "$fast" != true ]]; then
    echo "test.sh: checking the house style (dotnet format --verify-no-changes)"
    dotnet format GxProtocol.sln --verify-no-changes -v q
    style_exit_code=$?
    if [[ "$style_exit_code" -ne 0 ]]; then
        echo "test.sh: the code drifts from .editorconfig; run 'dotnet format GxProtocol.sln' and commit the result" >&2
    fi
fi
set -e

# One summary line per test assembly, e.g. "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12".
passed=0
failed=0
while IFS= read -r line; do
    if [[ "$line" =~ Failed:[[:space:]]*([0-9]+),[[:space:]]*Passed:[[:space:]]*([0-9]+) ]]; then
        failed=$(( failed + BASH_REMATCH[1] ))
        passed=$(( passed + BASH_REMATCH[2] ))
    fi
done < "$log_file"
rm -f "$log_file"

echo "$passed passed, $failed failed"
if [[ "$test_exit_code" -ne 0 ]]; then
    exit "$test_exit_code"
fi
exit "$style_exit_code"
