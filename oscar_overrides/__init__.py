"""Oscar customisations, each as thin as possible.

- `loading.class_loader` (settings.OSCAR_DYNAMIC_CLASS_LOADER) swaps single Oscar classes without
  forking an app that has models: the partner strategy (`strategy.py`), the basket page
  (`basket_views.py`) and the login page without Oscar's registration (`customer_views.py`).
- `checkout` is Oscar's checkout app forked (no models) for the municipal steps.
- `analytics.AnalyticsWithoutCountersConfig` installs Oscar's analytics app without its signal
  receivers (the shop keeps no counters).
Extra order data lives in the shop app, one-to-one to Oscar's Order.
"""
