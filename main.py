"""ALTdesk entry point: no command opens the desktop app; a command runs headless.

This is the only module that knows both faces (altdesk.cli and ui).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

BENCH_PROBE = "--bench-probe"  # not in --help: only the bench starts the program this way


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up builds ~130,000 objects that live as long as the program (modules, mappers,
    # Qt wrappers); the cycle collector walking them again and again while they are made
    # lengthens the window's start-up and frees nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from altdesk import cli
        from altdesk.logs import configure_logging

        configure_logging()
        arguments = list(sys.argv[1:] if argv is None else argv)
        if arguments[:1] == [BENCH_PROBE]:
            # The bench's desktop probe (altdesk.bench.probe starts it): the window as a start of
            # the program opens it, measured in a process of its own.
            cli.build_parser()
            from ui.bench_probe import main as probe

            return probe(arguments[1:])
        args = cli.build_parser().parse_args(arguments)
        if args.command is not None:
            gc.freeze()  # the start-up objects stay out of the command's collections
            if collecting:
                gc.enable()
            return cli.run(args)
        from ui.app import run_app  # Qt is imported only for the desktop face

        # The window hands collection to a UI-thread timer (ui.main_thread_gc) and freezes
        # the start-up objects once it is shown.
        return run_app(args)
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # PDF worker processes also start from the frozen bundle
    sys.exit(main())
