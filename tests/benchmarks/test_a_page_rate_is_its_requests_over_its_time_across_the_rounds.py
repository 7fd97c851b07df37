"""The page benchmark measures each side in alternating rounds; a side's rate must be all its requests over
all its time (a slow round weighs by its length, as in one long measurement), and the spread must pair
each round with the minimal view's round of the same number."""

import pytest

from benchmarks.pages import Side, spread


def test_the_rate_is_the_requests_over_the_seconds_summed_across_rounds():
    side = Side()
    side.add(900, 1.0)
    side.add(300, 1.0)
    side.add(600, 4.0)
    # The mean of the rounds' rates would be 400 per second; the run as a whole did 1,800 in 6 seconds.
    assert side.rate == pytest.approx(300.0)
    assert side.block_rates == [900.0, 300.0, 150.0]


def test_the_spread_compares_each_round_with_the_minimal_views_round_of_the_same_number():
    page, minimal = Side(), Side()
    for requests, minimal_requests in ((400, 1_000), (450, 900), (300, 1_000)):
        page.add(requests, 1.0)
        minimal.add(minimal_requests, 1.0)
    assert spread(page, minimal) == pytest.approx((0.30, 0.50))


def test_rounds_that_do_not_pair_up_are_an_error():
    page, minimal = Side(), Side()
    page.add(10, 1.0)
    with pytest.raises(ValueError):
        spread(page, minimal)
