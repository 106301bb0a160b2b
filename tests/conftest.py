from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "labels.yaml").is_file():
        pytest.skip("../shared/corpus is not beside the repository")
    return CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The Dask tests last: distributed leaves its event-loop thread running in this process,
    and with a second thread alive the local pool forks its workers from a fork server
    (slower to start), which the tight deadlines of other tests do not allow for."""
    items.sort(key=lambda item: "test_dask_executor" in item.nodeid)
