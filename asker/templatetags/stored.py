"""`{% storedcontent %}…{% endstoredcontent %}`: a part of a page rendered once per content
version, audience (the public, or the user's roles), language and path (asker/pagecache.py).

For the pages whole pages cannot be stored for: a signed-in user's header has their name and a
CSRF token, but the content below it is the same for everyone with the same roles. Only for
content with nothing per user in it (no form with a CSRF token, no user name, no messages).
"""

from django import template
from django.core.cache import cache

from asker import pagecache

register = template.Library()


@register.tag
def storedcontent(parser, token):
    nodelist = parser.parse(("endstoredcontent",))
    parser.delete_first_token()
    return StoredContentNode(nodelist)


class StoredContentNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        try:
            key = pagecache.fragment_key(request, self.origin.template_name)
            stored = cache.get(key)
        except Exception:
            pagecache.log.exception("The page cache is not available")
            return self.nodelist.render(context)
        if stored is not None:
            return stored
        content = self.nodelist.render(context)
        pagecache._try(cache.set, key, content, pagecache.STORE_SECONDS)
        return content
