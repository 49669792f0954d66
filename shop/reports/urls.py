from django.urls import path

from . import views

app_name = "shop_reports"

urlpatterns = [
    path("abdeckung/", views.coverage, name="coverage"),
    path("abdeckung.csv", views.coverage_csv, name="coverage_csv"),
]
