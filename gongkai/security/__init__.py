"""Account and web security: log-in throttling and lockout, password rules, session lifetime, rate limits."""
