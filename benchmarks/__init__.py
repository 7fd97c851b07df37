"""gongkai benchmarks: `python -m benchmarks --items 20000` (see __main__.py)."""
