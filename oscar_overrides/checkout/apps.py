import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class

from .steps import form_steps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout with the municipal steps (steps.STEPS) in place of the shipping and
    payment steps, which a service never needs."""

    name = "oscar_overrides.checkout"

    def get_urls(self):
        # Oscar's pages that edit and delete an address of the address book: the shop has
        # none (oscar_overrides.customer).
        oscar_urls = [
            url
            for url in super().get_urls()
            if url.name not in ("user-address-update", "user-address-delete")
        ]
        urls = [
            path(
                step.path,
                get_class("checkout.views", step.view).as_view(step=step.name),
                name=step.name,
            )
            for step in form_steps()
        ]
        return oscar_urls + self.post_process_urls(urls)
