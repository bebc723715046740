#!/usr/bin/env bash
# Builds the VM image only when it is missing or its recipe changed, then
# publishes the files the browser needs into static/vm/.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT=${NETLAB_IMAGE_OUT:-$HERE/out}
# Anything that changes the machine invalidates a saved state.
recipe_hash() {
  (cd "$ROOT" && find images -path images/out -prune -o -path images/cache -prune -o -type f -print | LC_ALL=C sort |
    xargs sha256sum; sha256sum src/vm/config.ts node_modules/v86/package.json) | sha256sum | cut -d' ' -f1
}
want=$(recipe_hash)
have=$(cat "$OUT/recipe.sha256" 2>/dev/null || true)
if [ "$want" != "$have" ] || [ ! -f "$OUT/state.bin.zst" ]; then
  echo "[image] building the lab VM image (recipe changed or image missing)" >&2
  bash "$HERE/build.sh"
  echo "$want" > "$OUT/recipe.sha256"
fi
mkdir -p "$ROOT/static/vm"
for f in state.bin.zst bios.bin vgabios.bin manifest.json; do
  cmp -s "$OUT/$f" "$ROOT/static/vm/$f" 2>/dev/null ||
    { cp "$OUT/$f" "$ROOT/static/vm/$f.tmp" && mv "$ROOT/static/vm/$f.tmp" "$ROOT/static/vm/$f"; }
done
cmp -s "$ROOT/node_modules/v86/build/v86.wasm" "$ROOT/static/vm/v86.wasm" 2>/dev/null ||
  cp "$ROOT/node_modules/v86/build/v86.wasm" "$ROOT/static/vm/v86.wasm"
