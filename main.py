"""ALTdesk entry point: no command opens the desktop app; a command runs headless.

This is the only module that knows both faces (altdesk.cli and ui).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up builds ~130,000 objects that live as long as the program (modules, mappers,
    # Qt wrappers); the cycle collector walking them again and again while they are made
    # costs ~100 ms of the window's start-up and frees nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from altdesk import cli
        from altdesk.logs import configure_logging

        configure_logging()
        args = cli.build_parser().parse_args(argv)
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
