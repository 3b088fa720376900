"""ALTdesk entry point: no command opens the desktop app; a command runs headless.

This is the only module that knows both faces (altdesk.cli and ui).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from altdesk import cli
    from altdesk.logs import configure_logging

    configure_logging()
    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.run(args)
    from ui.app import run_app  # Qt is imported only for the desktop face

    return run_app(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # PDF worker processes also start from the frozen bundle
    sys.exit(main())
