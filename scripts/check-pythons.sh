#!/usr/bin/env bash
# Run the README's test command (the line after <!-- ci:test-command -->) in a fresh copy of the
# tree under each given Python, so `requires-python` in pyproject.toml names only what passes.
#
#   bash scripts/check-pythons.sh ~/.pyenv/versions/3.11.7/bin/python ~/.pyenv/versions/3.13.0/bin/python
#
# Each interpreter stands in for `python3` in the command; extra pip arguments (for example a
# constraints file pinning the lowest allowed click) can be given in PIP_CONSTRAINT as usual.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cmd="$(awk '/ci:test-command/ {getline; while ($0 ~ /^```/ || $0 ~ /^[[:space:]]*$/) getline; print; exit}' "$root/README.md")"
[ -n "$cmd" ] || { echo "no test command after the ci:test-command marker in README.md" >&2; exit 1; }
[ "$#" -gt 0 ] || { echo "usage: $0 PYTHON..." >&2; exit 2; }
failed=0
for python in "$@"; do
  work="$(mktemp -d)"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' | tar --null -T - -cf -) | (cd "$work" && tar -xf -)
  bindir="$work/.pybin"; mkdir -p "$bindir"; ln -s "$python" "$bindir/python3"
  echo "== $("$python" --version 2>&1) ($python)"
  status=0
  (cd "$work" && PATH="$bindir:$PATH" bash -c "$cmd") >"$work/log" 2>&1 || status=$?
  tail -n 3 "$work/log"
  (cd "$work" && .venv/bin/python -c "import click; print('click', click.__version__)") 2>/dev/null || true
  echo "== exit $status"
  [ "$status" -eq 0 ] || failed=1
  rm -rf "$work"
done
exit "$failed"
