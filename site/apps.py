from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class OzgSiteConfig(AppConfig):
    default = True
    name = "ozg_site"
    verbose_name = "OZG-Dienste-Shop"


class SuperuserAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "ozg_site.admin.SuperuserAdminSite"
