"""Rollout reports for the Land and ITVSH: which service is ordered and live where, per service
and per Kreis, and the public figures of the home page."""
