from django.apps import AppConfig


class OzgSiteConfig(AppConfig):
    name = "ozg_site"
    verbose_name = "OZG-Dienste-Shop"
