"""The collector settings a run relies on: long-lived data frozen, the caller's state kept."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from namecheck.collector import YOUNG, for_batch, loading


@pytest.fixture(autouse=True)
def restored() -> Iterator[None]:
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_freezes_what_it_made_and_restores_the_collector(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with loading():
        assert not gc.isenabled()
        made = [[n] for n in range(100)]
    assert gc.isenabled() is enabled
    assert gc.get_freeze_count() > 0
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(item) in tracked for item in made)


def test_loading_restores_the_collector_when_the_load_fails() -> None:
    gc.enable()
    with pytest.raises(ValueError), loading():
        raise ValueError("corrupt")
    assert gc.isenabled()


def test_a_batch_collects_the_young_generation_less_often() -> None:
    for_batch()
    assert gc.get_threshold()[0] == YOUNG
