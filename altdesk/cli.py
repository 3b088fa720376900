"""The headless face: global options, command discovery, exit codes. Never imports ui/.

Each module in altdesk/commands/ is one command with NAME, HELP, add_arguments(parser)
and run(args, ctx) -> exit code. Exit 0 on success, 2 on rejected input (nothing
written), 1 on a fault; user errors print a message a person can act on, not a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from altdesk import __version__, commands
from altdesk.errors import UserError
from altdesk.logs import configure_logging

if TYPE_CHECKING:  # the database layers load when a command first needs them, not for --help
    from altdesk.db.database import Database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.services.workspace import Workspace

log = logging.getLogger("altdesk")


def command_modules() -> list[ModuleType]:
    found = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(found, key=lambda module: module.NAME)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="altdesk",
        description="ALTdesk: plan ALT school visits, rosters, lunch and timetables. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"ALTdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=os.environ.get("ALTDESK_DB"),
        help="SQLite file or database URL (default: $ALTDESK_DB, else altdesk.sqlite3 in the user data folder)",
    )
    parser.add_argument("--lang", choices=["en", "ja"], default=None, help="language of messages and the app")
    parser.add_argument("--branch", metavar="CODE", default=None, help="branch code (default: the first branch)")
    parser.add_argument(
        "--screenshot", metavar="FILE", default=None, help="render the main window to a PNG and exit"
    )
    parser.add_argument(
        "--section", metavar="NAME", default=None,
        help="open the desktop app on this section (calendar, alts, schools, placements, days_off, lunch, reports, "
             "overview, absences, conflicts, audit)",
    )
    parser.add_argument(
        "--time-startup", action="store_true",
        help="open the desktop app, print as JSON when its window was usable, and exit (used by bench)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        command_parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_module=module)
    return parser


@dataclass
class CliContext:
    """What a command needs: the parsed globals and a lazily opened workspace."""

    args: argparse.Namespace
    lang: str = "en"
    _db: Database | None = field(default=None, repr=False)
    _ws: Workspace | None = field(default=None, repr=False)

    @property
    def target(self) -> DatabaseTarget:
        from altdesk.db.engine import DatabaseTarget

        return DatabaseTarget.parse(self.args.db)

    def database(self) -> Database:
        if self._db is None:
            from altdesk.db.database import open_database

            self._db = open_database(self.target)
        return self._db

    def workspace(self) -> Workspace:
        if self._ws is None:
            from altdesk.services.workspace import open_workspace

            self._ws = open_workspace(self.database(), self.args.branch)
        return self._ws

    def say(self, en: str, ja: str | None = None) -> None:
        print(ja if (self.lang == "ja" and ja) else en)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def fault_message(command: str, log_path: Path | None, lang: str) -> str:
    """What a person reads when a command failed on a fault: what failed, that it is not their
    doing, and where the log with the details is (to send to whoever supports ALTdesk)."""
    if lang == "ja":
        where = (f"詳細はログファイルにあります: {log_path}" if log_path is not None
                 else "ログファイルを書き込めませんでした。")
        return (f"altdesk {command} は内部エラーのため失敗しました。失敗した処理による変更はありません。"
                f"{where} もう一度試しても失敗する場合は、このログファイルをサポート担当者に送ってください。")
    where = (f"The details are in the log file: {log_path}" if log_path is not None
             else "The log file could not be written.")
    return (f"altdesk {command} failed because of an internal error. Nothing was changed by the failed "
            f"step. {where} If it fails again, please send this log file to your ALTdesk support contact.")


def run(args: argparse.Namespace) -> int:
    ctx = CliContext(args, lang=args.lang or "en")
    try:
        return int(args._module.run(args, ctx) or 0)
    except UserError as exc:
        print(exc.message(ctx.lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 1
    except Exception:  # a fault: say so plainly, keep the detail in the log
        log_path = configure_logging()
        log.exception("command %s failed (ALTdesk %s)", args.command, __version__)
        print(fault_message(args.command, log_path, ctx.lang), file=sys.stderr)
        return 1
    finally:
        ctx.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print("No command given; see --help.", file=sys.stderr)
        return 2
    return run(args)
