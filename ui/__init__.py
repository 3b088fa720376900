"""The desktop face (PySide6). Imports altdesk; altdesk never imports ui."""
