"""AWS Config compliance: managed rules with their remediation, and Config itself when asked.

names → policies → model (what should exist) → state (what exists, per region) → plan
(typed instructions) → execute (the executor's `_do_` calls); the compliance-change email is
a group-like entry of the catalog (alert.py) that goes through the normal rule path.
"""
