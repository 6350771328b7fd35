#!/usr/bin/env bash
# What the UI and SSO tests need beyond the .NET SDK: Debian's Chromium (Playwright drives /usr/bin/chromium and
# never downloads a browser) and the test OIDC provider's npm packages (node oidc-provider, a real SSO stand-in).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
npm ci --prefix "$root/tests/sso-provider" --no-audit --no-fund --loglevel=error
