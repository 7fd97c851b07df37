"""Every timed comparison of the benchmarks (search, §二, §二–§四) runs its sides through one helper: each
side once per round, its time recorded under its own name, and the side that goes first moving on each
round, so neither is always the one that finds the caches the other left."""

from benchmarks.search import in_turns


def test_the_first_side_moves_on_each_round_and_each_answer_and_time_is_its_own():
    calls, timings = [], {"ours": [], "bare": []}
    sides = {"ours": lambda: calls.append("ours") or 1, "bare": lambda: calls.append("bare") or 2}
    answers = [in_turns(number, sides, timings) for number in range(4)]
    assert calls == ["ours", "bare", "bare", "ours", "ours", "bare", "bare", "ours"]
    assert answers == [{"ours": 1, "bare": 2}] * 4
    assert [len(times) for times in timings.values()] == [4, 4]
    assert all(ms >= 0 for times in timings.values() for ms in times)


def test_three_sides_rotate():
    calls = []
    sides = {name: (lambda name=name: calls.append(name)) for name in "abc"}
    timings = {name: [] for name in "abc"}
    for number in range(3):
        in_turns(number, sides, timings)
    assert calls == list("abcbcacab")
