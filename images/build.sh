#!/usr/bin/env bash
# Builds the lab VM from Debian bookworm i386 packages: kernel, a small
# initramfs, the root file system as a lazily fetched 9p tree (fs.json + fs/),
# BIOS, and then a booted, prepared snapshot. Idempotent; the
# download cache lives in images/cache, the output in images/out (git-ignored).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${NETLAB_IMAGE_OUT:-$HERE/out}
source "$HERE/apt.sh"
log() { printf '[image] %s\n' "$*" >&2; }

host_tools() {
  local missing=()
  command -v cpio >/dev/null || missing+=(cpio)
  command -v depmod >/dev/null || [ -x /usr/sbin/depmod ] || missing+=(kmod)
  command -v xz >/dev/null || missing+=(xz-utils)
  command -v zstd >/dev/null || missing+=(zstd)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing host tools: ${missing[*]}"
    apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null || true; apt-get install -y "${missing[@]}" >/dev/null; }
  fi
}

list_file() { grep -v '^\s*#' "$1" | grep -v '^\s*$'; }

# Suites whose index apt could not read (written to the manifest).
unread_suites() {
  grep -oE '^E: Failed to fetch [^ ]+' "$CACHE/apt-update.log" | sed -E 's#.*/dists/([^/]+)/.*#\1#' | sort -u > "$WORK/unread-suites.txt" || true
  local s
  for s in $(cat "$WORK/unread-suites.txt"); do
    log "WARNING: apt could not read suite $s (mirror mid-sync?); packages are taken from the other suites. See $CACHE/apt-update.log"
  done
}

# For each index apt refused (a size or hash that does not match the suite's
# signed Release file), fetch it once more without that check, only to name
# the installed packages the suite has a newer version of. Nothing is
# installed from it. Writes $WORK/behind-unread.txt: "name version newer suite".
name_packages_behind() {
  : > "$WORK/behind-unread.txt"
  [ -s "$WORK/unread-suites.txt" ] || return 0
  local url suite idx
  for url in $(grep -oE '^E: Failed to fetch [^ ]+' "$CACHE/apt-update.log" | awk '{print $5}' | grep '/binary-i386/Packages' | sort -u); do
    suite=$(sed -E 's#.*/dists/([^/]+)/.*#\1#' <<<"$url")
    idx=$WORK/unread-index
    rm -f "$idx"
    /usr/lib/apt/apt-helper download-file "$url" "$idx" >/dev/null 2>&1 || { log "WARNING: $url: cannot name the packages older than suite $suite"; continue; }
    case "$url" in *.xz) xz -dc "$idx" ;; *.gz) gzip -dc "$idx" ;; *) cat "$idx" ;; esac 2>/dev/null |
      awk '/^Package: / { p = $2 } /^Version: / { print p, $2 }' > "$idx.versions" || true
    local name version arch newer
    while read -r name version arch; do
      newer=$(awk -v n="$name" '$1 == n { print $2 }' "$idx.versions" | sort -V | tail -1)
      [ -n "$newer" ] && dpkg --compare-versions "$newer" gt "$version" &&
        printf '%s %s %s %s\n' "$name" "$version" "$newer" "$suite" >> "$WORK/behind-unread.txt"
    done < "$WORK/closure.txt"
  done
  if [ -s "$WORK/behind-unread.txt" ]; then
    log "WARNING: older than their security (or update) suite, which apt could not read; rebuild later with \`npm run image\`:"
    awk '{ printf "[image]   %s %s (%s has %s)\n", $1, $2, $4, $3 }' "$WORK/behind-unread.txt" >&2
  elif [ -s "$WORK/unread-suites.txt" ]; then
    log "no installed package has a newer version in the unread suites' current index"
  fi
}

