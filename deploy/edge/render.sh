#!/usr/bin/env bash
# Renders gx-edge.conf.template for one region and prints it. Settings (environment):
#   GX_EDGE_SERVER_NAME   the public name, e.g. api.example.org                      (required)
#   GX_EDGE_NODES         the nodes' addresses, space separated, e.g. "10.0.0.1 10.0.0.2 10.0.0.3" (required);
#                         each service is reached on its NodePort (identity 30001 … tax 30007). An entry with a
#                         port ("10.0.0.9:3000") is a frontend serving all seven services on that port.
#   GX_EDGE_TLS_CERT, GX_EDGE_TLS_KEY   certificate chain and key files                  (required)
#   GX_EDGE_HTTPS_LISTEN  default 443;  GX_EDGE_HTTP_LISTEN default 80 (address:port works too)
#   GX_EDGE_LOG_DIR       default /var/log/nginx
#   GX_EDGE_MAX_FAILS / GX_EDGE_FAIL_TIMEOUT   passive health, default 3 / 10s
# Example: GX_EDGE_SERVER_NAME=api.example.org GX_EDGE_NODES="10.0.0.1 10.0.0.2 10.0.0.3" \
#          GX_EDGE_TLS_CERT=/etc/letsencrypt/live/api.example.org/fullchain.pem \
#          GX_EDGE_TLS_KEY=/etc/letsencrypt/live/api.example.org/privkey.pem ./render.sh > /etc/nginx/conf.d/gx-edge.conf
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

require() {
    if [[ -z "${!1:-}" ]]; then
        echo "render.sh: $1 is required" >&2
        exit 2
    fi
}
require GX_EDGE_SERVER_NAME
require GX_EDGE_NODES
require GX_EDGE_TLS_CERT
require GX_EDGE_TLS_KEY
https_listen="${GX_EDGE_HTTPS_LISTEN:-443}"
http_listen="${GX_EDGE_HTTP_LISTEN:-80}"
log_dir="${GX_EDGE_LOG_DIR:-/var/log/nginx}"
max_fails="${GX_EDGE_MAX_FAILS:-3}"
fail_timeout="${GX_EDGE_FAIL_TIMEOUT:-10s}"

# The original topology: each service's NodePort.
services=(identity admin tokenomics organization loanpool governance tax)
node_ports=(30001 30002 30003 30004 30005 30006 30007)

upstreams=""
for i in "${!services[@]}"; do
    upstreams+="upstream gx_${services[$i]} {"$'\n'"    least_conn;"$'\n'
    for node in $GX_EDGE_NODES; do
        if [[ ! "$node" =~ ^[A-Za-z0-9.:_-]+$ ]]; then
            echo "render.sh: GX_EDGE_NODES has an invalid entry '$node'" >&2
            exit 2
        fi
        if [[ "$node" == *:* ]]; then
            target="$node"
        else
            target="$node:${node_ports[$i]}"
        fi
        upstreams+="    server $target max_fails=$max_fails fail_timeout=$fail_timeout;"$'\n'
    done
    upstreams+="    keepalive 16;"$'\n'"}"$'\n'
done

while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" == "@UPSTREAMS@" ]]; then
        printf '%s' "$upstreams"
        continue
    fi
    line="${line//@SERVER_NAME@/$GX_EDGE_SERVER_NAME}"
    line="${line//@TLS_CERT@/$GX_EDGE_TLS_CERT}"
    line="${line//@TLS_KEY@/$GX_EDGE_TLS_KEY}"
    line="${line//@HTTPS_LISTEN@/$https_listen}"
    line="${line//@HTTP_LISTEN@/$http_listen}"
    line="${line//@LOG_DIR@/$log_dir}"
    printf '%s\n' "$line"
done < "$here/gx-edge.conf.template"
