#!/usr/bin/env bash
# Makes a local ECDSA P-256 signing key for the open-data packages (OpenData:SigningKeyFile) unless the file exists.
# For ./run.sh and ./test.sh only: a deployment configures its own key (README, Open-data packages).
set -euo pipefail
file=$1
[ -s "$file" ] && exit 0
mkdir -p "$(dirname "$file")"
(umask 077; openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$file")
