"""The Locust test of the live calibration test: GET /work at a constant total rate.

TIERPLAN_LIVE_RATE_PER_S is the total rate; each of Locust's users (-u) sends
rate / users requests per second (Locust's constant_throughput wait time), so the rate
holds as long as a request takes less than users / rate seconds.
"""

from __future__ import annotations

import os

from locust import HttpUser, constant_throughput, task

RATE_PER_S = float(os.environ["TIERPLAN_LIVE_RATE_PER_S"])
USERS = int(os.environ["TIERPLAN_LIVE_USERS"])


class WorkUser(HttpUser):
    wait_time = constant_throughput(RATE_PER_S / USERS)

    @task
    def work(self) -> None:
        self.client.get("/work")
