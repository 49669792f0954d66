from django.dispatch import Signal

# Sent by shop.registry.services.registry_import_gemeindeverzeichnis after an import that wrote
# (not after a dry run): Verwaltungen and Gemeinden change in bulk, without post_save.
registry_imported = Signal()
