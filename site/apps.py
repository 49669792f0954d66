from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class OzgSiteConfig(AppConfig):
    default = True
    name = "ozg_site"
    verbose_name = "OZG-Dienste-Shop"

    def ready(self) -> None:
        from .page_cache import page_cache_receivers_connect
        from .request_log import request_log_receivers_connect

        page_cache_receivers_connect()
        request_log_receivers_connect()


class SuperuserAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "ozg_site.admin.SuperuserAdminSite"

    def ready(self) -> None:
        super().ready()  # registers every app's admin classes
        from django.contrib import admin

        from .admin import search_fields_without_username, webshop_models_unregister

        webshop_models_unregister(admin.site)
        search_fields_without_username(admin.site)
