# Sourced by scripts/test.sh: the browser tests drive Debian's Chromium (never a downloaded one).
ensure_chromium_installed() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "==> Installing chromium (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "error: chromium is missing; run this script as root once so it can apt-get install it" >&2
    exit 1
  fi
}
