"""`backup`: copy the database now, list the backups, or set the rotation policy."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "backup"
HELP = "back up the database now (SQLite backup API; pg_dump on PostgreSQL), list backups, set the policy"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="PATH",
                        help="file or folder to write (default: the backups folder beside the database)")
    parser.add_argument("--list", action="store_true", help="list the backups beside the database and exit")
    parser.add_argument("--policy", metavar="D,W,M",
                        help="keep automatic backups for D days, W weeks, M months (default 7,4,12); 0,0,0 stops them")


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size // 1024, 1)} KB"


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: `--help` of every command stays quick.
    from altdesk.db.backup import list_backups
    from altdesk.db.rotation import BackupPolicy
    from altdesk.services.safety import backup_policy, make_backup, set_backup_policy

    if args.list:
        path = ctx.target.sqlite_path
        backups = list_backups(path) if path is not None else []
        if not backups:
            ctx.say("No backups beside this database.", "このデータベースのバックアップはありません。")
        for backup in backups:
            print(f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.reason:<28} {_size(backup.path):>9}  {backup.path}")
        return 0
    ws = ctx.workspace()
    if args.policy is not None:
        policy = BackupPolicy.parse(args.policy)
        set_backup_policy(ws, policy)
        ctx.say(f"Automatic backups kept: {policy.describe()}.",
                f"自動バックアップの保存数：日次 {policy.daily}、週次 {policy.weekly}、月次 {policy.monthly}。")
        return 0
    made = make_backup(ws, Path(args.out) if args.out else None)
    if ws.db.target.sqlite_path is None:
        ctx.say(f"Backup written with pg_dump: {made} ({_size(made)}). Restore it with pg_restore.",
                f"pg_dump でバックアップを作成しました：{made}（{_size(made)}）。復元には pg_restore を使います。")
        return 0
    policy = backup_policy(ws)
    ctx.say(f"Backup written: {made} ({_size(made)}). Automatic backups kept: {policy.describe()}.",
            f"バックアップを作成しました：{made}（{_size(made)}）。自動バックアップの保存数：日次 {policy.daily}、"
            f"週次 {policy.weekly}、月次 {policy.monthly}。")
    return 0
