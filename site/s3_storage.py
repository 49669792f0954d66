"""django-storages' S3 storage, but an object store that does not answer costs a request seconds,
not minutes, and fails as the file system fails: with an OSError.

- Short timeouts and one retry (CONNECT_SECONDS, READ_SECONDS, ATTEMPTS): a hung store costs a
  request about 15 s, within gunicorn's 30 s; boto3's own 60 s per attempt would outlast it.
- OSError instead of botocore's own errors: Wagtail turns an OSError on opening an original
  into SourceImageIOError and renders the page without that image (instead of a 500 when a new
  rendition is due while the store is down), and callers that store or serve files catch one
  kind of error on both backends. A request that fails on it gets the 503 page, as during a
  database outage.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from .object_storage import ObjectStoreError

CONNECT_SECONDS = 2
READ_SECONDS = 5
ATTEMPTS = 2


@contextmanager
def _store_errors_as_os_errors() -> Iterator[None]:
    try:
        yield
    except (BotoCoreError, ClientError) as error:
        raise ObjectStoreError(f"Objektspeicher: {error}") from error


class FailSoftS3Storage(S3Storage):
    def __init__(self, **settings: object) -> None:
        super().__init__(**settings)
        # django-storages built its client configuration (addressing style, signature) above.
        self.client_config = self.client_config.merge(
            Config(
                connect_timeout=CONNECT_SECONDS,
                read_timeout=READ_SECONDS,
                retries={"mode": "standard", "total_max_attempts": ATTEMPTS},
            )
        )

    def _open(self, name, mode="rb"):
        with _store_errors_as_os_errors():
            return super()._open(name, mode)

    def _save(self, name, content):
        with _store_errors_as_os_errors():
            return super()._save(name, content)

    def delete(self, name):
        with _store_errors_as_os_errors():
            return super().delete(name)

    def exists(self, name):
        with _store_errors_as_os_errors():
            return super().exists(name)

    def size(self, name):
        with _store_errors_as_os_errors():
            return super().size(name)
