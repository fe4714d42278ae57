"""OffsetMap reads exactly like the tuple of offsets it stores as runs."""

from __future__ import annotations

import pytest

from checker.records import OffsetMap


@pytest.mark.parametrize("offsets", [
    [], [7], list(range(10, 40)), [0, 1, 2, 10, 11, 3, 4, 4, 4, 50], [5, 4, 3, 2, 1], list(range(1000)) + [5000, 5001],
])
def test_reads_like_the_tuple(offsets: list[int]) -> None:
    mapped = OffsetMap(offsets)
    assert len(mapped) == len(offsets)
    assert list(mapped) == offsets
    assert [mapped[i] for i in range(len(offsets))] == offsets
    assert [mapped[-i] for i in range(1, len(offsets) + 1)] == [offsets[-i] for i in range(1, len(offsets) + 1)]
    assert mapped[2:7] == offsets[2:7]
    assert mapped == tuple(offsets) and mapped == OffsetMap(offsets)
    with pytest.raises(IndexError):
        mapped[len(offsets)]


def test_a_copied_stretch_is_one_run() -> None:
    assert len(OffsetMap(range(100_000))._starts) == 1
