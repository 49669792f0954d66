"""Checks and fills the file storages "default" (media) and "private" (ozg_site.object_storage):
`manage.py check_storage` after each change of configuration, `manage.py copy_to_storage` once
when the files move from the file system into the object store."""

import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from storages.backends.s3 import S3Storage

from .object_storage import unsigned_s3_client

ALIASES = ("default", "private")
PROBE = b"OZG-Dienste-Shop: Probe von check_storage\n"
# Wagtail's originals and renditions: the only media that browsers load straight from the bucket.
PUBLIC_IMAGE_PREFIXES = ("original_images", "images")
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


@dataclass
class StorageCheck:
    alias: str
    where: str
    problems: list[str] = field(default_factory=list)


@dataclass
class CopyReport:
    copied: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)  # already there with the same size
    conflicts: list[str] = field(default_factory=list)  # there with another size: left alone


def storage_where(*, alias: str) -> str:
    storage = storages[alias]
    if isinstance(storage, S3Storage):
        endpoint = storage.endpoint_url or "AWS"
        return f"S3 s3://{storage.bucket_name}/{storage.location} ({endpoint})"
    if isinstance(storage, FileSystemStorage):
        return f"Dateisystem {storage.location}"
    return type(storage).__name__


def storage_buckets_create() -> list[str]:
    """Creates the missing buckets of the S3 storages (CI's local server, a new installation)
    and returns their names. A new media bucket gets the policy that lets anyone read the images
    (not the documents); an existing bucket is left as its owner configured it."""
    created = []
    for alias in ALIASES:
        storage = storages[alias]
        if not isinstance(storage, S3Storage) or storage.bucket_name in created:
            continue
        client = storage.connection.meta.client
        try:
            client.head_bucket(Bucket=storage.bucket_name)
            continue
        except ClientError as error:
            if error.response["Error"]["Code"] not in ("404", "NoSuchBucket"):
                raise
        location = {"LocationConstraint": storage.region_name} if storage.region_name else None
        client.create_bucket(
            Bucket=storage.bucket_name,
            **({"CreateBucketConfiguration": location} if location else {}),
        )
        created.append(storage.bucket_name)
        if alias == "default":
            client.put_bucket_policy(
                Bucket=storage.bucket_name, Policy=json.dumps(media_bucket_policy(storage=storage))
            )
    return created


def media_bucket_policy(*, storage: S3Storage) -> dict:
    """Anyone may read the images below the media prefix, nothing else (no listing either)."""
    prefix = f"{storage.location}/" if storage.location else ""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "BilderOeffentlichLesbar",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{storage.bucket_name}/{prefix}{folder}/*"
                    for folder in PUBLIC_IMAGE_PREFIXES
                ],
            }
        ],
    }


def storage_check(*, alias: str) -> StorageCheck:
    """Writes, reads and deletes a probe file; for the private storage also that nobody reads it
    without a signature (or, on the file system, that it lies outside MEDIA_ROOT); for media on
    S3 that the images are readable without one."""
    storage = storages[alias]
    check = StorageCheck(alias=alias, where=storage_where(alias=alias))
    folder = PUBLIC_IMAGE_PREFIXES[1] if alias == "default" else "storage-check"
    try:
        name = storage.save(f"{folder}/storage-check-{uuid.uuid4().hex}.txt", ContentFile(PROBE))
    except STORAGE_ERRORS as error:
        check.problems.append(f"Schreiben fehlgeschlagen: {error}")
        return check
    try:
        with storage.open(name, "rb") as probe:
            if probe.read() != PROBE:
                check.problems.append("Die gelesene Probe weicht von der geschriebenen ab.")
        if alias == "private":
            check.problems += _private_problems(storage=storage, name=name)
        elif isinstance(storage, S3Storage):
            check.problems += _public_image_problems(storage=storage, name=name)
    except STORAGE_ERRORS as error:
        check.problems.append(f"Lesen fehlgeschlagen: {error}")
    finally:
        try:
            storage.delete(name)
            if storage.exists(name):
                check.problems.append(f"Die Probe {name} ließ sich nicht löschen.")
        except STORAGE_ERRORS as error:
            check.problems.append(f"Löschen von {name} fehlgeschlagen: {error}")
    return check


def _private_problems(*, storage: Storage, name: str) -> list[str]:
    if isinstance(storage, S3Storage):
        anonymous = unsigned_s3_client(
            endpoint_url=storage.endpoint_url,
            region_name=storage.region_name,
            addressing_style=storage.addressing_style,
        )
        try:
            anonymous.get_object(Bucket=storage.bucket_name, Key=storage._normalize_name(name))
        except ClientError:
            return []
        return [f"{name} ist ohne Signatur lesbar: der Bucket oder das Präfix ist öffentlich."]
    if isinstance(storage, FileSystemStorage):
        media_root = Path(settings.MEDIA_ROOT).resolve()
        if Path(storage.path(name)).resolve().is_relative_to(media_root):
            return [
                f"{storage.location} liegt in MEDIA_ROOT {media_root}, den der Proxy öffentlich "
                "ausliefert."
            ]
    return []


def _public_image_problems(*, storage: S3Storage, name: str) -> list[str]:
    url = storage.url(name)
    try:
        # The storage's own https (or local endpoint) address, never a user's input.
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            if response.read() == PROBE:
                return []
    except (urllib.error.URLError, OSError) as error:
        return [
            f"Bilder sind ohne Signatur nicht lesbar ({url}: {error}): es fehlt die "
            "Bucket-Richtlinie für die Bilder (docs/deployment.md) oder S3_MEDIA_DOMAIN zeigt "
            "nicht auf den Bucket."
        ]
    return [f"{url} liefert nicht die Probe."]


def storage_copy_tree(*, source: Path, alias: str) -> CopyReport:
    """Copies every file below `source` to the same relative name in the storage; a file already
    there with the same size is skipped, so an interrupted copy can simply run again. A file there
    with another size is never overwritten: it is reported."""
    storage = storages[alias]
    report = CopyReport()
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        name = path.relative_to(source).as_posix()
        if storage.exists(name):
            if storage.size(name) == path.stat().st_size:
                report.present.append(name)
            else:
                report.conflicts.append(name)
            continue
        with path.open("rb") as content:
            saved = storage.save(name, File(content, name=path.name))
        if saved != name or storage.size(saved) != path.stat().st_size:
            report.conflicts.append(name)
            continue
        report.copied.append(name)
    return report
