"""An operator's environment file, as gongkai reads it (docs/configuration.md): switches, numbers and lists
by type, the default when a variable is unset, and a Chinese error naming the variable when a number is not
one — the settings stop there instead of running with a wrong value."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.env import env_bool, env_float, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), (" On ", True), ("YES", True), ("0", False), ("", False)]
)
def test_a_switch_is_on_only_for_the_words_that_say_so(monkeypatch, value, expected):
    monkeypatch.setenv("GONGKAI_SHARED_CACHE", value)
    assert env_bool("GONGKAI_SHARED_CACHE", not expected) is expected


def test_an_unset_variable_gives_the_default_and_an_empty_one_is_kept(monkeypatch):
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    assert env_str("LOG_LEVEL", "WARNING") == "WARNING"
    monkeypatch.delenv("GONGKAI_CACHE_ENTRIES", raising=False)
    assert env_int("GONGKAI_CACHE_ENTRIES", 5000) == 5000
    monkeypatch.setenv("LOG_LEVEL", "")
    assert env_str("LOG_LEVEL", "WARNING") == ""


def test_a_list_drops_spaces_and_empty_items(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", " gk.example.gov.cn ,, 127.0.0.1 ,")
    assert env_list("ALLOWED_HOSTS", ["localhost"]) == ["gk.example.gov.cn", "127.0.0.1"]
    monkeypatch.delenv("ALLOWED_HOSTS")
    assert env_list("ALLOWED_HOSTS", ["localhost"]) == ["localhost"]


def test_numbers_are_read_as_numbers(monkeypatch):
    monkeypatch.setenv("GONGKAI_REQUEST_MAX_MB", " 40 ")
    monkeypatch.setenv("SQLITE_BUSY_TIMEOUT", "2.5")
    assert env_int("GONGKAI_REQUEST_MAX_MB", 25) == 40
    assert env_float("SQLITE_BUSY_TIMEOUT", 20.0) == 2.5


@pytest.mark.parametrize("value", ["25MB", "", "2.5"])
def test_a_malformed_number_is_a_configuration_error_that_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("GONGKAI_REQUEST_MAX_MB", value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_int("GONGKAI_REQUEST_MAX_MB", 25)
    assert str(refused.value) == f"环境变量 GONGKAI_REQUEST_MAX_MB 应为整数，现为“{value}”"
