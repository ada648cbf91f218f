"""The plan's values under the names the plan JSON gives them (issue 16), set onto the compiled
classes by ``tierplan._presentation``: ``component.autoscaling.max_replicas`` is the JSON's
``autoscaling.max_replicas``. The names the classes had before are kept for one release as
deprecated aliases: reading one works and warns (DeprecationWarning) with the new name.
"""

# No `from __future__ import annotations`: the properties' return types are set as objects,
# which the stub generator writes into tierplan/_core.pyi.
import warnings
from typing import Any

from tierplan._autoscaling import Autoscaling
from tierplan._core import (
    ComponentLoad,
    ComponentPlan,
    EnvironmentPlan,
    PeakDemand,
    QdrantPlan,
    RedisPlan,
    TableSize,
    TierRecommendation,
)

# (class, old name, new name as the plan JSON spells it below the class's object, type)
RENAMED: tuple[tuple[type, str, str, type], ...] = (
    (ComponentPlan, "autoscaled", "autoscaling.enabled", bool),
    (ComponentPlan, "hpa_min_replicas", "autoscaling.min_replicas", int),
    (ComponentPlan, "hpa_max_replicas", "autoscaling.max_replicas", int),
    (
        ComponentPlan,
        "hpa_target_cpu_utilization_percent",
        "autoscaling.target_cpu_utilization_percent",
        float,
    ),
    (ComponentPlan, "hpa_reason", "autoscaling.reason", str),
    (ComponentPlan, "server_utilization", "server_utilization_fraction", float),
    (ComponentLoad, "hold_s", "stream_hold_s", float),
    (ComponentLoad, "derivation", "reason", str),
    (TierRecommendation, "tier", "name", str),
    (EnvironmentPlan, "demand", "peak_demand", PeakDemand),
)

MS_PER_S = 1000.0
BYTES_PER_MIB = 1024.0**2
BYTES_PER_GIB = 1024.0**3
# The plan JSON's figures in another unit than the class keeps (the unit is in both names):
# (class, the JSON's name, the class's attribute, the class's unit per the JSON's unit).
# Both names stay: they are the same figure in two units.
IN_JSON_UNITS: tuple[tuple[type, str, str, float], ...] = (
    (PeakDemand, "api_service_ms", "api_service_s", 1.0 / MS_PER_S),
    (ComponentLoad, "service_time_ms", "service_s", 1.0 / MS_PER_S),
    (RedisPlan, "broker_mib", "broker_bytes", BYTES_PER_MIB),
    (RedisPlan, "cache_mib", "cache_bytes", BYTES_PER_MIB),
    (QdrantPlan, "vector_gib", "vector_bytes", BYTES_PER_GIB),
    (QdrantPlan, "quantized_gib", "quantized_bytes", BYTES_PER_GIB),
    (QdrantPlan, "hnsw_gib", "hnsw_bytes", BYTES_PER_GIB),
    (QdrantPlan, "payload_gib", "payload_bytes", BYTES_PER_GIB),
    (QdrantPlan, "id_tracker_gib", "id_tracker_bytes", BYTES_PER_GIB),
    (TableSize, "total_gib", "total_bytes", BYTES_PER_GIB),
)


def _compiled(cls: type, name: str) -> Any:
    """The compiled class's own descriptor of an attribute (before any alias replaces it)."""
    return cls.__dict__[name]


def _deprecated(descriptor: Any, old: str, new: str, value_type: type) -> property:
    def get(self: Any) -> Any:
        warnings.warn(
            f"{type(self).__name__}.{old} is deprecated: use {new} (the plan JSON's name)",
            DeprecationWarning,
            stacklevel=2,
        )
        return descriptor.__get__(self, type(self))

    get.__annotations__ = {"self": Any, "return": value_type}
    return property(get, doc=f"Deprecated: use {new}.")


def _renamed(descriptor: Any, doc: str, value_type: type) -> property:
    def get(self: Any) -> Any:
        return descriptor.__get__(self, type(self))

    get.__annotations__ = {"self": Any, "return": value_type}
    return property(get, doc=doc)


def _in_json_unit(descriptor: Any, name: str, per_unit: float) -> property:
    def get(self: Any) -> float:
        value: float = descriptor.__get__(self, type(self))
        return value / per_unit

    return property(get, doc=f"The plan JSON's {name}.")


def attach() -> None:
    """The JSON's names onto the classes, and the old names as deprecated aliases. Runs once:
    a second run would wrap the aliases again."""
    if "autoscaling" in ComponentPlan.__dict__:
        return
    original = {(cls, old): _compiled(cls, old) for cls, old, _, _ in RENAMED}

    def autoscaling(self: ComponentPlan) -> Autoscaling:
        def read(name: str) -> Any:
            return original[ComponentPlan, name].__get__(self, ComponentPlan)

        return Autoscaling(
            enabled=read("autoscaled"),
            min_replicas=read("hpa_min_replicas"),
            max_replicas=read("hpa_max_replicas"),
            target_cpu_utilization_percent=read("hpa_target_cpu_utilization_percent"),
            reason=read("hpa_reason"),
        )

    ComponentPlan.autoscaling = property(  # type: ignore[assignment]
        autoscaling, doc="The Horizontal Pod Autoscaler (the plan JSON's autoscaling)."
    )
    for cls, old, new, value_type in RENAMED:
        if "." not in new:
            setattr(cls, new, _renamed(original[cls, old], f"The plan JSON's {new}.", value_type))
        setattr(cls, old, _deprecated(original[cls, old], old, new, value_type))
    for cls, name, attribute, per_unit in IN_JSON_UNITS:
        setattr(cls, name, _in_json_unit(_compiled(cls, attribute), name, per_unit))
