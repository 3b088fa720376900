"""ALTdesk core: the whole program without a screen (never imports Qt or ui/)."""

# The one place the version is written: pyproject.toml reads it from here, and start-up does
# not pay for importlib.metadata to learn it.
__version__ = "0.1.0"
