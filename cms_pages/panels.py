"""Wagtail's panels as German editors need them."""

from wagtail.admin.panels import MultipleChooserPanel


class GermanMultipleChooserPanel(MultipleChooserPanel):
    """Wagtail writes its add button as "Add {label|lower}", which in German makes
    "ozg-leistung hinzufügen": German nouns keep their capital."""

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        template_name = "cms_pages/panels/multiple_chooser_panel.html"
