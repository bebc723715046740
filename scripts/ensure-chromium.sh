#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; install it when it is missing.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "[test] installing Debian's chromium for the browser tests" >&2
  apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    { apt-get update -qq || true; apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
else
  echo "[test] /usr/bin/chromium is missing: run 'sudo apt-get install chromium'" >&2
  exit 1
fi
