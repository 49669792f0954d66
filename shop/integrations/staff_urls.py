from django.urls import path

from . import staff_views

app_name = "shop_integrations"

urlpatterns = [
    path("", staff_views.api_clients, name="api-clients"),
    path(
        "api-zugaenge/<int:pk>/widerrufen/", staff_views.api_client_revoke, name="api-client-revoke"
    ),
    path("webhooks/", staff_views.webhook_list, name="webhooks"),
    path("webhooks/neu/", staff_views.webhook_create, name="webhook-create"),
    path("webhooks/<int:pk>/", staff_views.webhook_edit, name="webhook-edit"),
    path("zustellungen/", staff_views.deliveries, name="deliveries"),
    path(
        "zustellungen/<int:pk>/erneut-senden/",
        staff_views.delivery_resend,
        name="delivery-resend",
    ),
]
