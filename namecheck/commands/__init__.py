"""CLI commands beyond ``check``, one module each; importing a module registers it."""
