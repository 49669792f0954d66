"""Municipal accounts: registration with e-mail confirmation, membership requests."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import MembershipFields, RegistrationForm

SEARCH_PARAMETER = "verwaltung_suche"


def _search_text(request: HttpRequest) -> str:
    return request.GET.get(SEARCH_PARAMETER, "")[:100]


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("shop_accounts:memberships")
    search = _search_text(request)
    verwaltungen = list(selectors.verwaltung_search(text=search, limit=200))
    form = RegistrationForm(request.POST or None, verwaltungen=verwaltungen)
    if request.method == "POST" and form.is_valid():

        def confirm_url_for(user, token: str) -> str:
            path = reverse(
                "shop_accounts:confirm",
                kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": token},
            )
            return request.build_absolute_uri(path)

        try:
            services.registration_create(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                verwaltung=form.cleaned_data["verwaltung"],
                role=form.cleaned_data["role"],
                confirm_url_for=confirm_url_for,
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            return redirect("shop_accounts:registered")
    return render(
        request,
        "shop/accounts/register.html",
        {
            "form": form,
            "search": search,
            "search_parameter": SEARCH_PARAMETER,
            "found": verwaltungen,
        },
    )


def registered(request: HttpRequest) -> HttpResponse:
    return render(request, "shop/accounts/registered.html")


def confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user_model = get_user_model()
    try:
        user = user_model.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, user_model.DoesNotExist):
        user = None
    confirmed = user is not None and services.registration_confirm(user=user, token=token)
    return render(
        request,
        "shop/accounts/confirmed.html",
        {"confirmed": confirmed, "already_active": user is not None and user.is_active},
        status=200 if confirmed or (user is not None and user.is_active) else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def memberships(request: HttpRequest) -> HttpResponse:
    search = _search_text(request)
    verwaltungen = list(selectors.verwaltung_search(text=search, limit=200))
    form = MembershipFields(request.POST or None, verwaltungen=verwaltungen)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(
                user=request.user,
                verwaltung=form.cleaned_data["verwaltung"],
                role=form.cleaned_data["role"],
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Ihr Antrag ist eingegangen. Sie erhalten eine E-Mail, sobald der ITVSH "
                "entschieden hat.",
            )
            return redirect("shop_accounts:memberships")
    return render(
        request,
        "shop/accounts/memberships.html",
        {
            "form": form,
            "memberships": selectors.membership_list_for_user(user=request.user),
            "ordering_obstacle": selectors.membership_ordering_obstacle(user=request.user),
            "search": search,
            "search_parameter": SEARCH_PARAMETER,
            "found": verwaltungen,
        },
    )
