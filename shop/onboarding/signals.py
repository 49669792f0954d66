"""Sent exactly once per ordered service, inside the transaction of the save that made its
required onboarding data complete. Keyword arguments: `line` (the shop.OrderedService) and
`verwaltung` (its Verwaltung). Receivers that talk to the outside world use
transaction.on_commit, so a rolled-back save announces nothing."""

from django.dispatch import Signal

onboarding_completed = Signal()
