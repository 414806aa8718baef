"""Integrations with web frameworks (each needs its extra, e.g. `wacht-oauth-client[django]`)."""
