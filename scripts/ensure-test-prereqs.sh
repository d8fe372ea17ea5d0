#!/usr/bin/env bash
# Installs what the test suite needs and a fresh Debian machine may lack: Chromium and CJK fonts for
# the browser tests, PostGIS for the local PostgreSQL. Does nothing when everything is present.
set -euo pipefail

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk' || missing+=(fonts-wqy-zenhei)
if command -v pg_config >/dev/null || ls /usr/lib/postgresql >/dev/null 2>&1; then
  pgver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -n "$pgver" ] && [ ! -f "/usr/share/postgresql/$pgver/extension/postgis.control" ]; then
    missing+=("postgresql-$pgver-postgis-3")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Start the local PostgreSQL cluster when it is installed but not running.
if command -v pg_ctlcluster >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  ver=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$ver" ] && sudo_if_needed pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
fi
