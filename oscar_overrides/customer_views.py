"""Oscar's customer pages without Oscar's own registration: a person registers at
/konto/registrieren/, which confirms the e-mail address and asks for the Verwaltung."""

from django.shortcuts import redirect
from django.views.generic import RedirectView
from oscar.apps.customer import views


class AccountAuthView(views.AccountAuthView):
    """The login half of Oscar's login-or-register page."""

    def get_context_data(self, *args, **kwargs):
        return super().get_context_data(*args, registration_form=None, **kwargs)

    def post(self, request, *args, **kwargs):
        if "registration_submit" in request.POST:
            return redirect("shop_accounts:register")
        return super().post(request, *args, **kwargs)


class AccountRegistrationView(RedirectView):
    pattern_name = "shop_accounts:register"
