"""An agency page as a kept frame around the page's own blocks.

Around its own content an agency page shows the site header, the agency's navigation and the footer, and
for every reader who would get a kept page (page_cache.cacheable: anonymous, no messages) these are the
same on every page of one template and agency, in one display, while the portal's generation stays the
same. Rendering them was about two thirds of an item page's first visit. `render` renders that frame
once, with a marker where each block of the page template goes and where the two per-address values go
(the display switch's way back, the print footer's source address), keeps it per process, and on each
request renders only the blocks the page template defines and puts them in.

What comes out is what `django.shortcuts.render` gives, character for character; tests compare the two.
A reader who is signed in or has messages waiting gets the ordinary rendering.
"""

import re
import secrets
from functools import lru_cache

from django.http import HttpResponse
from django.shortcuts import render as render_whole
from django.template import Context, engines
from django.template.context import make_context
from django.template.defaultfilters import urlencode
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode
from django.utils.html import escape

from gongkai.portal import page_cache
from gongkai.portal.site import display_mode, page_address

# Letters and digits only, so the path's marker comes through `urlencode` unchanged; random per process,
# so no text on a page can be taken for one. A marker holds a number, not a block's name, which could be
# any word.
_TOKEN = secrets.token_hex(8)
_MARKER = re.compile(f"gkframe{_TOKEN}x([0-9]+)x")
PATH, ADDRESS, FIRST_BLOCK = 0, 1, 2  # the values that go in, in this order, then the blocks'


def _marker(number: int) -> str:
    return f"gkframe{_TOKEN}x{number}x"


class _FrameRequest:
    """The request as the frame sees it: its own address replaced by markers, the rest as it is."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)

    @property
    def path(self) -> str:
        return _marker(PATH)

    def build_absolute_uri(self, location=None) -> str:
        return _marker(ADDRESS)


@lru_cache(maxsize=32)
def _page_blocks(template) -> tuple[str, tuple[BlockNode, ...]]:
    """The parent a page template extends and the blocks it fills (those not inside another block).

    Kept per compiled template (the loader hands out the same one until templates are reloaded)."""
    extends = template.nodelist.get_nodes_by_type(ExtendsNode)[0]
    blocks = tuple(node for node in extends.nodelist if isinstance(node, BlockNode))
    return extends.parent_name.resolve(Context()), blocks


def _frame(request, template_name: str, context: dict) -> list:
    """The frame as literal text and marker numbers, alternately."""
    parent, blocks = _page_blocks(get_template(template_name).template)
    source = f'{{% extends "{parent}" %}}' + "".join(
        f"{{% block {block.name} %}}{_marker(FIRST_BLOCK + number)}{{% endblock %}}"
        for number, block in enumerate(blocks)
    )
    html = engines["django"].from_string(source).render(context, _FrameRequest(request))
    pieces = _MARKER.split(html)  # one group: the numbers at the odd positions
    return [int(piece) if position % 2 else piece for position, piece in enumerate(pieces)]


def render(request, template_name: str, context: dict, *, frame_of, current: int) -> HttpResponse:
    """The page `template_name` renders with `context`; the frame is kept per `frame_of` (whatever the
    template's parents show besides the request: the agency), display and `current` generation."""
    if not page_cache.cacheable(request):
        return render_whole(request, template_name, context)
    key = ("frame", template_name, frame_of, display_mode(request))
    pieces = page_cache.remembered(key, current, lambda: _frame(request, template_name, context))
    template = get_template(template_name).template
    page = make_context(context, request)
    values = [urlencode(request.path), escape(page_address(request))]
    with page.render_context.push_state(template), page.bind_template(template):
        page.template_name = template.name
        values.extend(block.render(page) for block in _page_blocks(template)[1])
    return HttpResponse(
        "".join(values[piece] if position % 2 else piece for position, piece in enumerate(pieces))
    )
