"""The shape of the package: one error family, and imports that follow the data flow."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import drafter
from drafter.errors import DrafterError


def _modules():
    for info in pkgutil.walk_packages(drafter.__path__, "drafter."):
        if info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def test_every_error_class_of_drafter_is_a_drafter_error() -> None:
    # Exception, not BaseException: an internal signal such as the sandbox's TemplateTimeout is
    # a BaseException on purpose (no `except Exception` may swallow it) and never reaches a user.
    outside = sorted(
        f"{module.__name__}.{name}"
        for module in _modules()
        for name, obj in vars(module).items()
        if inspect.isclass(obj) and issubclass(obj, Exception) and obj.__module__ == module.__name__
        and not issubclass(obj, DrafterError)
    )
    assert outside == []


def test_loading_fact_sheets_imports_neither_drafts_nor_compose_nor_jieba() -> None:
    code = ("import sys, drafter.facts, drafter.facts.validate; "
            "print(sorted(m for m in sys.modules if m.startswith(('drafter.draft', 'drafter.compose', "
            "'drafter.writers', 'jieba'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
