#!/usr/bin/env bash
# Private i386 apt for the image recipe. The host's own apt configuration and
# state are never touched: sources are derived from the host's entries, with
# the architecture forced to i386, into a state directory under images/cache.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${NETLAB_IMAGE_CACHE:-$HERE/cache}
APTDIR=$CACHE/apt
mkdir -p "$APTDIR"/{lists/partial,archives/partial,etc/sources.list.d,etc/preferences.d,etc/apt.conf.d}
: > "$APTDIR/status"

# Turn the host's deb822 and one-line sources into i386 deb822 sources for
# bookworm's main component. Only "deb" (binary) entries matter.
write_sources() {
  local out=$APTDIR/etc/sources.list.d/netlab.sources
  : > "$out"
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v out="$out" '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && uris != "" && suites != "") {
          print "Types: deb" >> out
          print "URIs: " uris >> out
          print "Suites: " suites >> out
          print "Components: main" >> out
          print "Architectures: i386" >> out
          if (signed != "") print "Signed-By: " signed >> out
          print "" >> out
        }
        types = uris = suites = signed = ""
      }
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      /^Types:/ { sub(/^Types:[[:space:]]*/, ""); types = $0 }
      /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris = $0 }
      /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
      /^Signed-By:/ { sub(/^Signed-By:[[:space:]]*/, ""); signed = $0 }
      END { flush() }
    ' "$f"
  done
  if [ -f /etc/apt/sources.list ]; then
    awk '$1 == "deb" && $0 !~ /^#/ {
      i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
      printf "Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nArchitectures: i386\n\n", $i, $(i+1)
    }' /etc/apt/sources.list >> "$out"
  fi
  if ! grep -q '^URIs:' "$out"; then
    echo "images/apt.sh: no Debian apt source found in /etc/apt; add one for bookworm" >&2
    exit 1
  fi
}

APT_OPTS=(
  -o "APT::Architecture=i386" -o "APT::Architectures::=i386"
  -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APTDIR/etc/sources.list.d"
  -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$APTDIR/etc/preferences.d"
  -o "Dir::Etc::Parts=$APTDIR/etc/apt.conf.d"
  -o "Dir::State=$APTDIR" -o "Dir::State::Lists=$APTDIR/lists" -o "Dir::State::status=$APTDIR/status"
  -o "Dir::Cache=$APTDIR" -o "Dir::Cache::Archives=$APTDIR/archives"
  -o "Debug::NoLocking=1" -o "APT::Install-Recommends=0" -o "APT::Sandbox::User=root"
  -o "Acquire::Retries=3"
)

netlab_apt() { apt-get "${APT_OPTS[@]}" "$@"; }
netlab_apt_cache() { apt-cache "${APT_OPTS[@]}" "$@"; }
