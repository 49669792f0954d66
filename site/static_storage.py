"""The static files in production: WhiteNoise's compressed manifest storage, with each file's
address worked out once per process.

`{% static %}` asks the storage for the address of its file on every request: the manifest
lookup, cleaning and joining cost about 30 function calls a file, and a dashboard page links
about 50 files. The manifest is read when the process starts and stays the same while it runs (a
new release is collected and the processes restart), so an address, once found, stays right."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only names of the manifest get here (a missing one raises, manifest_strict): bounded.
        self._urls: dict[tuple[str, bool], str] = {}

    def url(self, name, force=False):
        try:
            return self._urls[name, force]
        except KeyError:
            url = self._urls[name, force] = super().url(name, force)
            return url
