"""Forked Oscar apps (created with `oscar_fork_app`), each as thin as possible.

Nothing is forked yet: the checkout and dashboard forks arrive with the ordering and fulfilment
features. Extra order data lives in the shop app, one-to-one to Oscar's Order.
"""
