from django.apps import AppConfig


class OscarOverridesConfig(AppConfig):
    name = "oscar_overrides"
    verbose_name = "Oscar-Anpassungen"

    def ready(self) -> None:
        from oscar.templatetags import currency_filters

        from .currency import currency

        currency_filters.register.filter("currency", currency)
