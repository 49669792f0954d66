"""The checklist definition as plain values, and the checks on an uploaded file. Nothing here
queries the database."""

from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from shop.models import OnboardingFieldType

YES, NO = "Ja", "Nein"
MAX_FILE_SIZE_MB = 50
LABEL_MAX_LENGTH = 255
TEXT_MAX_LENGTH = 2000


def _text(data: bytes) -> bool:
    # Plain text in any of the encodings municipal offices export (UTF-8, Windows-1252) has no
    # NUL byte; a binary file almost always has one in its first kilobytes.
    return b"\x00" not in data


def _zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


# Per extension the content type it is served with and a cheap look at its first bytes: a
# renamed executable or a picture called .pdf is refused. Office formats are ZIP containers.
FILE_TYPES = {
    "pdf": ("application/pdf", lambda data: data.startswith(b"%PDF-")),
    "png": ("image/png", lambda data: data.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", lambda data: data.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda data: data.startswith(b"\xff\xd8\xff")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _zip,
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _zip),
    "odt": ("application/vnd.oasis.opendocument.text", _zip),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", _zip),
    "zip": ("application/zip", _zip),
    "csv": ("text/csv", _text),
    "txt": ("text/plain", _text),
    "xml": ("application/xml", lambda data: _text(data) and b"<" in data[:512]),
}
SNIFF_BYTES = 8192


def _extensions(values: Iterable[str] | str) -> list[str]:
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    return list(dict.fromkeys(v.strip().lower().lstrip(".") for v in values if v.strip()))


def onboarding_definition_clean(
    *, fields: Iterable[Mapping], steps: Iterable[Mapping] = ()
) -> tuple[list[dict], list[dict]]:
    """The definition in its stored form: every field with every key, types and extensions
    known, labels and keys present and unique. ValidationError (German) naming each problem."""
    problems: list[str] = []
    cleaned: list[dict] = []
    keys: set[str] = set()
    for number, field in enumerate(fields, start=1):
        label = str(field.get("label", "")).strip()[:LABEL_MAX_LENGTH]
        key = str(field.get("key", "")).strip()[:64]
        kind = field.get("type", "")
        name = f"Angabe {number} („{label}“)" if label else f"Angabe {number}"
        if not label:
            problems.append(f"{name}: Bitte geben Sie eine Bezeichnung an.")
        if not key or key in keys:
            problems.append(f"{name}: Der Schlüssel fehlt oder kommt doppelt vor.")
        keys.add(key)
        if kind not in OnboardingFieldType.values:
            problems.append(f"{name}: „{kind}“ ist keine Art von Angabe.")
        choices = [str(c).strip() for c in field.get("choices") or () if str(c).strip()]
        if kind == OnboardingFieldType.CHOICE and not choices:
            problems.append(f"{name}: Eine Auswahl braucht mindestens eine Möglichkeit.")
        extensions = _extensions(field.get("extensions") or ())
        max_size_mb = int(field.get("max_size_mb") or 10)
        if kind == OnboardingFieldType.FILE:
            unknown = [ext for ext in extensions if ext not in FILE_TYPES]
            if unknown or not extensions:
                problems.append(
                    f"{name}: Erlaubte Dateitypen sind {', '.join(FILE_TYPES)}"
                    + (f"; nicht: {', '.join(unknown)}." if unknown else ".")
                )
            if not 1 <= max_size_mb <= MAX_FILE_SIZE_MB:
                problems.append(
                    f"{name}: Die Größe muss zwischen 1 und {MAX_FILE_SIZE_MB} MB liegen."
                )
        cleaned.append(
            {
                "key": key,
                "type": kind,
                "label": label,
                "help_text": str(field.get("help_text", "")).strip(),
                "required": bool(field.get("required")),
                "per_gemeinde": bool(field.get("per_gemeinde")),
                "choices": choices if kind == OnboardingFieldType.CHOICE else [],
                "max_size_mb": max_size_mb if kind == OnboardingFieldType.FILE else 0,
                "extensions": extensions if kind == OnboardingFieldType.FILE else [],
            }
        )
    cleaned_steps = [
        {"title": str(step.get("title", "")).strip(), "text": str(step.get("text", "")).strip()}
        for step in steps
        if str(step.get("title", "")).strip()
    ]
    if problems:
        raise ValidationError(problems)
    return cleaned, cleaned_steps


def upload_check(*, upload: UploadedFile, field: Mapping) -> str:
    """The content type to store and serve the upload with, when it fits the field: an allowed
    extension, content that looks like it, not larger than allowed. Else ValidationError
    (German) saying what is allowed."""
    extensions = field["extensions"]
    allowed = ", ".join(ext.upper() for ext in extensions)
    extension = PurePosixPath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in extensions or extension not in FILE_TYPES:
        raise ValidationError(f"„{upload.name}“ hat keinen erlaubten Dateityp. Erlaubt: {allowed}.")
    limit = field["max_size_mb"] * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            f"„{upload.name}“ ist {filesizeformat(upload.size)} groß; erlaubt sind höchstens "
            f"{field['max_size_mb']} MB."
        )
    if upload.size == 0:
        raise ValidationError(f"„{upload.name}“ ist leer.")
    content_type, looks_right = FILE_TYPES[extension]
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not looks_right(head):
        raise ValidationError(
            f"„{upload.name}“ ist dem Inhalt nach keine {extension.upper()}-Datei. "
            f"Erlaubt: {allowed}."
        )
    return content_type