resolve_packages() {
  write_sources
  # A mirror caught mid-sync (seen with the security suite) must not fail the
  # build as long as every package still resolves below.
  # One retry: a mirror mid-sync is usually consistent again within seconds.
  netlab_apt update >"$CACHE/apt-update.log" 2>&1 ||
    { sleep 20; netlab_apt update >"$CACHE/apt-update.log" 2>&1; } || true
  unread_suites
  local pkgs missing=()
  mapfile -t pkgs < <(list_file "$HERE/packages.txt")
  local kernel
  kernel=$(netlab_apt_cache depends linux-image-686 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
  [ -n "$kernel" ] || { echo "images/build.sh: package linux-image-686 did not resolve to a kernel" >&2; exit 1; }
  local resolved
  resolved=$(netlab_apt_cache policy "${pkgs[@]}" "$kernel" 2>/dev/null |
    awk '/^[^ ].*:$/ { name = substr($0, 1, length($0) - 1) } /Candidate: [^(]/ { print name }')
  for p in "${pkgs[@]}" "$kernel"; do
    grep -qx "$p" <<<"$resolved" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "images/build.sh: these packages do not resolve for bookworm i386: ${missing[*]}" >&2
    exit 1
  fi
  # "Inst name (version suite [arch])" lines give the exact closure and versions.
  netlab_apt -s install "${pkgs[@]}" "$kernel" 2>/dev/null |
    awk '/^Inst / { gsub(/[()\[\]]/, ""); print $2, $3, $NF }' > "$WORK/closure.txt"
  name_packages_behind
  netlab_apt -y -d install "${pkgs[@]}" "$kernel" >"$CACHE/apt-download.log" 2>&1 ||
    { tail -5 "$CACHE/apt-download.log" >&2; exit 1; }
  echo "$kernel" > "$WORK/kernel-package"
  # The initramfs's static busybox conflicts with the root's busybox, so it
  # is fetched on its own, outside the installed set.
  (cd "$APTDIR/archives" && netlab_apt download busybox-static >"$CACHE/apt-busybox.log" 2>&1) ||
    { echo "images/build.sh: could not download busybox-static" >&2; tail -3 "$CACHE/apt-busybox.log" >&2; exit 1; }
}

# No dpkg runs in the guest, so make the links that maintainer scripts would
# register with update-alternatives (awk -> mawk, nc -> nc.openbsd, and their
# --slave links). Continued lines are joined first; an entry built from shell
# variables cannot be read without running the script, and is skipped.
alternatives() { # deb root
  dpkg-deb --ctrl-tarfile "$1" | tar -xO ./postinst 2>/dev/null | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' |
    grep -oE -- '--(install|slave) +[^ ]+ +[^ ]+ +[^ ]+' | while read -r _ link _ path; do
      case "$link$path" in *'$'*|*'"'*|*"'"*) continue ;; esac
      [ -e "$2$link" ] || [ -L "$2$link" ] || ln -s "$path" "$2$link" 2>/dev/null || true
    done || true
}

deb_path() { # name version arch -> cached .deb
  local v=${2//:/%3a}
  echo "$APTDIR/archives/${1}_${v}_${3}.deb"
}

assemble_rootfs() {
  local root=$WORK/rootfs
  rm -rf "$root" && mkdir -p "$root/usr"/{bin,sbin,lib}
  ln -s usr/bin "$root/bin"; ln -s usr/sbin "$root/sbin"; ln -s usr/lib "$root/lib"
  local excluded kernel
  excluded=$(list_file "$HERE/exclude.txt" | tr '\n' ' ')
  kernel=$(cat "$WORK/kernel-package")
  : > "$WORK/manifest-packages.txt"
  while read -r name version arch; do
    local deb; deb=$(deb_path "$name" "$version" "$arch")
    [ -f "$deb" ] || { echo "images/build.sh: $deb missing from the download cache" >&2; exit 1; }
    printf '%s %s %s %s\n' "$name" "$version" "$arch" "$(sha256sum "$deb" | cut -d' ' -f1)" >> "$WORK/manifest-packages.txt"
    case " $excluded $kernel " in *" $name "*) continue ;; esac
    dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$root"
    alternatives "$deb" "$root"
  done < "$WORK/closure.txt"
  # Docs, manuals and translations are most of the bytes and none of the lab.
  rm -rf "$root"/usr/share/{doc,man,info,locale,lintian,bug,bash-completion,zsh,vim/vim*/doc,vim/vim*/lang,i18n,common-licenses}
  rm -rf "$root"/usr/lib/i386-linux-gnu/gconv "$root"/etc/init.d "$root"/etc/cron.* "$root"/lib/systemd
}

