"""The engine: catalog → plan → apply / inventory / remove → recent events. No Qt here."""
