"""Plans a fixed set of 480 scenarios and prints one SHA-256 of every plan's JSON.

A refactor that must not change any plan runs this before and after and compares the two
lines (`--dump FILE` writes the JSON lines themselves, to diff when the hashes differ).
The set: the built-in scenario at 120 user counts from 10 to 31,600 (log-spaced), each
with 4 policy variants (as shipped; no node-loss survival; p99 latency; a 60% utilisation
ceiling), every environment.
"""

from __future__ import annotations

import argparse
import hashlib
import math

import tierplan

USER_COUNTS = [10.0 * math.pow(3160.0, i / 119) for i in range(120)]


def variants(base: tierplan.Scenario) -> list[tierplan.Scenario]:
    """The four policy variants of one scenario."""
    names = [e.name for e in base.environments]
    p99 = tierplan.with_values(
        base, [f"environments[{n}].policy.latency_percentile" for n in names], [0.99] * len(names)
    )
    ceiling = tierplan.with_values(
        base,
        [f"environments[{n}].policy.max_server_utilization" for n in names],
        [0.6] * len(names),
    )
    no_loss = base.to_dict()
    for env in no_loss["environments"]:
        env["policy"]["survive_node_loss"] = False
    return [base, tierplan.Scenario.from_dict(no_loss), p99, ceiling]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dump", help="write every plan's JSON, one line each, to this file")
    args = parser.parse_args()
    base = tierplan.Scenario.builtin()
    digest = hashlib.sha256()
    lines = []
    for users in USER_COUNTS:
        scenario = tierplan.with_value(base, "workload.daily_active_users", users)
        for variant in variants(scenario):
            try:
                text = tierplan.plan(variant).to_json()
            except tierplan.PlanningError as error:
                text = f"PlanningError: {error}"
            digest.update(text.encode())
            lines.append(text)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} plans sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    main()
