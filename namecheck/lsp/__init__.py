"""The language server (``namecheck lsp``): diagnostics and quick fixes in editors.

Needs the optional ``lsp`` extra (pygls); nothing here is imported by the CLI
unless the ``lsp`` command runs.
"""
