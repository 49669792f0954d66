"""The dashboard's „Schnittstellen“ (Oscar's look): API clients (create: the token shown once;
revoke), webhooks (create: the secret shown once; edit, deactivate) and their delivery log with
„Erneut senden“. Only for staff with shop.manage_integrations (not the whole Fulfilment group:
an API client reads every order of the Land). Delegates to shop.integrations.services and
.selectors."""

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from oscar.views.decorators import permissions_required

from shop.form_pages import form_page
from shop.models import ApiClient, WebhookDelivery, WebhookSubscription

from . import selectors, services, webhooks
from .forms import ApiClientForm, WebhookEditForm, WebhookForm, add_service_errors

DASHBOARD_LOGIN = reverse_lazy("dashboard:login")
PERMISSIONS = (["is_staff", "shop.manage_integrations"], ["is_superuser"])
manage = permissions_required(PERMISSIONS, login_url=DASHBOARD_LOGIN)
DELIVERIES_PER_PAGE = 50
STATUS_FILTERS = (("", "alle"), *WebhookDelivery.Status.choices)

Saved = TypeVar("Saved")


def _form_saved(
    request: HttpRequest, *, form: forms.Form, save: Callable[[dict[str, Any]], Saved]
) -> Saved | None:
    """What the service returned for a valid POST of the form (its cleaned data; the services
    here always return what they saved), or None: a GET, an invalid form or the service's refusal,
    whose reasons then stand on the form like its own errors, so that the page shows them in the
    same place."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None


class ShownOnce(NamedTuple):
    """A token or secret that its page shows this once: what the page calls it, what to do if it
    is lost, and the way back to its list (the list's name, the link's text, its URL name)."""

    what: str
    if_lost: str
    section: str
    back_label: str
    url_name: str


API_KEY = ShownOnce(
    what="API-Schlüssel",
    if_lost="legen Sie einen neuen Zugang an und widerrufen den alten.",
    section="API-Zugänge",
    back_label="Zu den API-Zugängen",
    url_name="shop_integrations:api-clients",
)
WEBHOOK_SECRET = ShownOnce(
    what="Geheimnis für die Signatur",
    if_lost="legen Sie einen neuen Webhook an und deaktivieren den alten.",
    section="Webhooks",
    back_label="Zu den Webhooks",
    url_name="shop_integrations:webhooks",
)


def _secret_page(
    request: HttpRequest, *, title: str, secret: str, shown: ShownOnce
) -> HttpResponse:
    """The token or secret, shown this once, with the way back to its list. The page must not
    stay in a browser's or proxy's cache."""
    response = render(
        request,
        "shop/integrations/secret_shown_once.html",
        {
            "title": title,
            "what": shown.what,
            "if_lost": shown.if_lost,
            "secret": secret,
            "back_url": reverse(shown.url_name),
            "back_label": shown.back_label,
            "section": shown.section,
        },
    )
    add_never_cache_headers(response)
    response["Cache-Control"] += ", no-store"
    return response


@manage
@require_http_methods(["GET", "POST"])
def api_clients(request: HttpRequest) -> HttpResponse:
    form = ApiClientForm(request.POST or None)
    new = _form_saved(
        request,
        form=form,
        save=lambda data: services.api_client_create(
            name=data["name"], scopes=data["scopes"], created_by=request.user
        ),
    )
    if new is not None:
        title = f"API-Zugang „{new.client.name}“ angelegt"
        return _secret_page(request, title=title, secret=new.token, shown=API_KEY)
    return form_page(
        request,
        template="shop/integrations/api_clients.html",
        form=form,
        clients=selectors.api_client_list(),
    )


@manage
@require_POST
def api_client_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        client = services.api_client_revoke(client_id=pk, revoked_by=request.user)
    except ApiClient.DoesNotExist as error:
        raise Http404("Kein API-Zugang mit dieser Nummer.") from error
    messages.success(
        request, f"Der API-Zugang „{client.name}“ ist widerrufen; sein Schlüssel gilt nicht mehr."
    )
    return redirect("shop_integrations:api-clients")


@manage
@require_GET
def webhook_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "shop/integrations/webhooks.html",
        {"subscriptions": selectors.webhook_subscription_list()},
    )


@manage
@require_http_methods(["GET", "POST"])
def webhook_create(request: HttpRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None)
    new = _form_saved(
        request,
        form=form,
        save=lambda data: services.webhook_subscription_create(
            name=data["name"], url=data["url"], events=data["events"], created_by=request.user
        ),
    )
    if new is not None:
        title = f"Webhook „{new.subscription.name}“ angelegt"
        return _secret_page(request, title=title, secret=new.secret, shown=WEBHOOK_SECRET)
    return form_page(
        request, template="shop/integrations/webhook_form.html", form=form, subscription=None
    )


@manage
@require_http_methods(["GET", "POST"])
def webhook_edit(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(WebhookSubscription, pk=pk)
    form = WebhookEditForm.for_subscription(subscription, request.POST or None)
    updated = _form_saved(
        request,
        form=form,
        save=lambda data: services.webhook_subscription_update(
            subscription_id=subscription.pk,
            name=data["name"],
            url=data["url"],
            events=data["events"],
            is_active=data["is_active"],
        ),
    )
    if updated is not None:
        messages.success(request, f"Der Webhook „{form.cleaned_data['name']}“ ist gespeichert.")
        return redirect("shop_integrations:webhooks")
    return form_page(
        request,
        template="shop/integrations/webhook_form.html",
        form=form,
        subscription=subscription,
    )


@manage
@require_GET
def deliveries(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    subscription = None
    if request.GET.get("webhook", "").isdigit():
        subscription = WebhookSubscription.objects.filter(pk=request.GET["webhook"]).first()
    page = Paginator(
        selectors.webhook_delivery_list(status=status, subscription=subscription),
        DELIVERIES_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "shop/integrations/deliveries.html",
        {
            "page_obj": page,
            "paginator": page.paginator,
            "deliveries": page.object_list,
            "status": status if status in selectors.DELIVERY_STATUSES else "",
            "status_filters": STATUS_FILTERS,
            "subscriptions": selectors.webhook_subscription_list(),
            "subscription": subscription,
        },
    )


@manage
@require_POST
def delivery_resend(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        webhooks.webhook_delivery_resend(delivery_id=pk)
    except WebhookDelivery.DoesNotExist as error:
        raise Http404("Keine Zustellung mit dieser Nummer.") from error
    except webhooks.DeliveryResendError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "Die Zustellung wird erneut gesendet; das Ergebnis steht gleich in dieser Liste.",
        )
    return redirect("shop_integrations:deliveries")
