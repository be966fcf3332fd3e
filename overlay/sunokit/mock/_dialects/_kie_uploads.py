"""The kie family's file uploads (a separate host in the spec: an operation-level `servers`
entry; the mock routes the same paths on its one loopback server). Base64 and multipart bytes
are kept and served back from /__mock__/media/; a URL upload copies a file this mock serves
and otherwise answers a URL that redirects to the original (the mock never fetches)."""

from __future__ import annotations

import base64
import binascii
import email.parser
import email.policy
import mimetypes
import re
import time
from collections.abc import Mapping
from typing import Any

from .. import _spec
from .._tasks import MockFile
from ._base import Answer, Store, iso
from ._kie_common import KieRenderer

__all__ = ["UploadRenderer"]

_DATA_URL = re.compile(r"^data:([^;,]+)?(?:;[^,]*)?,", re.IGNORECASE)
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _multipart(content_type: str, raw: bytes) -> dict[str, tuple[bytes, str | None, str | None]]:
    """name -> (bytes, filename, content type) of a multipart/form-data body."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n" + raw
    )
    parts: dict[str, tuple[bytes, str | None, str | None]] = {}
    if not message.is_multipart():
        return parts
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            payload = part.get_payload(decode=True)
            filename = part.get_filename()
            parts[name] = (
                payload if isinstance(payload, bytes) else b"",
                filename if isinstance(filename, str) else None,
                part.get_content_type() if part.get("content-type") else None,
            )
    return parts


class UploadRenderer(KieRenderer):
    """upload.base64 / upload.stream / upload.url: `{success, code, msg, data: {fileName,
    filePath, downloadUrl, fileSize, mimeType, uploadedAt}}` at once."""

    capability = "upload.base64"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        redirect: str | None = None
        declared: str | None = None
        if isinstance(body, Mapping) and "base64Data" in body:
            text = str(body["base64Data"])
            found = _DATA_URL.match(text)
            declared = found.group(1) if found and found.group(1) else None
            try:
                data = base64.b64decode(text[found.end() :] if found else text, validate=True)
            except (binascii.Error, ValueError):  # the spec allows any string: kept as sent
                data = text.encode("utf-8")
            name = str(body.get("fileName") or "upload.bin")
            path = str(body.get("uploadPath") or "")
        elif isinstance(body, Mapping) and "fileUrl" in body:
            url = str(body["fileUrl"])
            copied = store.file_bytes(url)
            data = copied or b""
            redirect = None if copied is not None else url
            name = str(body.get("fileName") or url.rstrip("/").rsplit("/", 1)[-1] or "upload.bin")
            path = str(body.get("uploadPath") or "")
        else:
            parts = _multipart(headers.get("content-type", ""), raw)
            data, filename, declared = parts.get("file", (b"", None, None))
            name_part = parts.get("fileName")
            name = (name_part[0].decode("utf-8", "replace") if name_part else None) or (
                filename or "upload.bin"
            )
            path_part = parts.get("uploadPath")
            path = path_part[0].decode("utf-8", "replace") if path_part else ""
        media_type = declared or mimetypes.guess_type(name)[0] or "application/octet-stream"
        safe = _SAFE.sub("-", name).strip("-") or "upload.bin"
        file = MockFile(
            f"upload-{len(data)}-{abs(hash((path, name, data))):x}-{safe}",
            media_type,
            lambda: data,
            redirect,
        )
        url = store.add_file(None, "upload", file)
        message = _spec.operation_message(self.vendor, operation_id, 200)
        return Answer(
            200,
            {
                "success": True,
                "code": self.dialect.ok,
                "msg": message or "File uploaded successfully",
                "data": {
                    "fileName": name,
                    "filePath": f"{path.strip('/')}/{name}" if path.strip("/") else name,
                    "downloadUrl": url,
                    "fileSize": len(data),
                    "mimeType": media_type,
                    "uploadedAt": iso(time.time()),
                },
            },
        )
