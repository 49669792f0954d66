from django.urls import path

from . import staff_views

app_name = "shop_staff_orders"

urlpatterns = [
    path("<str:number>/rueckfragen/", staff_views.order_messages, name="messages"),
    path("<str:number>/bestellung.pdf", staff_views.order_document, name="document"),
]
