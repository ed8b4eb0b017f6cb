"""Shared pieces of the command modules: Chinese metavars and the error boundary."""
from __future__ import annotations

import functools
import importlib
import os
import sys
from typing import Any, Dict, List, Optional

import click

from ..errors import DrafterError
from . import zh

zh.install()

EXIT_INPUT_PROBLEM = 1
EXIT_INTERRUPTED = 130

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class DrafterGroup(click.Group):
    """A click group whose commands never let a traceback reach the user."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            click.echo(f"错误：{exc}", err=True)
            ctx.exit(EXIT_INPUT_PROBLEM)
        except KeyboardInterrupt:
            click.echo("\n已中断。", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`drafter analyze X | head`): stop quietly, as Unix tools do.
            # (While click itself prints, e.g. `--help | head`, click's own main catches EPIPE.)
            silence_stdout()
            ctx.exit(EXIT_INPUT_PROBLEM)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            click.echo(
                f"drafter 内部错误：{type(exc).__name__}: {exc}\n"
                "这不是您的操作问题。请把这条信息和所用文件发给维护人员；"
                "设置环境变量 DRAFTER_DEBUG=1 后重试可看到详细信息。",
                err=True,
            )
            ctx.exit(EXIT_INPUT_PROBLEM)


def silence_stdout() -> None:
    """Point stdout at the null device so Python's flush at exit cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class LazyGroup(DrafterGroup):
    """A `DrafterGroup` that imports a command's module only when the command is looked up.

    `lazy_commands` maps a command name to "module:attribute" relative to `lazy_package`;
    `--help` of the group imports them all (to show their short help), running one command
    imports only its own module.
    """

    def __init__(self, *args: Any, lazy_commands: Optional[Dict[str, str]] = None,
                 lazy_package: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})
        self.lazy_package = lazy_package

    def list_commands(self, ctx: click.Context) -> List[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module_name, attribute = self.lazy_commands[cmd_name].split(":")
            module = importlib.import_module(f"{self.lazy_package}.{module_name}")
            self.commands[cmd_name] = getattr(module, attribute)
        return super().get_command(ctx, cmd_name)


# click.command / click.group with Chinese metavars in the usage line.
command = functools.partial(click.command, options_metavar="[选项]", context_settings=CONTEXT_SETTINGS)
group = functools.partial(click.group, cls=DrafterGroup, options_metavar="[选项]",
                          subcommand_metavar="命令 [参数]...", context_settings=CONTEXT_SETTINGS)
