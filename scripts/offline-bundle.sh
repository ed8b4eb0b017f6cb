#!/usr/bin/env bash
# Gather drafter and every dependency as wheels into DIR/wheels/ so that an office PC without
# internet access can install it: Linux x86_64 and Windows amd64, for each supported CPython.
#
#   bash scripts/offline-bundle.sh DIR              # needs PyPI once, here
#   bash scripts/offline-bundle.sh --scripts-only DIR   # only the install scripts and the notes
#
# DIR then holds wheels/, samples/, install.sh (Linux/macOS), install.ps1 (PowerShell 5.1+),
# install.bat (cmd.exe) and 安装说明.txt.  Each installer makes a virtualenv beside itself with
# `pip install --no-index --find-links wheels drafter` and renders the bundled sample.
#
# Binary wheels come from `pip download --only-binary=:all:` once per platform and Python (pip
# picks one wheel per package per run, so Windows and Linux need separate runs); packages that
# PyPI has only as an sdist (jieba) are built here into pure wheels first, and the resolver finds
# them through --find-links.  Override the sets with PYTHONS="3.11 3.12 3.13" and
# PLATFORMS="linux windows"; PYTHON picks the interpreter that runs pip (default python3).
set -euo pipefail

scripts_only=0
if [ "${1:-}" = "--scripts-only" ]; then scripts_only=1; shift; fi
if [ "$#" -ne 1 ]; then
  echo "usage: bash scripts/offline-bundle.sh [--scripts-only] DIR" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
python="${PYTHON:-python3}"
pythons="${PYTHONS:-3.11 3.12 3.13}"
platforms="${PLATFORMS:-linux windows}"
# Pure wheels we build ourselves from sdists (PyPI has no wheel for them).
sdist_only="${SDIST_ONLY:-jieba}"

linux_tags=(--platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64)
windows_tags=(--platform win_amd64)

write_scripts() {
  mkdir -p "$out/samples"
  cp "$root/samples/edu-bureau-2024.yaml" "$out/samples/"
  # The scripts in scripts/bundle/ are kept as plain UTF-8 with LF; the Windows files get CRLF and
  # a BOM here (PowerShell 5.1 reads a .ps1 without BOM in the ANSI code page, Notepad and cmd.exe
  # want CRLF).  install.bat gets CRLF but no BOM: cmd.exe would run the BOM as part of a command.
  "$python" - "$root/scripts/bundle" "$out" "$pythons" <<'PY'
import sys
from pathlib import Path

src, out, pythons = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3].split()
versions = ", ".join(pythons)
low, high = pythons[0], pythons[-1]
for name, crlf, bom in (("install.sh", False, False), ("install.ps1", True, True),
                        ("install.bat", True, False), ("安装说明.txt", True, True),
                        ("check_python.py", False, False)):
    text = src.joinpath(name).read_text(encoding="utf-8")
    text = text.replace("@PYTHONS@", versions).replace("@PY_LOW@", low).replace("@PY_HIGH@", high)
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = ("\ufeff" if bom else "") + text
    target = out / name
    target.write_bytes(data.encode("utf-8"))
    if name == "install.sh":
        target.chmod(0o755)
PY
}

write_scripts
if [ "$scripts_only" -eq 1 ]; then
  echo "scripts written to $out"
  exit 0
fi

wheels="$out/wheels"
mkdir -p "$wheels"
pip=("$python" -m pip --disable-pip-version-check)
echo "== drafter's own wheel"
"${pip[@]}" wheel -q --no-deps -w "$wheels" "$root"
for name in $sdist_only; do
  echo "== pure wheel built from the sdist: $name"
  "${pip[@]}" wheel -q --no-deps --no-binary "$name" -w "$wheels" "$name"
done
drafter_wheel="$(ls -t "$wheels"/drafter-*.whl | head -n 1)"

for platform in $platforms; do
  case "$platform" in
    linux) tags=("${linux_tags[@]}") ;;
    windows) tags=("${windows_tags[@]}") ;;
    *) echo "unknown platform: $platform (linux or windows)" >&2; exit 2 ;;
  esac
  for version in $pythons; do
    echo "== $platform, CPython $version"
    abi="cp${version/./}"
    "${pip[@]}" download -q --only-binary=:all: "${tags[@]}" --python-version "$version" \
      --implementation cp --abi "$abi" --abi abi3 --abi none \
      --find-links "$wheels" -d "$wheels" "$drafter_wheel"
  done
done

echo "== $(ls "$wheels" | wc -l) wheels in $wheels"
ls "$wheels"
