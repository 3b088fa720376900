"""`verify`: integrity check and schema revision of the database (or any backup file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from altdesk.services.safety import VerifyReport

NAME = "verify"
HELP = "check the database's integrity and schema revision (exit 0 ok, 2 damaged or unusable)"

STATE_EN = {
    "current": "current",
    "older": "older; it is upgraded (after a backup) when next opened",
    "newer": "written by a newer ALTdesk; this version will not open it",
    "none": "none (not an ALTdesk database)",
}
STATE_JA = {
    "current": "最新",
    "older": "旧版。次回開くとき（バックアップ後に）更新されます",
    "newer": "新しい ALTdesk で作成。このバージョンでは開けません",
    "none": "なし（ALTdesk のデータベースではありません）",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="an SQLite file to check instead of --db (e.g. a backup)")
    parser.add_argument("--quick", action="store_true", help="PRAGMA quick_check instead of the full integrity_check")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.safety import verify_file, verify_target  # loaded when the command runs

    full = not args.quick
    report = verify_file(Path(args.file).expanduser().resolve(), full=full) if args.file \
        else verify_target(ctx.target, full=full)
    _print(report, ctx)
    return 0 if report.ok else 2


def _print(report: VerifyReport, ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.say(f"Database: {report.where}", f"データベース：{report.where}")
    if report.damaged:
        ctx.say("Integrity: DAMAGED", "整合性：破損")
        for problem in report.problems[:10]:
            print(f"  {problem}")
        ctx.say("The file was not changed. Restore the newest good backup: altdesk restore --newest",
                "ファイルは変更していません。最新の正常なバックアップを復元してください：altdesk restore --newest")
    elif report.is_server:
        ctx.say("Connection: ok (page integrity on a server is checked with the server's pg_amcheck)",
                "接続：正常（サーバー上のページの整合性はサーバーの pg_amcheck で検査します）")
    else:
        ctx.say("Integrity: ok", "整合性：正常")
    ctx.say(f"Schema: {report.revision or '-'} ({STATE_EN[report.schema_state]}); this ALTdesk: {report.head}",
            f"スキーマ：{report.revision or '-'}（{STATE_JA[report.schema_state]}）；この ALTdesk：{report.head}")
    if report.counts:
        listed = ", ".join(f"{n} {t}" for t, n in report.counts.items())
        ctx.say(f"Rows: {listed}", f"件数：{listed}")
    if report.backups:
        newest = report.backups[0]
        ctx.say(f"Backups: {len(report.backups)}, newest {newest.taken:%Y-%m-%d %H:%M} ({newest.reason})",
                f"バックアップ：{len(report.backups)} 件、最新 {newest.taken:%Y-%m-%d %H:%M}（{newest.reason}）")
