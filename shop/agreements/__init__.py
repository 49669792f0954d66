"""Agreements (Nutzungsbedingungen, Beitrittserklärung, AVV, service terms): their immutable
published versions and the acceptance records kept as evidence. The models live in
shop.models.agreements; this package holds what reads, writes, guards and shows them."""
