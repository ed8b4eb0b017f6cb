#!/usr/bin/env bash
# Install drafter from the wheels beside this script, without any network, into .venv beside it,
# then render the bundled sample fact sheet to 示例初稿.docx as a check.
#
#   bash install.sh                 # uses python3 (or the Python named by PYTHON=...)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" "$here/check_python.py" >/dev/null 2>&1; then
      python="$candidate"
      break
    fi
  done
fi
python="${python:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "错误：找不到 Python（$python）。请先安装 Python @PYTHONS@ 中的任一版本。" >&2
  exit 1
fi
"$python" "$here/check_python.py" || exit 1

venv="$here/.venv"
echo "正在创建虚拟环境：$venv"
"$python" -m venv "$venv" || { echo "错误：无法创建虚拟环境（Debian/Ubuntu 上请先安装 python3-venv）。" >&2; exit 1; }
echo "正在从 wheels 文件夹安装 drafter（不联网）……"
# --isolated: ignore the user's pip configuration and PIP_* variables (an index or a
# constraints file set for online use must not interfere); --no-index: never touch a network.
"$venv/bin/python" -m pip --isolated --disable-pip-version-check install -q --no-index \
  --find-links "$here/wheels" drafter || { echo "错误：安装失败，见上面的信息。" >&2; exit 1; }
echo "正在用示例事实表生成初稿，检查安装是否成功……"
"$venv/bin/drafter" render "$here/samples/edu-bureau-2024.yaml" -o "$here/示例初稿.docx" --force \
  || { echo "错误：drafter 已安装，但生成示例初稿失败，见上面的信息。" >&2; exit 1; }
echo
echo "安装完成。以后每次使用前，先在命令行中运行："
echo "  source \"$venv/bin/activate\""
echo "然后就可以运行 drafter，例如：drafter render 事实表.yaml -o 初稿.docx --force"
echo "（也可以不激活，直接运行 \"$venv/bin/drafter\"。）"
