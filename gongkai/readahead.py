"""A view's first statement, sent to the database as the request arrives.

A request spends a while in the middleware (proxies, security headers, session, CSRF, authentication)
before its view runs, and an item page's view starts by waiting for one statement. A view declares that
statement with `@reads_ahead(query)`: `query(*args, **kwargs)` takes the view's own URL arguments and
gives (sql, params) of a statement that only reads, since the view may have to run it again.
`ReadAheadMiddleware`, first in MIDDLEWARE, resolves the address, sends the declared statement
(gongkai.statements.send_ahead) and lets the request go on; the view passes `sent_ahead(request)` to
gongkai.statements.fetchone, which takes the answer when it is that very statement and otherwise runs
it. So the database works while the middleware does, and the view finds the answer waiting.

Nothing changes what a request sees: a statement is only sent for GET and HEAD, outside any
transaction, on PostgreSQL through gongkai's backend (gongkai.postgresql), and anything that uses the
connection first reads the answer first. When the view is never reached (a redirect, a refusal), the
answer is dropped before the response leaves. A query log or wrapper turned on after the statement was
sent does not see it.
"""

import logging

from django.urls import Resolver404, resolve

from gongkai.statements import send_ahead

READ_METHODS = ("GET", "HEAD")
logger = logging.getLogger(__name__)


def reads_ahead(query):
    """Declare the statement a view runs first: `query(*args, **kwargs)` → (sql, params)."""

    def declare(view):
        view.read_ahead_query = query
        return view

    return declare


def sent_ahead(request):
    """The statement sent for this request, or None."""
    return getattr(request, "statement_sent_ahead", None)


class ReadAheadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ahead = self._send(request) if request.method in READ_METHODS else None
        request.statement_sent_ahead = ahead
        try:
            return self.get_response(request)
        finally:
            if ahead is not None:
                ahead.discard()

    @staticmethod
    def _send(request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        query = getattr(match.func, "read_ahead_query", None)
        if query is None:
            return None
        try:
            return send_ahead(*query(*match.args, **match.kwargs))
        except Exception:
            # Only ever a head start: the view runs the statement itself and meets the same trouble
            # where its response (and the middleware around it) reports it.
            logger.warning("未能预先发送 %s 的语句", request.path_info, exc_info=True)
            return None
