from django.urls import path

from shop.news import views as news_views

from . import views

app_name = "shop_accounts"

urlpatterns = [
    path("registrieren/", views.register, name="register"),
    path("registrieren/gesendet/", views.registered, name="registered"),
    path("bestaetigen/<str:uidb64>/<str:token>/", views.confirm, name="confirm"),
    path("mitgliedschaften/", views.memberships, name="memberships"),
    path("neuigkeiten/", news_views.subscription, name="news"),
]
