#!/usr/bin/env bash
# Entrypoint of the nginx container in compose/docker-compose.yml: renders the
# site configuration from the environment, checks it, then runs nginx.
set -euo pipefail

# The stock default site would also listen on 80; ours replaces it.
rm -f /etc/nginx/conf.d/default.conf
/opt/catalyst-nginx/render-config.sh /etc/nginx/conf.d/catalyst
# conf.d/*.conf is included by the stock nginx.conf; point it at the rendered site.
echo 'include /etc/nginx/conf.d/catalyst/catalyst.conf;' > /etc/nginx/conf.d/catalyst.conf
nginx -t
exec nginx -g 'daemon off;'
