#!/usr/bin/env bash
# Checks every region's edge once: each service's /<service>/health/ready through nginx (status and latency) and the
# certificate's expiry. Run it every minute (systemd/gx-edge-monitor.timer). Prints one line per check; exits
# 0 when all is well, 1 on warnings only (certificate expiring soon, slow answer), 2 on failures (a region or
# service down, an expired or unreadable certificate). On warnings or failures it POSTs a JSON summary to
# GX_EDGE_WEBHOOK_URL when set. Settings (environment):
#   GX_EDGE_REGIONS         "name=https://host[:port][@ip] …", e.g.
#                           "asia=https://api.example.org@203.0.113.10 europe=https://api.example.org@198.51.100.7"
#                           (@ip checks that region's server for the shared GeoDNS name)          (required)
#   GX_EDGE_SERVICES        default: identity admin tokenomics organization loanpool governance tax
#   GX_EDGE_CERT_WARN_DAYS  default 15
#   GX_EDGE_MAX_LATENCY_MS  default 2000 (slower answers are warnings)
#   GX_EDGE_TIMEOUT_SECONDS default 10
#   GX_EDGE_CA_FILE         trust this CA bundle instead of the system's (private or test certificates)
#   GX_EDGE_WEBHOOK_URL     where to POST {"status","checkedAt","problems":[…]} (Slack/Teams/Alertmanager-style relays)
set -uo pipefail

if [[ -z "${GX_EDGE_REGIONS:-}" ]]; then
    echo "gx-edge-monitor: GX_EDGE_REGIONS is required" >&2
    exit 2
fi
services="${GX_EDGE_SERVICES:-identity admin tokenomics organization loanpool governance tax}"
warn_days="${GX_EDGE_CERT_WARN_DAYS:-15}"
max_latency_ms="${GX_EDGE_MAX_LATENCY_MS:-2000}"
timeout="${GX_EDGE_TIMEOUT_SECONDS:-10}"
for key in GX_EDGE_CERT_WARN_DAYS GX_EDGE_MAX_LATENCY_MS GX_EDGE_TIMEOUT_SECONDS; do
    if [[ -n "${!key:-}" && ! "${!key}" =~ ^[0-9]+$ ]]; then
        echo "gx-edge-monitor: $key must be a whole number (was '${!key}')" >&2
        exit 2
    fi
done

warnings=()
failures=()
curl_errors="$(mktemp)"
trap 'rm -f "$curl_errors"' EXIT

# "https://host:port@ip" -> host, port, connect address
parse_region() {
    local url="$1" rest
    rest="${url#https://}"
    if [[ "$rest" == "$url" ]]; then
        return 1
    fi
    connect_ip=""
    if [[ "$rest" == *@* ]]; then
        connect_ip="${rest##*@}"
        rest="${rest%@*}"
    fi
    rest="${rest%%/*}"
    if [[ "$rest" == *:* ]]; then
        host="${rest%:*}"
        port="${rest##*:}"
    else
        host="$rest"
        port=443
    fi
    [[ -n "$connect_ip" ]] || connect_ip="$host"
}

check_certificate() {
    local region="$1" sni=() end_date end_epoch now_epoch days_left
    # SNI carries names, not addresses.
    if [[ ! "$host" =~ ^[0-9.]+$ && "$host" != *:* ]]; then
        sni=(-servername "$host")
    fi
    end_date=$(timeout "$timeout" openssl s_client -connect "$connect_ip:$port" "${sni[@]}" </dev/null 2>/dev/null \
        | openssl x509 -noout -enddate 2>/dev/null | sed 's/^notAfter=//')
    if [[ -z "$end_date" ]]; then
        echo "region=$region check=certificate result=fail detail=no-certificate-read"
        failures+=("$region: no TLS certificate could be read from $connect_ip:$port")
        return
    fi
    end_epoch=$(date -d "$end_date" +%s)
    now_epoch=$(date +%s)
    days_left=$(( (end_epoch - now_epoch) / 86400 ))
    if (( end_epoch <= now_epoch )); then
        echo "region=$region check=certificate result=fail expires=\"$end_date\" days_left=$days_left"
        failures+=("$region: certificate expired on $end_date")
    elif (( days_left < warn_days )); then
        echo "region=$region check=certificate result=warn expires=\"$end_date\" days_left=$days_left"
        warnings+=("$region: certificate expires in $days_left days ($end_date)")
    else
        echo "region=$region check=certificate result=ok expires=\"$end_date\" days_left=$days_left"
    fi
}

check_service() {
    local region="$1" service="$2" curl_args=() out code seconds latency_ms
    curl_args=(-sS -o /dev/null -w '%{http_code} %{time_total}' --max-time "$timeout")
    [[ -n "${GX_EDGE_CA_FILE:-}" ]] && curl_args+=(--cacert "$GX_EDGE_CA_FILE")
    [[ "$connect_ip" != "$host" ]] && curl_args+=(--resolve "$host:$port:$connect_ip")
    out=$(curl "${curl_args[@]}" "https://$host:$port/$service/health/ready" 2>"$curl_errors")
    code="${out%% *}"
    seconds="${out##* }"
    if [[ ! "$code" =~ ^[0-9]{3}$ || "$code" == 000 ]]; then
        echo "region=$region service=$service result=fail detail=\"$(tr '\n"' " '" <"$curl_errors")\""
        failures+=("$region: $service unreachable")
        return
    fi
    latency_ms=$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')
    if [[ "$code" != 200 ]]; then
        echo "region=$region service=$service result=fail status=$code latency_ms=$latency_ms"
        failures+=("$region: $service answered $code")
    elif (( latency_ms > max_latency_ms )); then
        echo "region=$region service=$service result=warn status=$code latency_ms=$latency_ms"
        warnings+=("$region: $service took ${latency_ms} ms")
    else
        echo "region=$region service=$service result=ok status=$code latency_ms=$latency_ms"
    fi
}

for entry in $GX_EDGE_REGIONS; do
    region="${entry%%=*}"
    url="${entry#*=}"
    if [[ "$region" == "$entry" ]] || ! parse_region "$url"; then
        echo "gx-edge-monitor: GX_EDGE_REGIONS entry '$entry' must look like name=https://host[:port][@ip]" >&2
        exit 2
    fi
    check_certificate "$region"
    for service in $services; do
        check_service "$region" "$service"
    done
done

status=ok
exit_code=0
if (( ${#failures[@]} > 0 )); then
    status=failing
    exit_code=2
elif (( ${#warnings[@]} > 0 )); then
    status=warning
    exit_code=1
fi
echo "summary status=$status failures=${#failures[@]} warnings=${#warnings[@]}"

if [[ "$status" != ok && -n "${GX_EDGE_WEBHOOK_URL:-}" ]]; then
    problems=""
    for problem in "${failures[@]}" "${warnings[@]}"; do
        problem="${problem//\\/\\\\}"
        problems+="${problems:+,}\"${problem//\"/\\\"}\""
    done
    body="{\"status\":\"$status\",\"checkedAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"problems\":[$problems]}"
    if ! curl -sS --max-time "$timeout" -X POST -H 'Content-Type: application/json' --data "$body" "$GX_EDGE_WEBHOOK_URL" -o /dev/null; then
        echo "gx-edge-monitor: the webhook $GX_EDGE_WEBHOOK_URL could not be reached" >&2
    fi
fi
exit "$exit_code"
