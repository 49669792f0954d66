"""Production's static storage (ozg_site.static_storage) answers as WhiteNoise's does and works
each address out once."""

import json

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from ozg_site.static_storage import StaticFilesStorage

MANIFEST = {"version": "1.1", "hash": "0", "paths": {"css/site.css": "css/site.0123456789ab.css"}}


@pytest.fixture
def static_root(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps(MANIFEST))
    return tmp_path


@override_settings(DEBUG=False)
def test_the_address_is_whitenoises_and_found_once(static_root, monkeypatch):
    storage = StaticFilesStorage(location=static_root, base_url="/static/")
    whitenoise = CompressedManifestStaticFilesStorage(location=static_root, base_url="/static/")
    assert storage.url("css/site.css") == whitenoise.url("css/site.css")
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"

    looked_up = []
    monkeypatch.setattr(storage, "stored_name", lambda name: looked_up.append(name) or name)
    storage.url("css/site.css")
    assert looked_up == []


@override_settings(DEBUG=False)
def test_a_file_missing_from_the_manifest_is_refused_every_time(static_root):
    storage = StaticFilesStorage(location=static_root, base_url="/static/")
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
