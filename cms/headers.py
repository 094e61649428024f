"""Cross-Origin-Resource-Policy on every response of the site (Django has no setting).

"same-site", not "same-origin": a CDN host of the same site (e.g. static.example.org
beside www.example.org) keeps working, while other sites can no longer embed our images,
documents and scripts. Frames are not affected: the Quickcheck embed stays as it is."""


class CrossOriginResourcePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-site")
        return response
