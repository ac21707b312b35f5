"""Shared fixtures: one engine per session (building one compiles its detectors)."""

import pytest

import offside


@pytest.fixture(scope="session")
def engine() -> offside.Engine:
    return offside.Engine(region="US")
