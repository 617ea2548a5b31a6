"""The Recent events tab: CloudTrail events matching the deployment, live."""
