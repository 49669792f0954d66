"""The person's subscription to the news (/konto/neuigkeiten/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from shop.form_pages import form_page

from . import selectors, services
from .forms import NewsSubscriptionForm


@login_required
@require_http_methods(["GET", "POST"])
def subscription(request: HttpRequest) -> HttpResponse:
    form = NewsSubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscribed = services.news_subscription_set(user=request.user, subscribed=form.subscribed)
        messages.success(
            request,
            "Sie haben die Neuigkeiten abonniert. Wir schreiben Ihnen, sobald es einen neuen "
            "Dienst oder eine neue Fassung einer Vereinbarung gibt."
            if subscribed
            else "Sie haben die Neuigkeiten abbestellt und erhalten keine solchen E-Mails mehr.",
        )
        return redirect("shop_accounts:news")
    return form_page(
        request,
        template="shop/news/subscription.html",
        form=form,
        subscribed=selectors.news_subscription_exists(user=request.user),
    )
