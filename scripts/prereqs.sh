#!/usr/bin/env bash
# Installs what a fresh machine lacks: PostgreSQL, Python 3, and (with --browser) Debian's Chromium and CJK fonts for
# the browser tests.
# The .NET SDK and Node.js/npm come with our machines; this only checks them.
set -euo pipefail
need_apt=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_apt+=(postgresql)
# the sample nightly puller (scripts/nightly-pull.py) and its check are Python 3, standard library only
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# the open-data packages: a local signing key, and scripts/verify-open-data.sh checks signatures and hashes with these
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ "${1:-}" = --browser ] && ! command -v chromium >/dev/null 2>&1; then need_apt+=(chromium); fi
# without CJK fonts Chromium draws Chinese as boxes, and the layout the browser tests check is not the users'
if [ "${1:-}" = --browser ] && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then need_apt+=(fonts-noto-cjk); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} (apt-get)…" >&2
  if [ "$(id -u)" != 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET SDK (10.0) is required: https://dot.net" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20+ with npm is required" >&2; exit 1; }
