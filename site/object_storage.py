"""Media and private files on an S3-compatible object store (django-storages), so that several
application servers behind a load balancer share them; chosen by the S3_* environment variables
(docs/deployment.md). Without S3_BUCKET both stay on the file system, as for `make run`.

Read by settings.py before Django is set up: nothing here may touch django.conf.settings.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

# django-storages with short timeouts and OSErrors (ozg_site.s3_storage).
S3_BACKEND = "ozg_site.s3_storage.FailSoftS3Storage"
# Long enough for a browser to follow a redirect, short enough that a leaked link (browser
# history, a forwarded mail, a proxy log) is useless soon after.
PRIVATE_URL_SECONDS = 60


class ObjectStoreError(OSError):
    """The object store refused or did not answer (ozg_site.s3_storage); handler500 answers 503
    (ozg_site.views)."""


@dataclass(frozen=True)
class ObjectStorage:
    storages: dict[str, dict]  # the "default" and "private" entries of STORAGES
    media_origin: str  # where browsers load images from: the CSP's img-src allows it


def object_storage_from_env(*, env: environ.Env) -> ObjectStorage | None:
    """The S3 entries of STORAGES, or None when S3_BUCKET is not set."""
    bucket = env("S3_BUCKET", default="")
    if not bucket:
        return None
    connection = _without_empty(
        {
            "endpoint_url": env("S3_ENDPOINT_URL", default=""),
            "region_name": env("S3_REGION", default=""),
            # Without them boto3 looks further: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the
            # instance's or container's role.
            "access_key": env("S3_ACCESS_KEY_ID", default=""),
            "secret_key": env("S3_SECRET_ACCESS_KEY", default=""),
            # "path" for servers without a DNS name per bucket (MinIO, moto); boto3 decides else.
            "addressing_style": env("S3_ADDRESSING_STYLE", default=""),
            "signature_version": "s3v4",
        }
    )
    media_location = env("S3_MEDIA_LOCATION", default="media").strip("/")
    private_bucket = env("S3_PRIVATE_BUCKET", default="") or bucket
    private_location = env("S3_PRIVATE_LOCATION", default="private").strip("/")
    if private_bucket == bucket and _overlaps(media_location, private_location):
        raise ImproperlyConfigured(
            f"S3_PRIVATE_LOCATION „{private_location}“ liegt im selben Bucket „{bucket}“ in "
            f"S3_MEDIA_LOCATION „{media_location}“ oder umgekehrt: die privaten Dateien "
            "brauchen ein eigenes Präfix (oder S3_PRIVATE_BUCKET), sonst gilt die "
            "Leseberechtigung der Medien auch für sie."
        )
    media_domain = env("S3_MEDIA_DOMAIN", default="")
    media = _without_empty(
        {
            **connection,
            "bucket_name": bucket,
            "location": media_location,
            # Images and renditions are linked without a signature: a signed link would expire
            # inside the page cache and a CDN could not cache it. The bucket policy (or
            # S3_MEDIA_ACL) lets anyone read below media/images and media/original_images only;
            # documents go through Wagtail's permission-checked view (WAGTAILDOCS_SERVE_METHOD).
            "querystring_auth": False,
            "custom_domain": media_domain,
            "default_acl": env("S3_MEDIA_ACL", default=""),
            # Two uploads named "foto.jpg" must not replace each other's file.
            "file_overwrite": False,
        }
    )
    private = {
        **connection,
        "bucket_name": private_bucket,
        "location": private_location,
        "custom_domain": None,
        # Never readable without a signature, never through the CDN's domain (django-storages
        # would then build unsigned links). Served by streaming through a permission-checked
        # view; a signed link from url() is a fallback that expires within a minute.
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": PRIVATE_URL_SECONDS,
        "file_overwrite": False,
    }
    return ObjectStorage(
        storages={
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": media},
            "private": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        },
        media_origin=f"https://{media_domain}" if media_domain else _bucket_origin(options=media),
    )


def _without_empty(options: dict) -> dict:
    # An option that is passed wins over django-storages' own defaults (and its AWS_* lookups),
    # even when it is empty.
    return {name: value for name, value in options.items() if value != ""}


def _overlaps(first: str, second: str) -> bool:
    """Whether one prefix lies within the other ("" is the whole bucket)."""
    first, second = first + "/", second + "/"
    return first.startswith(second) or second.startswith(first) or "/" in (first, second)


def _bucket_origin(*, options: dict) -> str:
    """The scheme and host of the bucket's own links, as django-storages builds them (same
    client configuration; unsigned, so that no credentials and no request are needed)."""
    client = unsigned_s3_client(
        endpoint_url=options.get("endpoint_url"),
        region_name=options.get("region_name"),
        addressing_style=options.get("addressing_style"),
    )
    url = urlsplit(
        client.generate_presigned_url(
            "get_object", Params={"Bucket": options["bucket_name"], "Key": "x"}
        )
    )
    return f"{url.scheme}://{url.netloc}"


def unsigned_s3_client(
    *, endpoint_url: str | None, region_name: str | None, addressing_style: str | None
):
    """A client that signs nothing: it asks as an anonymous browser would (and builds links
    without credentials)."""
    # Here, not at the top: settings.py imports this module in every process, boto3 (0.2 s) is
    # needed only with S3_BUCKET.
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    return boto3.session.Session().client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=region_name,
        config=Config(
            signature_version=UNSIGNED, s3={"addressing_style": addressing_style or "auto"}
        ),
    )
