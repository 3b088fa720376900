"""`restore`: put a backup back in place of the database, keeping the file it replaces."""

from __future__ import annotations

import argparse
from pathlib import Path

from altdesk.errors import InvalidInput, NotFound

NAME = "restore"
HELP = "restore a backup (checked first); the replaced file is kept beside the backups"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", help="the backup file to restore")
    parser.add_argument("--newest", action="store_true", help="restore the newest good backup beside the database")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.safety import newest_good_backup, restore_backup  # loaded when the command runs

    target = ctx.target
    if bool(args.path) == bool(args.newest):
        raise InvalidInput("Give either a backup file or --newest.", "バックアップファイルか --newest のどちらかを指定してください。",
                           field="path")
    if args.newest:
        found = newest_good_backup(target.sqlite_path) if target.sqlite_path is not None else None
        if found is None:
            raise NotFound(f"No good backup found beside {target.describe()}.",
                           f"{target.describe()} のそばに正常なバックアップが見つかりません。")
        source = found.path
    else:
        source = Path(args.path)
    outcome = restore_backup(target, source)
    kept_en = f" The file it replaced is kept as {outcome.kept}." if outcome.kept else ""
    kept_ja = f"置き換えたファイルは {outcome.kept} に保管しました。" if outcome.kept else ""
    ctx.say(f"Restored {outcome.restored_from} into {target.describe()} (schema {outcome.revision}).{kept_en}",
            f"{outcome.restored_from} を {target.describe()} に復元しました（スキーマ {outcome.revision}）。{kept_ja}")
    return 0
