"""Sign-in by e-mail address (Oscar's backend) and Django's permissions, with each person's
permissions kept in the cache under the generation PERMISSIONS (shop.generations): a staff page
checks them on every request, and two queries a request were a tenth of the dashboard's time.
A change to a group, a permission or who has which (shop.receivers) starts a new generation;
of the person, the superuser flag is part of the key and an inactive person reads no cache.
Until the commit, the request that makes the change reads the database."""

from django.contrib.auth import backends
from oscar.apps.customer import auth_backends as oscar_backends

from shop.generations import PERMISSIONS, generation_cached

# A bound for changes no receiver sees (SQL by hand).
PERMISSIONS_SECONDS = 300


class CachedPermissions:
    def _get_permissions(self, user_obj, obj, from_name):
        attribute = f"_{from_name}_perm_cache"
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super()._get_permissions(user_obj, obj, from_name)
        if not hasattr(user_obj, attribute):
            compute = super()._get_permissions
            setattr(
                user_obj,
                attribute,
                generation_cached(
                    name=PERMISSIONS,
                    # The superuser flag decides between all permissions and the granted ones.
                    key=f"permissions:{from_name}:{user_obj.pk}:{int(user_obj.is_superuser)}",
                    compute=lambda: compute(user_obj, obj, from_name),
                    seconds=PERMISSIONS_SECONDS,
                ),
            )
        return getattr(user_obj, attribute)


class EmailBackend(CachedPermissions, oscar_backends.EmailBackend):
    pass


class ModelBackend(CachedPermissions, backends.ModelBackend):
    pass
