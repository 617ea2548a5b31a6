"""The dashboard: deployment status per region, and the recent events log."""
