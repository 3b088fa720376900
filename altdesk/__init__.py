"""ALTdesk core: the whole program without a screen (never imports Qt or ui/)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("altdesk")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
