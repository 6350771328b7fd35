#!/usr/bin/env bash
# What the UI, SSO and spreadsheet tests need beyond the .NET SDK: Debian's Chromium (Playwright drives /usr/bin/chromium
# and never downloads a browser), LibreOffice Calc and Writer, and the test OIDC provider's npm packages (node oidc-provider).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
# LibreOffice Calc and Writer open the .xlsx and .docx files the app writes (the tests convert them to CSV and text).
if [ ! -x /usr/bin/soffice ] || [ ! -e /usr/lib/libreoffice/program/libswlo.so ]; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null
fi
# python-docx (Debian's python3-docx, not PyPI) reads every .docx the app writes, as strictly as Word does; poppler-utils
# (pdftotext) reads its PDFs.
if ! /usr/bin/python3 -c "import docx" 2>/dev/null || [ ! -x /usr/bin/pdftotext ]; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-docx poppler-utils >/dev/null
fi
npm ci --prefix "$root/tests/sso-provider" --no-audit --no-fund --loglevel=error
