#!/usr/bin/env bash
# Checks a 数据开放包 (open-data package) with standard tools only: the manifest's signature against the published
# public key (openssl), every file's SHA-256 against the manifest (sha256sum), and that nothing in the zip is left out
# of the manifest. Exit 0 when all holds; 1 (and says what failed) otherwise.
#
#   scripts/verify-open-data.sh package.zip key.pem
#   scripts/verify-open-data.sh package.zip https://<server>/.well-known/governance-open-data-key.pem
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 package.zip (key.pem | key URL)" >&2; exit 2; }
zip=$(realpath "$1"); key=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
if [[ $key == http://* || $key == https://* ]]; then curl -sSf "$key" -o "$dir/key.pem"; key="$dir/key.pem"; fi
key=$(realpath "$key")
mkdir "$dir/files"
python3 -m zipfile -e "$zip" "$dir/files"
cd "$dir/files"
openssl dgst -sha256 -verify "$key" -signature manifest.sig manifest.sha256 >/dev/null \
  || { echo "the signature does not match the manifest (or this is not the signing key)" >&2; exit 1; }
sha256sum --quiet --strict -c manifest.sha256
extra=$(comm -23 <(find . -type f ! -name manifest.sha256 ! -name manifest.sig -printf '%P\n' | sort) \
                 <(sed -E 's/^[0-9a-f]{64}  //' manifest.sha256 | sort))
[ -z "$extra" ] || { echo "not in the manifest: $extra" >&2; exit 1; }
echo "signature OK, $(wc -l < manifest.sha256) files match the signed manifest"
