"""Media on S3-compatible storage, tried against a local S3 (moto's server): images and
their renditions, documents, the health check and backups."""

import io
import uuid

from django.core.files.images import ImageFile
from django.core.files.storage import default_storage, storages
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from storages.backends.s3 import S3Storage

from cms.backup import backup_media


@pytest.fixture
def s3(monkeypatch):
    bucket_name = f"zukunftshub-media-{uuid.uuid4().hex[:8]}"  # moto keeps buckets per process
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    keys = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-central-1", **keys)
    client.create_bucket(
        Bucket=bucket_name, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    # The site's media storage, swapped for the test (settings.STORAGES would replace
    # the demo's in-memory files for every later test).
    bucket = S3Storage(
        bucket_name=bucket_name,
        endpoint_url=endpoint,
        region_name="eu-central-1",
        access_key="test",
        secret_key="test",
        file_overwrite=False,
        default_acl=None,
        querystring_auth=False,
    )
    monkeypatch.setitem(storages._storages, "default", bucket)
    monkeypatch.setattr(default_storage, "_wrapped", bucket)
    yield {"client": client, "endpoint": endpoint, "server": server, "bucket": bucket_name}
    server.stop()


def _keys(s3):
    listing = s3["client"].list_objects_v2(Bucket=s3["bucket"])
    return {item["Key"] for item in listing.get("Contents", [])}


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_images_renditions_and_documents_live_in_the_bucket(db, s3, tmp_path):
    image = get_image_model().objects.create(
        title="Werkhalle", file=ImageFile(io.BytesIO(_png()), name="werkhalle.png")
    )
    rendition = image.get_rendition("fill-480x300|format-webp")
    document = get_document_model().objects.create(title="Leitfaden")
    document.file.save("leitfaden.pdf", io.BytesIO(b"%PDF-1.7 Leitfaden"))
    keys = _keys(s3)
    assert image.file.name in keys and rendition.file.name in keys and document.file.name in keys
    assert rendition.url.startswith(f"{s3['endpoint']}/{s3['bucket']}/images/")
    body = s3["client"].get_object(Bucket=s3["bucket"], Key=document.file.name)["Body"].read()
    assert body == b"%PDF-1.7 Leitfaden"

    # A backup copies the bucket's files.
    assert backup_media(tmp_path / "media") == len(keys)
    media = tmp_path / "media"
    assert {p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()} == keys


def test_the_health_check_sees_the_storage_go_and_come_back(db, s3):
    client = Client()
    assert client.get("/healthz/").status_code == 200
    assert default_storage.exists("nothing-here.txt") is False
    s3["server"].stop()
    down = client.get("/healthz/")
    assert down.status_code == 503 and '"storage"' in down.text