install_modules() {
  local root=$WORK/rootfs kernel deb kx ver
  kernel=$(cat "$WORK/kernel-package")
  deb=$(ls "$APTDIR/archives/${kernel}"_*_i386.deb | head -1)
  kx=$WORK/kernel && rm -rf "$kx" && mkdir -p "$kx"
  dpkg-deb -x "$deb" "$kx"
  ver=${kernel#linux-image-}
  cp "$kx/boot/vmlinuz-$ver" "$OUT/vmlinuz"
  local src=$kx/lib/modules/$ver dst=$root/usr/lib/modules/$ver
  mkdir -p "$dst"
  cp "$src"/modules.{order,builtin,builtin.modinfo} "$dst/" 2>/dev/null || true
  # Whole subsystems the course teaches, plus the virtio devices v86 emulates.
  (cd "$src" && list_file "$HERE/modules.txt" | while read -r p; do ls -d $p 2>/dev/null || true; done |
    xargs -r find | grep '\.ko$') > "$WORK/modules-wanted.txt"
  (cd "$src" && tar -c -T "$WORK/modules-wanted.txt") | tar -x -C "$dst"
  # Pull in every dependency of the chosen modules, then index and compress.
  /usr/sbin/depmod -b "$kx" "$ver"
  local added=1
  while [ "$added" -gt 0 ]; do
    added=0
    while read -r dep; do
      [ -f "$dst/$dep" ] && continue
      mkdir -p "$dst/$(dirname "$dep")" && cp "$src/$dep" "$dst/$dep" && added=$((added + 1))
    done < <(cd "$dst" && find kernel -name '*.ko' | while read -r m; do grep "^$m:" "$src/modules.dep" | cut -d: -f2 | tr ' ' '\n'; done | sort -u | grep .)
  done
  find "$dst" -name '*.ko' -print0 | xargs -0 -P"$(nproc)" -n 32 xz -q --check=crc32 -9
  /usr/sbin/depmod -b "$root" "$ver"
  echo "$ver" > "$WORK/kernel-version"
  # Stage one needs only what mounts the 9p root, uncompressed, in load order.
  local stage=$WORK/initramfs
  rm -rf "$stage" && mkdir -p "$stage/modules"
  /usr/sbin/modprobe -a -d "$kx" -S "$ver" --show-depends virtio_pci 9pnet_virtio 9p | awk '$1 == "insmod" {print $2}' |
    awk '!seen[$0]++' | while read -r ko; do
      cp "$ko" "$stage/modules/" && basename "$ko" >> "$stage/modules/order"
    done
  [ -s "$stage/modules/order" ] || { echo "images/build.sh: no 9p/virtio modules found for $ver" >&2; exit 1; }
}

overlay_and_pack() {
  local root=$WORK/rootfs
  cp -a "$HERE/rootfs/." "$root/"
  chmod 0755 "$root/init"; find "$root/usr/local" -type f -exec chmod 0755 {} +
  # Tutorials say "iptables"; bookworm's default is the nft backend.
  for t in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
    ln -sf "xtables-nft-multi" "$root/usr/sbin/$t"
  done
  ln -sf vim.tiny "$root/usr/bin/vi"; ln -sf vim.tiny "$root/usr/bin/vim"
  # dpkg-divert would make this link when dash is installed; system() needs it.
  [ -e "$root/usr/bin/sh" ] || ln -s dash "$root/usr/bin/sh"
  ln -sf /proc/self/mounts "$root/etc/mtab"
  mkdir -p "$root"/{proc,sys,dev,run,tmp,root,var/lib/misc,etc/netns,etc/nginx/sites-enabled}
  # Links Debian's postinsts would make: /var/run/netns is where CNI runtimes
  # and tutorials name network namespaces, and it must be the tmpfs ip uses.
  rm -rf "$root/var/run" "$root/var/lock"
  ln -s /run "$root/var/run"; ln -s /run/lock "$root/var/lock"
  chmod 1777 "$root/tmp"
  # Debian compiles Python's bytecode in postinst, which never runs here; without
  # it every "python3" compiles its imports again (25 s on the emulated CPU,
  # /usr is read-only). Bytecode of the same minor version is the same on any
  # host; unchecked-hash pycs are used without looking at the sources.
  local py; py=$(ls -d "$root"/usr/lib/python3.* 2>/dev/null | head -1)
  if [ -n "$py" ] && command -v python3 >/dev/null && [ "python$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')" = "$(basename "$py")" ]; then
    python3 -m compileall -q -j 0 --invalidation-mode unchecked-hash -s "$root" -p / "$py" "$root/usr/lib/python3/dist-packages" >/dev/null || log "compileall reported errors (some modules stay uncompiled)"
  else
    log "warning: no host $(basename "${py:-python3}") to compile the guest's Python bytecode; python3 will start slowly in the VM"
  fi
  # Where CNI runtimes and tutorials look for the plugins (Debian installs them in /usr/lib/cni).
  mkdir -p "$root/opt/cni" && ln -sfn /usr/lib/cni "$root/opt/cni/bin"
  # Applets a learner types as commands where Debian ships no real one.
  for a in httpd; do [ -e "$root/usr/sbin/$a" ] || ln -s ../bin/busybox "$root/usr/sbin/$a"; done
  # The loader's cache, made here: in the guest, ldconfig would open (and so
  # fetch over 9p) every library of the image. The host's ldconfig reads i386 ELF.
  ldconfig -X -r "$root"
  node "$HERE/rootfs-index.mjs" "$root" "$OUT"
  # Stage one: busybox-static, the 9p modules and an /init that mounts the root.
  local stage=$WORK/initramfs bb
  bb=$(ls "$APTDIR"/archives/busybox-static_*_i386.deb | head -1)
  mkdir -p "$stage/bin" "$WORK/busybox-static"
  dpkg-deb -x "$bb" "$WORK/busybox-static"
  cp "$WORK/busybox-static/bin/busybox" "$stage/bin/busybox"
  printf '%s %s %s %s\n' "$(dpkg-deb -f "$bb" Package)" "$(dpkg-deb -f "$bb" Version)" i386 "$(sha256sum "$bb" | cut -d' ' -f1)" >> "$WORK/manifest-packages.txt"
  install -m 0755 "$HERE/initramfs/init" "$stage/init"
  (cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --quiet) | gzip -9 > "$OUT/initrd.img"
  cp "$(find "$APTDIR/archives" -name 'seabios_*_all.deb' | head -1)" "$WORK/seabios.deb"
  rm -rf "$WORK/seabios" && dpkg-deb -x "$WORK/seabios.deb" "$WORK/seabios"
  cp "$WORK/seabios/usr/share/seabios/bios.bin" "$OUT/bios.bin"
  cp "$WORK/seabios/usr/share/seabios/vgabios-stdvga.bin" "$OUT/vgabios.bin"
}

# Save the state, write the manifest (a restore checks the state's machine
# against it), then trace the offline set in a VM restored from that state.
snapshot() {
  (cd "$HERE/.." && npx tsx images/snapshot.ts)
  node "$HERE/manifest.mjs" "$OUT" "$WORK"
  (cd "$HERE/.." && npx tsx images/offline-set.ts)
}

main() {
  host_tools
  mkdir -p "$OUT" "$CACHE"
  WORK=$OUT/work && mkdir -p "$WORK"
  local t0=$SECONDS
  # NETLAB_SNAPSHOT_ONLY=1: keep the built root, boot it and save the state again.
  if [ "${NETLAB_SNAPSHOT_ONLY:-}" = 1 ] && [ -f "$OUT/fs.json" ]; then
    snapshot
    return
  fi
  resolve_packages
  log "resolved $(wc -l < "$WORK/closure.txt") packages ($((SECONDS - t0)) s)"
  assemble_rootfs
  install_modules
  overlay_and_pack
  log "kernel, initramfs and 9p root ready ($((SECONDS - t0)) s): $(du -h "$OUT/initrd.img" | cut -f1) initrd, $(du -sh "$OUT/fs" | cut -f1) root contents"
  if [ "${NETLAB_SKIP_SNAPSHOT:-}" != 1 ]; then
    snapshot
  else
    node "$HERE/manifest.mjs" "$OUT" "$WORK"
  fi
  log "done in $((SECONDS - t0)) s"
}
main "$@"
