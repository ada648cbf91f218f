"""Calibration from measurements (issue 14): readers for what users have, into the C++
core's MeasurementSeries; the fits are in C++ (``tierplan.fit_components`` and the single
fits), this package only reads.

- ``read_prometheus``: Prometheus range-query answers (files or URLs), one series per pod;
- ``read_locust``: Locust's ``*_stats_history.csv``;
- ``read_tidy_csv``: a tidy CSV of any other measurements.
"""

from tierplan.calibration.components import (
    ComponentMatch,
    dify_enterprise_matches,
    pod_pattern,
)
from tierplan.calibration.locust import read_locust
from tierplan.calibration.prometheus import query_range_url, read_prometheus
from tierplan.calibration.tidy import read_tidy_csv

__all__ = [
    "ComponentMatch",
    "dify_enterprise_matches",
    "pod_pattern",
    "query_range_url",
    "read_locust",
    "read_prometheus",
    "read_tidy_csv",
]
