"""The bench's outputs: a table a person reads, and a JSON file a script reads."""

from __future__ import annotations

import json
from pathlib import Path

from altdesk.bench.figures import BenchReport, Figure


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.0f}" if unit in ("ms", "MB") or value >= 100 else f"{value:.2f}"
    return f"{text} {unit}".strip()


def _verdict(figure: Figure) -> str:
    if figure.failed:
        return "FAILED"
    if not figure.available:
        return "n/a"
    return {True: "ok", False: "OVER", None: "—"}[figure.ok]


def table(report: BenchReport) -> str:
    machine = report.machine
    lines = [
        f"ALTdesk bench — {report.size} branch, {report.database}",
        f"Machine: {machine.get('cpus')} CPUs ({machine.get('cpu_model')}), "
        f"{machine.get('memory_mb')} MB RAM, Python {machine.get('python')}, "
        f"{machine.get('database') or 'SQLite ' + str(machine.get('sqlite'))}; "
        f"load average {machine.get('load_average_start')} → {machine.get('load_average_end')}",
    ]
    if report.setup and not report.setup.get("reused"):
        setup = report.setup
        lines.append(f"Demo branch: {setup.get('alts')} ALTs, {setup.get('schools')} schools, "
                     f"{setup.get('visits')} visits, built in {setup.get('build_s')} s")
    rows = [("figure", "value", "(cpu)", "budget", "", "bare library", "ratio")]
    for f in report.figures:
        ratio = f.ratio
        rows.append((f.title, _number(f.value, f.unit), _number(f.cpu, f.unit) if f.cpu is not None else "",
                     _number(f.budget, f.unit) if f.budget else "—", _verdict(f), _number(f.baseline, f.unit),
                     f"{ratio:.2f}x" if ratio is not None else "—"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines.append("")
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                               for i, cell in enumerate(row)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"- {f.title}: {f.note}" for f in report.figures if f.note]
    baselines = sorted({f"- {f.title}: {f.baseline_title}" for f in report.figures if f.baseline is not None})
    if baselines:
        lines += ["", "Bare library (the same work in the same run):", *baselines]
    lines += ["", "Times are the best of the runs (each run's values are in the JSON); (cpu) is the CPU time "
              "of that run, steadier than the clock on a busy machine."]
    if notes:
        lines += ["", "Notes:", *notes]
    verdict = "every figure within budget" if report.all_ok() else "NOT every figure is within budget"
    lines += ["", f"Result: {verdict}."]
    return "\n".join(lines)


def write_json(report: BenchReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
