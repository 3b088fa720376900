"""Use-case functions the desktop app and the CLI call: one session per operation,
plain data (dataclasses) out, typed errors for what the user can act on."""
