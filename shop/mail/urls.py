from django.urls import path

from . import views

app_name = "shop_mail"

urlpatterns = [
    path("", views.undelivered, name="undelivered"),
    path("<int:pk>/erneut-senden/", views.resend, name="resend"),
]
