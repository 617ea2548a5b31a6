"""Qt views and workers over the engine. No boto3 here."""
