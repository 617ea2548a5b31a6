"""The first-run setup wizard over the engine; one module per page."""

from gui.wizard.wizard import SetupWizard

__all__ = ["SetupWizard"]
