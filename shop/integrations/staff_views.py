"""The dashboard's „Schnittstellen“ (Oscar's look): API clients (create: the token shown once;
revoke), webhooks (create: the secret shown once; edit, deactivate) and their delivery log with
„Erneut senden“. Only for staff with shop.manage_integrations (not the whole Fulfilment group:
an API client reads every order of the Land). Delegates to shop.integrations.services and
.selectors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from oscar.views.decorators import permissions_required

from shop.models import ApiClient, WebhookDelivery, WebhookSubscription

from . import selectors, services, webhooks
from .forms import ApiClientForm, WebhookEditForm, WebhookForm, add_service_errors

DASHBOARD_LOGIN = reverse_lazy("dashboard:login")
PERMISSIONS = (["is_staff", "shop.manage_integrations"], ["is_superuser"])
manage = permissions_required(PERMISSIONS, login_url=DASHBOARD_LOGIN)
DELIVERIES_PER_PAGE = 50
STATUS_FILTERS = (("", "alle"), *WebhookDelivery.Status.choices)


def _secret_page(
    request: HttpRequest,
    *,
    title: str,
    what: str,
    if_lost: str,
    secret: str,
    section: tuple[str, str, str],
) -> HttpResponse:
    """The token or secret, shown this once, with the way back to its list (its name, the
    link's text, its URL name). The page must not stay in a browser's or proxy's cache."""
    label, back_label, url_name = section
    response = render(
        request,
        "shop/integrations/secret_shown_once.html",
        {
            "title": title,
            "what": what,
            "if_lost": if_lost,
            "secret": secret,
            "back_url": reverse(url_name),
            "back_label": back_label,
            "section": label,
        },
    )
    add_never_cache_headers(response)
    response["Cache-Control"] += ", no-store"
    return response


@manage
@require_http_methods(["GET", "POST"])
def api_clients(request: HttpRequest) -> HttpResponse:
    form = ApiClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.api_client_create(
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                created_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _secret_page(
                request,
                title=f"API-Zugang „{new.client.name}“ angelegt",
                what="API-Schlüssel",
                if_lost="legen Sie einen neuen Zugang an und widerrufen den alten.",
                secret=new.token,
                section=("API-Zugänge", "Zu den API-Zugängen", "shop_integrations:api-clients"),
            )
    return render(
        request,
        "shop/integrations/api_clients.html",
        {"clients": selectors.api_client_list(), "form": form},
        status=400 if form.is_bound else 200,
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
    if request.method == "POST" and form.is_valid():
        try:
            new = services.webhook_subscription_create(
                name=form.cleaned_data["name"],
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
                created_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _secret_page(
                request,
                title=f"Webhook „{new.subscription.name}“ angelegt",
                what="Geheimnis für die Signatur",
                if_lost="legen Sie einen neuen Webhook an und deaktivieren den alten.",
                secret=new.secret,
                section=("Webhooks", "Zu den Webhooks", "shop_integrations:webhooks"),
            )
    return render(
        request,
        "shop/integrations/webhook_form.html",
        {"form": form, "subscription": None},
        status=400 if form.is_bound else 200,
    )


@manage
@require_http_methods(["GET", "POST"])
def webhook_edit(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(WebhookSubscription, pk=pk)
    form = WebhookEditForm.for_subscription(subscription, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.webhook_subscription_update(
                subscription_id=subscription.pk,
                name=form.cleaned_data["name"],
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
                is_active=form.cleaned_data["is_active"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Der Webhook „{form.cleaned_data['name']}“ ist gespeichert.")
            return redirect("shop_integrations:webhooks")
    return render(
        request,
        "shop/integrations/webhook_form.html",
        {"form": form, "subscription": subscription},
        status=400 if form.is_bound else 200,
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
