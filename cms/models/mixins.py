from django.template.loader import render_to_string


class EmbeddableMixin:
    """A page that can show itself inside another page's "embedded page" block.

    Set ``embed_template`` (or override ``render_embed``). The template receives
    ``page`` and ``request``; it renders a self-contained fragment that starts at
    heading level 2 and needs no script of its own.
    """

    embed_template: str = ""

    def get_embed_context(self, request):
        return {"page": self, "request": request}

    def render_embed(self, request):
        return render_to_string(
            self.embed_template, self.get_embed_context(request), request=request
        )
