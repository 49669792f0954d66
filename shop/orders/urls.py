from django.urls import path

from . import views

app_name = "shop_orders"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("bestellungen/", views.order_list, name="orders"),
    path("bestellungen/<str:number>/", views.order, name="order"),
    path("bestellungen/<str:number>/rueckfragen/", views.order_message, name="messages"),
    path("bestellungen/<str:number>/bestellung.pdf", views.order_document, name="document"),
    path("bestellungen/<str:number>/druckansicht/", views.order_print, name="print"),
    path(
        "<int:verwaltung_id>/dienste/<int:dienst_id>/",
        views.service,
        name="service",
    ),
]
