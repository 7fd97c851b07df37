"""gongkai's settings plus one extra address: the minimal view the page benchmarks compare against."""

from gongkai.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
