"""Wagtail's panels as German editors need them."""

from wagtail.admin.panels import MultipleChooserPanel, Panel

from shop.interest.selectors import dienst_interest_count


class GermanMultipleChooserPanel(MultipleChooserPanel):
    """Wagtail writes its add button as "Add {label|lower}", which in German makes
    "ozg-leistung hinzufügen": German nouns keep their capital."""

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        template_name = "cms_pages/panels/multiple_chooser_panel.html"


class InterestCountPanel(Panel):
    """On a service profile in the editor: how many Verwaltungen registered interest in the
    service, with a link to their list (shop.interest, /cms/interessen/<dienst>/)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms_pages/panels/interest_count_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page_id = getattr(self.instance, "pk", None)
            dienst_id, count = dienst_interest_count(page_id=page_id) if page_id else (None, 0)
            context.update(dienst_id=dienst_id, interest_count=count)
            return context
