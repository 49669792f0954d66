from django.urls import path

from shop.interest import views as interest_views
from shop.members import views as member_views
from shop.news import views as news_views

from . import views

app_name = "shop_accounts"

urlpatterns = [
    path("registrieren/", views.register, name="register"),
    path("registrieren/gesendet/", views.registered, name="registered"),
    path("bestaetigen/<str:uidb64>/<str:token>/", views.confirm, name="confirm"),
    path("bestaetigung-erneut-senden/", views.confirmation_resend, name="confirmation_resend"),
    path(
        "bestaetigung-erneut-senden/gesendet/",
        views.confirmation_resent,
        name="confirmation_resent",
    ),
    path("e-mail-adresse/", views.email_change, name="email_change"),
    path(
        "e-mail-adresse/bestaetigen/<str:token>/",
        views.email_change_confirm,
        name="email_change_confirm",
    ),
    path("mitgliedschaften/", views.memberships, name="memberships"),
    path("mitglieder/", member_views.members, name="members"),
    path("mitglieder/<int:pk>/", member_views.member, name="member"),
    path("neuigkeiten/", news_views.subscription, name="news"),
    path(
        "interesse/<int:dienst_id>/<int:verwaltung_id>/",
        interest_views.interest,
        name="interest",
    ),
]
