"""Long jobs (generate a year, the April rollover, a placement plan) in a process of their own.

Building a year of visits is Python work that holds the interpreter lock; a worker *thread*
shares that lock with the desktop's UI thread, and every repaint of the board (hundreds of
Python calls) then waits its turn again and again: the window stalls for hundreds of
milliseconds. A child process has its own interpreter. It opens the same database (the
desktop keeps the one-instance lock; the child is part of the same program run), reports
progress through a queue and stops when asked, writing nothing (the job's own transaction is
rolled back, as on a worker thread).
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue as queue_module
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from altdesk.db.engine import DatabaseTarget
from altdesk.errors import Cancelled, DatabaseUnavailable, UserError
from altdesk.logs import private_traceback
from altdesk.processes import die_with_parent
from altdesk.services.workspace import Workspace

Progress = Callable[[int, int], bool]
Report = Callable[[Any], None]
POLL_S = 0.1


class ChildProgress:
    """What a job in the child reports through: `progress(done, total)` as in the parent, with an
    optional payload (the planner's best plan so far) for the parent's `on_report`; `cancelled()`
    asks without reporting (the planner's stop: it ends the search and returns the plan so far)."""

    def __init__(self, messages: Any, cancel: Any) -> None:
        self._messages, self._cancel = messages, cancel

    def __call__(self, done: int, total: int, payload: Any = None) -> bool:
        self._messages.put(("progress", done, total, payload))
        return not self._cancel.is_set()

    def cancelled(self) -> bool:
        return bool(self._cancel.is_set())


@dataclass(frozen=True)
class JobSpec:
    """What the child needs to redo the caller's work: where, for whom, and which job."""

    url: str
    branch_id: int
    actor: str
    job: str  # a key of JOBS
    args: tuple[Any, ...] = ()


def _generate(ws: Workspace, *args: Any, progress: Progress) -> Any:
    from altdesk.services.scheduling import generate_visits

    return generate_visits(ws, *args, progress=progress)


def _roll_over(ws: Workspace, *args: Any, progress: Progress) -> Any:
    from altdesk.services.scheduling import roll_over

    return roll_over(ws, *args, progress=progress)


def _planned(ws: Workspace, plan_it: Callable[..., Any], progress: ChildProgress) -> Any:
    """A plan with its places: the ALT homes and schools go first (the window draws the best plan
    so far on them), then each step with the best plan so far; a cancel stops the search, and the
    plan found so far is the answer (as Stop in the window asks)."""
    from altdesk.services.planning import plan_places

    progress(0, 0, ("places", plan_places(ws)))
    plan = plan_it(lambda step: progress(step.done, step.total, ("step", step)), progress.cancelled)
    return plan, plan_places(ws, plan)


def _plan_year(ws: Workspace, fiscal_year: int, time_limit: float, *, progress: ChildProgress) -> Any:
    from altdesk.planning import plan_fiscal_year

    return _planned(ws, lambda report, stop: plan_fiscal_year(ws, fiscal_year, time_limit, report, stop), progress)


def _plan_replacement(ws: Workspace, alt_code: str, first_day: Any, time_limit: float, *,
                      progress: ChildProgress) -> Any:
    from altdesk.planning import plan_replacement

    return _planned(ws, lambda report, stop: plan_replacement(ws, alt_code, first_day, time_limit, report, stop),
                    progress)


JOBS: dict[str, Callable[..., Any]] = {"generate": _generate, "rollover": _roll_over, "plan_year": _plan_year,
                                       "plan_replacement": _plan_replacement}


class JobFault(Exception):
    """A fault in a job's process. It carries no message of the original exception (which may
    hold personal data), only its type and its traceback, for the log."""

    def __init__(self, job: str, kind: str, remote_traceback: str = "") -> None:
        super().__init__(f"the {job} job failed with {kind}")
        self.job = job
        self.kind = kind
        self.remote_traceback = remote_traceback


def _user_error_message(exc: UserError) -> tuple[str, bytes | None, str, str]:
    """A user error as it crosses the process boundary: the error itself (its class and fields,
    e.g. StaleEdit, InvalidInput.field), and its two messages should it not unpickle."""
    try:
        payload: bytes | None = pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - a field that does not pickle: the messages still cross
        payload = None
    return ("user_error", payload, exc.message("en"), exc.message("ja"))


def _rebuilt_user_error(payload: bytes | None, message_en: str, message_ja: str) -> UserError:
    if payload is not None:
        try:
            error = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - fall back to the messages, which always cross
            error = None
        if isinstance(error, UserError):
            return error
    return UserError(message_en, message_ja)


def spec_for(ws: Workspace, job: str, *args: Any) -> JobSpec:
    if job not in JOBS:
        raise ValueError(f"unknown job {job!r}")
    return JobSpec(ws.db.target.url, ws.branch_id, ws.actor, job, args)


def _child(spec: JobSpec, job: Callable[..., Any], messages: Any, cancel: Any) -> None:
    """The child's whole life: open, run, report, close. `job` is JOBS[spec.job], handed over
    by reference (the parent's choice reaches the child even where tests replaced it)."""
    die_with_parent()  # a killed window or command must not leave its job writing on
    from altdesk.db.database import open_database

    progress = ChildProgress(messages, cancel)

    try:
        db = open_database(DatabaseTarget.parse(spec.url), migrate=False)
    except UserError as exc:
        messages.put(_user_error_message(exc))
        return
    try:
        db.set_actor(spec.actor, spec.branch_id)
        result = job(Workspace(db, spec.branch_id, spec.actor), *spec.args, progress=progress)
        messages.put(("done", result))
    except UserError as exc:  # the user's to fix: it crosses as itself
        messages.put(("cancelled",) if cancel.is_set() else _user_error_message(exc))
    except Exception as exc:  # a bug: its type and traceback (no message) cross for the log
        if cancel.is_set():  # stopped on the person's word: whatever it ended with is no fault
            messages.put(("cancelled",))
        else:
            messages.put(("fault", type(exc).__qualname__, private_traceback(exc)))
    finally:
        db.close()


def run_in_process(spec: JobSpec, progress: Progress | None = None, on_report: Report | None = None) -> Any:
    """Run the job in a child process and return its result; raises what the job raised.
    `on_report(payload)` gets what the job sends beside its progress (the planner's best plan).

    `progress(done, total)` is called here as the child reports; returning False asks the
    child to stop: its result then says it was cancelled, or it is `Cancelled()` where the job
    ended otherwise after the cancel. A user error arrives as its own class with its fields; a
    fault arrives as `JobFault`, with the child's traceback for the log.
    """
    path = DatabaseTarget.parse(spec.url).sqlite_path
    if path is not None and not path.is_file():  # the child must never create an empty database
        raise DatabaseUnavailable(f"The database {path} is not there.", f"データベース {path} がありません。")
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt's threads
    messages = context.Queue()
    cancel = context.Event()
    if progress is not None and not progress(0, 0):  # cancelled before it started
        cancel.set()
    child = context.Process(target=_child, args=(spec, JOBS[spec.job], messages, cancel),
                            name=f"altdesk-{spec.job}", daemon=True)
    child.start()
    last = (0, 0)
    try:
        while True:
            try:
                message = messages.get(timeout=POLL_S)
            except queue_module.Empty:
                if not child.is_alive():
                    if cancel.is_set():
                        return Cancelled()
                    raise JobFault(spec.job, f"process exit code {child.exitcode}") from None
                # Asked again between reports, so a cancel reaches the child within POLL_S, even
                # while it is still starting (before its first report): it then writes nothing.
                if progress is not None and not cancel.is_set() and not progress(*last):
                    cancel.set()
                continue
            kind = message[0]
            if kind == "progress":
                last = (message[1], message[2])
                if on_report is not None and message[3] is not None:
                    on_report(message[3])
                if progress is not None and not progress(*last):
                    cancel.set()
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                return Cancelled()
            elif kind == "user_error":
                raise _rebuilt_user_error(message[1], message[2], message[3])
            else:
                raise JobFault(spec.job, message[1], message[2])
    finally:
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
        messages.close()
