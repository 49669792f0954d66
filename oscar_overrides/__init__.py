"""Oscar customisations, each as thin as possible.

- `loading.class_loader` (settings.OSCAR_DYNAMIC_CLASS_LOADER) swaps single Oscar classes without
  forking an app that has models; today only the partner strategy (`strategy.py`).
- Forked apps (created with `oscar_fork_app`) arrive with the checkout and dashboard features.
Extra order data lives in the shop app, one-to-one to Oscar's Order.
"""
