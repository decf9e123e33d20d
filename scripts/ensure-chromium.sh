#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser).
set -euo pipefail
# fonts-noto-cjk: without a CJK font every screenshot shows boxes instead of Chinese.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ] && fc-list :lang=zh 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "浏览器测试需要 Chromium：请以 root 运行 'apt-get install -y chromium'，或设置 CHROMIUM_PATH" >&2
  exit 1
fi
echo "installing Debian chromium and a CJK font for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
"$CHROMIUM" --version
