"""A component's Horizontal Pod Autoscaler as the plan JSON groups it (``autoscaling``):
``ComponentPlan.autoscaling`` (tierplan._names). A module of its own, importing nothing of
the package, so that the generated stub of ``tierplan._core`` can name the type without an
import cycle."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Autoscaling:
    """A component's Horizontal Pod Autoscaler, as the plan JSON's ``autoscaling``."""

    enabled: bool
    min_replicas: int
    max_replicas: int
    target_cpu_utilization_percent: float
    reason: str
