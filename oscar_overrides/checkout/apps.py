import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout with the municipal steps (Verwaltung, Gemeinden, contacts, start date,
    agreements) in place of the shipping and payment steps, which a service never needs."""

    name = "oscar_overrides.checkout"

    def ready(self):
        super().ready()
        self.step_views = {
            name: get_class("checkout.views", view)
            for name, view in (
                ("verwaltung", "VerwaltungView"),
                ("gemeinden", "GemeindenView"),
                ("contacts", "ContactsView"),
                ("schedule", "ScheduleView"),
                ("agreements", "AgreementsView"),
            )
        }

    def get_urls(self):
        # Oscar's pages that edit and delete an address of the address book: the shop has
        # none (oscar_overrides.customer).
        oscar_urls = [
            url
            for url in super().get_urls()
            if url.name not in ("user-address-update", "user-address-delete")
        ]
        urls = [
            path("verwaltung/", self.step_views["verwaltung"].as_view(), name="verwaltung"),
            path("gemeinden/", self.step_views["gemeinden"].as_view(), name="gemeinden"),
            path("ansprechpersonen/", self.step_views["contacts"].as_view(), name="contacts"),
            path("termin/", self.step_views["schedule"].as_view(), name="schedule"),
            path("vereinbarungen/", self.step_views["agreements"].as_view(), name="agreements"),
        ]
        return oscar_urls + self.post_process_urls(urls)
