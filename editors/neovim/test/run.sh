#!/usr/bin/env bash
# Runs the Neovim plugin checks (test/check.lua) headless against a fake
# journeyc on PATH. Needs nvim (0.7 or newer) and node.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/bin" "$tmp/project/.git" "$tmp/project/phases"
cp "$here/test/fake_journeyc.js" "$tmp/bin/journeyc"
chmod +x "$tmp/bin/journeyc"
cat >"$tmp/project/phases/awareness.journey" <<'JOURNEY'
phase awareness "Awareness" {   # comment
  kind awareness
  says "a \n b \q"
  metric "m" current 1 target 2 by 2027-06-30
  monitored no
}
JOURNEY
printf 'persona anna "Anna" {\n  role "Founder"\n}\n' >"$tmp/project/personas.journey"

export FAKE_JOURNEYC_LOG="$tmp/server.log"
export JOURNEY_TEST_PROJECT="$tmp/project"
: >"$FAKE_JOURNEYC_LOG"

out="$tmp/nvim.out"
status=0
PATH="$tmp/bin:$PATH" HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_STATE_HOME="$tmp/state" \
  timeout 60 nvim --headless -u NONE -i NONE -n \
    --cmd "set runtimepath^=$here" \
    --cmd 'filetype plugin indent on' --cmd 'syntax on' \
    -c "lua local ok, err = pcall(dofile, '$here/test/check.lua'); if not ok then print('error: ' .. tostring(err)); vim.cmd('cquit 2') end" \
    >"$out" 2>&1 || status=$?
tr -d '\r' <"$out" | sed -e '/^$/d'
echo
if [ "$status" -ne 0 ]; then
  echo "neovim checks failed (exit $status); server log:"
  sed 's/^/  /' "$FAKE_JOURNEYC_LOG"
  exit 1
fi
