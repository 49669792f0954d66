"""Oscar's customer pages without Oscar's own registration and order history.

A person registers at /konto/registrieren/, which confirms the e-mail address and asks for the
Verwaltung. Orders belong to the Verwaltung, not to the person who placed them: Oscar's order
pages (filtered by that person) would still show an order after they left the Verwaltung and
never to their colleagues, so they lead to Meine Dienste, which asks for the membership.
"""

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views import View
from django.views.generic import RedirectView
from oscar.apps.customer import views

from shop.orders.selectors import verwaltungen_visible_to
from shop.oscar_models import Order


class AccountAuthView(views.AccountAuthView):
    """The login half of Oscar's login-or-register page."""

    def get_context_data(self, *args, **kwargs):
        return super().get_context_data(*args, registration_form=None, **kwargs)

    def get_login_success_message(self, form) -> str:
        # Not Oscar's "Willkommen zurück": the first sign-in after registering is no return.
        return "Sie sind angemeldet."

    def post(self, request, *args, **kwargs):
        if "registration_submit" in request.POST:
            return redirect("shop_accounts:register")
        return super().post(request, *args, **kwargs)


class AccountRegistrationView(RedirectView):
    pattern_name = "shop_accounts:register"


class OrderHistoryView(RedirectView):
    pattern_name = "shop_orders:overview"


class OrderDetailView(View):
    """Oscar's order page: the order page of Meine Dienste, 404 for an order of a Verwaltung the
    person is not (or no longer) a member of."""

    def visible_orders(self, request: HttpRequest, order_number: str, **kwargs):
        return Order.objects.filter(
            number=order_number,
            ozg_details__verwaltung__in=verwaltungen_visible_to(user=request.user),
        )

    def dispatch(self, request: HttpRequest, order_number: str, **kwargs) -> HttpResponse:
        if not self.visible_orders(request, order_number, **kwargs).exists():
            raise Http404("Keine Bestellung Ihrer Verwaltungen mit dieser Nummer.")
        return redirect("shop_orders:order", number=order_number)


class OrderLineView(OrderDetailView):
    """A line of Oscar's order page (and its "order again"): the order page of Meine Dienste."""

    def visible_orders(self, request: HttpRequest, order_number: str, **kwargs):
        orders = super().visible_orders(request, order_number)
        return orders.filter(lines__pk=kwargs["line_id"])


class LogoutView(View):
    """Signs out on POST only: a link in a mail or a foreign page must not sign anyone out; GET
    shows the button."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect(settings.OSCAR_HOMEPAGE)
        return TemplateResponse(request, "shop/accounts/logout.html")

    def post(self, request: HttpRequest) -> HttpResponse:
        logout(request)
        response = redirect(settings.OSCAR_HOMEPAGE)
        for cookie in settings.OSCAR_COOKIES_DELETE_ON_LOGOUT:
            response.delete_cookie(cookie)
        return response
