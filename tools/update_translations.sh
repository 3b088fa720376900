#!/usr/bin/env bash
# Refresh resources/translations/altdesk_ja.ts from the UI sources (keeps existing translations).
# Then translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist) and run `make translations`.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${sources[@]}" -ts resources/translations/altdesk_ja.ts -no-obsolete
