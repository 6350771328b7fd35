#!/usr/bin/env bash
# Debian's Chromium for the UI tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
