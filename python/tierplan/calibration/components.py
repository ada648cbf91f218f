"""Which component a Prometheus series belongs to: label matching, with defaults for the
Dify Enterprise chart's pod names, overridable by the caller."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ComponentMatch:
    """A component and the labels its series carry: each value is a regular expression the
    label must match in full (``re.fullmatch``); labels not named are not looked at."""

    component: str
    labels: Mapping[str, str] = field(default_factory=dict)

    def matches(self, labels: Mapping[str, str]) -> bool:
        return all(
            re.fullmatch(pattern, labels.get(name, "")) is not None
            for name, pattern in self.labels.items()
        )


# A pod of a Deployment is named <deployment>-<ReplicaSet hash>-<5 characters>, a pod of a
# StatefulSet <statefulset>-<ordinal> (Kubernetes: pod-template-hash and StatefulSet
# identity). Assumed, not checked against the Enterprise chart (its templates are not
# public): it names its workloads <release>-<component>, the component in kebab case
# (worker_beat: dify-worker-beat). Where it does not, pass matches= to the readers.
_POD_SUFFIX = r"-(?:[a-z0-9]{6,10}-[a-z0-9]{5}|[0-9]+)"


def pod_pattern(component: str) -> str:
    """The pod-name expression of a component: ``worker_beat`` matches
    ``dify-worker-beat-7d9f8c6b5-x2x4z`` and not ``dify-worker-7d9f8c6b5-x2x4z``."""
    kebab = re.escape(component.replace("_", "-"))
    return rf"(?:.+-)?{kebab}{_POD_SUFFIX}"


def dify_enterprise_matches(
    components: Sequence[str] | None = None, *, namespace: str | None = None
) -> list[ComponentMatch]:
    """Matches by pod name for the components of the built-in Dify Enterprise stack (or the
    ones given), optionally within one namespace."""
    if components is None:
        from tierplan._core import Scenario

        components = [c.name for c in Scenario.builtin("dify-enterprise").stack.components]
    matches = []
    for name in components:
        labels = {"pod": pod_pattern(name)}
        if namespace is not None:
            labels["namespace"] = re.escape(namespace)
        matches.append(ComponentMatch(name, labels))
    return matches


def component_of(labels: Mapping[str, str], matches: Sequence[ComponentMatch]) -> list[str]:
    """The components whose match the labels satisfy (more than one is an ambiguity the
    caller reports)."""
    return [m.component for m in matches if m.matches(labels)]


def describe_labels(labels: Mapping[str, str]) -> str:
    """``{namespace="dify", pod="dify-api-1"}``, as PromQL writes a selector."""
    inner = ", ".join(f'{k}="{v}"' for k, v in sorted(labels.items()) if k != "__name__")
    return "{" + inner + "}"
