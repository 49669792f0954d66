from django.urls import path

from shop.onboarding import views as onboarding_views

from . import change_views, views

app_name = "shop_orders"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.csv", views.overview_export, {"kind": "csv"}, name="export_csv"),
    path("export.xlsx", views.overview_export, {"kind": "xlsx"}, name="export_xlsx"),
    path("bestellungen/", views.order_list, name="orders"),
    path("bestellungen/<str:number>/", views.order, name="order"),
    path("bestellungen/<str:number>/rueckfragen/", views.order_message, name="messages"),
    path("bestellungen/<str:number>/bestellung.pdf", views.order_document, name="document"),
    path("bestellungen/<str:number>/druckansicht/", views.order_print, name="print"),
    path(
        "bestellungen/<str:number>/ansprechpersonen/",
        change_views.order_contacts,
        name="contacts",
    ),
    path(
        "bestellungen/<str:number>/dienste/<int:line_id>/stornierung/",
        change_views.order_withdrawal,
        name="withdrawal",
    ),
    path(
        "bestellungen/<str:number>/dienste/<int:line_id>/angaben/",
        onboarding_views.onboarding,
        name="onboarding",
    ),
    path(
        "bestellungen/<str:number>/dienste/<int:line_id>/angaben/dateien/<int:answer_id>/",
        onboarding_views.onboarding_file,
        name="onboarding_file",
    ),
    path(
        "<int:verwaltung_id>/dienste/<int:dienst_id>/",
        views.service,
        name="service",
    ),
]
