"""Load and fault tests against a real gongkai server process (gunicorn) on loopback.

    python -m loadtest [--applicants N] [--readers M] [--seconds S] [--database sqlite|postgres]
    make loadtest

The same pieces start the server that tests/reliability kills with SIGKILL.
"""
