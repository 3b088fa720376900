#!/usr/bin/env bash
# Installs the system packages ALTdesk and its tests need, on Debian/Ubuntu as root.
# Checks first (dpkg -s) and installs only what is missing, so a prepared machine never
# depends on the package mirror. Elsewhere it lists what is missing and carries on.
set -u
PACKAGES=(
  # Qt's libraries for the offscreen and xcb platforms
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  # a real window under Xvfb
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  # Japanese glyphs on screen and in PDFs; reading PDFs back in tests
  fonts-ipaexfont-gothic poppler-utils
  # PostgreSQL server for the multi-coordinator tests
  postgresql
)
if ! command -v dpkg >/dev/null 2>&1; then
  echo "sysdeps: not a Debian system; make sure Qt's libraries, a Japanese font (IPAexGothic)," \
       "poppler-utils and PostgreSQL are installed." >&2
  exit 0
fi
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "sysdeps: missing system packages (install them as root): ${missing[*]}" >&2
  exit 0
fi
echo "sysdeps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
