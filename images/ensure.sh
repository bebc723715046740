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
if [ "$want" != "$have" ] || [ ! -f "$OUT/state.bin.zst" ] || [ ! -f "$OUT/fs.json" ]; then
  echo "[image] building the lab VM image (recipe changed or image missing)" >&2
  bash "$HERE/build.sh"
  echo "$want" > "$OUT/recipe.sha256"
fi
mkdir -p "$ROOT/static/vm/fs"
# Root contents are named by hash: link the new ones, drop the ones no longer
# in the image. Hard links, so the tree costs no second copy on disk.
(cd "$OUT/fs" && find . -type f -name '*.zst' -printf '%f\n') | LC_ALL=C sort > "$OUT/fs.list"
(cd "$ROOT/static/vm/fs" && find . -type f -printf '%f\n') | LC_ALL=C sort > "$OUT/fs.published"
comm -13 "$OUT/fs.list" "$OUT/fs.published" | (cd "$ROOT/static/vm/fs" && xargs -r rm -f)
comm -23 "$OUT/fs.list" "$OUT/fs.published" | (cd "$OUT/fs" && xargs -r sh -c 'ln -f "$@" "$0" 2>/dev/null || cp -f "$@" "$0"' "$ROOT/static/vm/fs")
rm -f "$OUT/fs.list" "$OUT/fs.published"
# The manifest last: it is what tells a browser's offline cache that a new image is out.
for f in state.bin.zst bios.bin vgabios.bin offline.json manifest.json; do
  cmp -s "$OUT/$f" "$ROOT/static/vm/$f" 2>/dev/null ||
    { cp "$OUT/$f" "$ROOT/static/vm/$f.tmp" && mv "$ROOT/static/vm/$f.tmp" "$ROOT/static/vm/$f"; }
done
cmp -s "$ROOT/node_modules/v86/build/v86.wasm" "$ROOT/static/vm/v86.wasm" 2>/dev/null ||
  cp "$ROOT/node_modules/v86/build/v86.wasm" "$ROOT/static/vm/v86.wasm"
