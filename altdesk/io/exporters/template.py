"""Exporter for the import template: `export template --out FILE.xlsx [--filled]`."""

from __future__ import annotations

from altdesk.errors import InvalidInput, UserError
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.template import SENSITIVE_NOTE, write_template

HANDLES = {("template", None)}
DEFAULT_NAME = "ALTdesk-import-template.xlsx"


def export(ws, request: ExportRequest, progress: ProgressCallback) -> ExportResult:  # type: ignore[no-untyped-def]
    out = request.out
    if out.is_dir():
        out = out / DEFAULT_NAME
    if out.suffix.lower() != ".xlsx":
        raise InvalidInput(
            f"The template is an Excel workbook: give --out a name ending in .xlsx (not {out.name}).",
            f"テンプレートは Excel ブックです。--out には .xlsx で終わる名前を指定してください（{out.name} ではなく）。",
            field="out",
        )
    try:
        result = write_template(out, ws, filled=request.filled, progress=progress,
                                lang="ja" if request.options.get("lang") == "ja" else "en")
    except PermissionError:
        raise UserError(
            f"Cannot write {out}: it may be open in Excel, or the folder is read-only. Close it and try again.",
            f"{out} に書き込めません。Excel で開いているか、フォルダーが読み取り専用です。閉じてからもう一度試してください。",
        ) from None
    warnings = []
    if request.filled:
        warnings.append(f"{SENSITIVE_NOTE[0]}\n{SENSITIVE_NOTE[1]}")
        if result.boards_left_out:
            warnings.append(
                f"{result.boards_left_out} board(s) have no school, so the Schools sheet does not carry them.\n"
                f"学校のない教育委員会 {result.boards_left_out} 件は Schools シートに含まれていません。"
            )
        counts = ", ".join(f"{n} {kind}" for kind, n in result.rows.items())
        counts_ja = "、".join(f"{kind} {n} 件" for kind, n in result.rows.items())
        return ExportResult([out], f"Wrote the import template filled with the branch's data ({counts}) to {out}.",
                            f"支店のデータ入りの取り込みテンプレート（{counts_ja}）を {out} に書き出しました。", warnings)
    return ExportResult([out], f"Wrote the empty import template to {out}.",
                        f"空の取り込みテンプレートを {out} に書き出しました。", warnings)
