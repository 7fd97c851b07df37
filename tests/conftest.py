"""Shared test set-up. Personas and factories live in tests/factories.py."""

import os

# Tests never need a real secret; keep the data folder out of the working tree's var/.
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
