"""Where uploads are stored, for the settings (no Django imports beyond the exception).

Two places share no route: public files (images, documents anyone may read) under MEDIA_ROOT
or a public bucket, and documents of restricted collections under PRIVATE_MEDIA_ROOT or a
private bucket, served only by the document view (cms/storage.py routes between them).
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def s3_storage(
    url: str, *, endpoint_url: str, region_name: str, public_url: str = "", url_seconds: int = 0
) -> dict:
    """A django-storages S3Storage for `url` (s3://bucket[/prefix]). Credentials come from
    boto3's own variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)."""
    parsed = urlsplit(url)
    if parsed.scheme != "s3" or not parsed.netloc:
        raise ImproperlyConfigured(f"{url!r} is not an s3://bucket[/prefix] URL.")
    options = {
        "bucket_name": parsed.netloc,
        "location": parsed.path.strip("/"),
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
        "signature_version": "s3v4",
        "file_overwrite": False,
        # Never shown in the bucket's origin: a download, whatever its type.
        "object_parameters": {"ContentDisposition": "attachment"},
    }
    if public_url:  # read through the bucket policy (or a CDN), no signature
        public = urlsplit(public_url)
        options.update(querystring_auth=False, url_protocol=f"{public.scheme}:",
                       custom_domain=f"{public.netloc}{public.path}".rstrip("/"))  # fmt: skip
    else:  # every URL signed and short-lived
        options.update(querystring_auth=True, querystring_expire=url_seconds)
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_storages(
    *,
    media_root: Path,
    media_url: str,
    private_root: Path,
    public_bucket: str,
    private_bucket: str,
    private_url_seconds: int,
    endpoint_url: str,
    region_name: str,
) -> dict[str, dict]:
    """The STORAGES entries for uploads: object storage when both buckets are given, the
    file system otherwise. Raises ImproperlyConfigured on a setting that cannot work."""
    if public_bucket or private_bucket:
        if not (public_bucket and private_bucket):
            raise ImproperlyConfigured(
                "Set both MEDIA_STORAGE_URL and PRIVATE_MEDIA_STORAGE_URL (a private bucket, or "
                "a prefix of one that the public cannot read) for object storage, or neither."
            )
        if not media_url.startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                "With MEDIA_STORAGE_URL, MEDIA_URL must be the public bucket's (or its CDN's) URL."
            )
        if public_bucket.rstrip("/") == private_bucket.rstrip("/"):
            raise ImproperlyConfigured(
                "PRIVATE_MEDIA_STORAGE_URL must differ from MEDIA_STORAGE_URL."
            )
        where = {"endpoint_url": endpoint_url, "region_name": region_name}
        public = s3_storage(public_bucket, public_url=media_url, **where)
        private = s3_storage(private_bucket, url_seconds=private_url_seconds, **where)
    else:
        if Path(private_root).resolve().is_relative_to(Path(media_root).resolve()):
            raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT.")
        public = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        private = {
            "BACKEND": "cms.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": private_root},
        }
    return {
        "default": {"BACKEND": "cms.storage.MediaStorage"},
        "public_media": public,
        "private_media": private,
    }
