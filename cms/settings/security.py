"""Headers that protect visitors and editors: Content-Security-Policy for the site and
the admin, Permissions-Policy (docs/decisions/0003, 0012)."""

from urllib.parse import urlsplit

from . import storage
from .storage import AWS_STORAGE_BUCKET_NAME

# Content-Security-Policy. The public site has no inline script or style at all,
# so cached pages keep a strict policy without nonces; Wagtail's admin still needs
# inline code and has a policy of its own below (docs/decisions/0012).
# Media on S3 come from its custom domain (a CDN), else from the S3 endpoint itself.
_media_hosts = []
if AWS_STORAGE_BUCKET_NAME and storage.AWS_S3_CUSTOM_DOMAIN:
    _media_hosts = [f"https://{storage.AWS_S3_CUSTOM_DOMAIN}"]
elif AWS_STORAGE_BUCKET_NAME and storage.AWS_S3_ENDPOINT_URL:
    _endpoint = urlsplit(storage.AWS_S3_ENDPOINT_URL)
    _media_hosts = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
elif AWS_STORAGE_BUCKET_NAME:
    _media_hosts = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
    if storage.AWS_S3_REGION_NAME:
        _media_hosts.append(
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{storage.AWS_S3_REGION_NAME}.amazonaws.com"
        )
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_hosts],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *_media_hosts],
        # Video platforms are framed only after a visitor's click (cms.blocks.VideoBlock).
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Wagtail's admin renders inline scripts and knows no nonce: 'unsafe-inline' for scripts
# and styles there, and nothing from another host (cms/admin_csp.py).
ADMIN_CONTENT_SECURITY_POLICY = {  # the directives
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_media_hosts],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The admin shows initials instead of loading avatars from gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"  # previews: SAMEORIGIN (cms/preview.py)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page of the site uses these browser features: none may, in frames neither.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}
