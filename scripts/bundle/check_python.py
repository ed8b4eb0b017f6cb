# -*- coding: utf-8 -*-
"""Exit 0 when this Python can use the bundled wheels (CPython @PYTHONS@, 64-bit), else say why.

Written without f-strings so that an old `python` on the PATH still gets a readable message.
"""
from __future__ import print_function

import platform
import struct
import sys

SUPPORTED = [tuple(int(p) for p in v.split(".")) for v in "@PYTHONS@".split(", ")]

version = sys.version_info[:2]
problems = []
if platform.python_implementation() != "CPython" or version not in SUPPORTED:
    problems.append(u"找到的是 %s %d.%d，而安装包中的程序只适用于 CPython @PYTHONS@"
                    % (platform.python_implementation(), version[0], version[1]))
if struct.calcsize("P") != 8:
    problems.append(u"找到的是 32 位 Python，安装包中的程序只适用于 64 位 Python")
if problems:
    for problem in problems:
        print(u"错误：" + problem + u"。")
    print(u"请安装 64 位的 Python @PY_HIGH@（或 @PYTHONS@ 中的任一版本）后重新运行安装脚本。")
    sys.exit(1)
print(u"使用 Python %d.%d（%s）" % (version[0], version[1], sys.executable))
