#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (pytest -m browser). Idempotent: does nothing
# when /usr/bin/chromium is already there. Playwright drives this system browser; it never
# downloads one of its own (`playwright install` is not used).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium is already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-liberation
echo "installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
