"""Django's PostgreSQL backend, with a kept connection checked before each request without a query.

Connections are kept between requests (CONN_MAX_AGE) and checked before reuse (CONN_HEALTH_CHECKS), so
that a restarted or failed-over server costs no reader an error page. Django checks by sending SELECT 1:
one more round trip on every request, as much as a kept portal page's own query.

A server that ends a session (a restart, pg_terminate_backend, an idle timeout) sends its reason and
closes the socket, and libpq marks a connection it found broken. So a connection that is open, idle,
not marked broken and has nothing waiting to be read is judged usable without asking; when anything is
waiting, Django's own check runs and reads it. A silently dropped network link is found by neither check
before the query itself; TCP keepalives are the remedy for that (docs/operator-guide.md).
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != pq.TransactionStatus.IDLE:
            return super().is_usable()
        try:
            waiting, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return super().is_usable() if waiting else True
