"""The words of the reports a reader outside the platform team may not know, each explained
once: the reports list, after the detail, the terms their text uses.

A term is found in a report by its spelling (``pattern``, a regular expression matched as a
whole word); ``TERMS`` is what tests/python/test_reports_glossary.py checks every report
against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    term: str
    explanation: str
    # How the term is spelled in a report (default: the term itself, as a whole word).
    pattern: str = ""

    def used_in(self, text: str) -> bool:
        return (
            re.search(self.pattern or rf"(?<![\w-]){re.escape(self.term)}(?![\w-])", text)
            is not None
        )


TERMS: tuple[Term, ...] = (
    Term(
        "tier",
        "a preset size of the whole installation (the vendor's test or production "
        'specification); "custom" means the plan fits none of the presets',
    ),
    Term(
        "vCPU",
        "a virtual processor core of a cloud machine; Kubernetes counts CPU in cores "
        "(1 core = 1,000 millicores)",
    ),
    Term("GiB", "gibibyte: 1,024 MiB, about 1.07 GB"),
    Term(
        "spot",
        "spare cloud capacity sold at a discount that the cloud may take back at short notice; "
        "the plan runs only stateless services there, beside an on-demand pool for the rest",
    ),
    Term(
        "node",
        "a machine (virtual server) of the Kubernetes cluster that runs the application's pods",
        r"(?<![\w-])nodes?(?![\w-])",
    ),
    Term("pod", "one running copy of a component (its containers) on a node", r"\bpods?\b"),
    Term(
        "replica",
        "one of several identical copies of a component; more replicas serve more load "
        "and survive the loss of one",
        r"\breplicas?\b",
    ),
    Term(
        "requests",
        "the CPU and memory the scheduler reserves for a pod on a node; nodes are sized so "
        "that the requests fit",
    ),
    Term(
        "limits",
        "the most CPU and memory a pod may use; the sum of the limits may exceed a node "
        "(overcommit) when pods do not all peak at once",
    ),
    Term(
        "allocatable",
        "what a node offers pods: its capacity less what Kubernetes reserves for itself "
        "and for eviction",
    ),
    Term(
        "DaemonSets",
        "agents that run one pod on every node (networking, logs, metrics)",
        r"\bDaemonSets?\b",
    ),
    Term(
        "HPA",
        "Horizontal Pod Autoscaler: adds and removes replicas of a component between a "
        "minimum and a maximum as its CPU use rises and falls",
    ),
    Term(
        "N+1",
        "one node more than the load needs: the service keeps running when any one node fails",
        r"N\+1",
    ),
    Term(
        "PgBouncer",
        "a connection pooler in front of PostgreSQL: many application connections share "
        "a few database connections",
    ),
    Term(
        "max_connections",
        "PostgreSQL's limit on simultaneous connections; above it new connections are refused",
    ),
    Term(
        "maxmemory",
        "Redis's memory limit; what happens at the limit is set by maxmemory-policy",
    ),
    Term("maxclients", "Redis's limit on simultaneous client connections"),
    Term(
        "Multi-AZ",
        "a database with a standby copy in another availability zone (data centre) that "
        "takes over when the primary fails",
    ),
    Term(
        "Sentinel",
        "Redis's watchdog processes that detect a failed primary and promote its replica",
        r"\bSentinels?\b",
    ),
    Term(
        "standby",
        "a copy of the database kept up to date, ready to take over from the primary",
    ),
    Term(
        "failover",
        "switching to a standby or replica automatically when the primary fails",
    ),
    Term(
        "PITR",
        "point-in-time recovery: restoring the database to any moment, from a full backup "
        "plus the archived WAL",
    ),
    Term(
        "WAL",
        "PostgreSQL's write-ahead log: every change, written before it is applied; archived, "
        "it lets a restore replay changes since the last full backup",
    ),
    Term("RPO", "recovery point objective: how much recent data a restore may lose, at most"),
    Term("RTO", "recovery time objective: how long a restore may take, at most"),
    Term(
        "Qdrant",
        "the vector database that holds the knowledge base's embeddings for retrieval",
    ),
    Term(
        "replication factor",
        "how many copies of each piece of data the vector database keeps on different nodes",
    ),
    Term(
        "shard",
        "one slice of a collection; shards spread the data and the work over the nodes",
        r"\bshards?\b",
    ),
    Term(
        "snapshot",
        "a point-in-time copy of the vector database's data, restored faster than a rebuild",
    ),
    Term(
        "rebuild",
        "recovering the vector database by embedding every document again",
    ),
    Term(
        "versioning",
        "object storage keeps the previous version of a file that is overwritten or deleted",
    ),
    Term(
        "on-demand",
        "pay by the hour with no commitment; a 1- or 3-year commitment buys a discount",
    ),
    Term(
        "Celery",
        "the task queue Dify's worker runs background jobs (document indexing, workflows) with",
    ),
    Term(
        "SQLAlchemy",
        "the database library of Dify's api and worker; its pool caps each replica's "
        "PostgreSQL connections",
    ),
    Term(
        "Helm",
        "the package manager Kubernetes applications are installed with; its values file "
        "holds the configuration",
    ),
    Term("kubelet", "the agent on every node that starts pods and reserves room for itself"),
)


def terms_used(text: str) -> list[Term]:
    """The terms the text uses, in TERMS' order."""
    return [term for term in TERMS if term.used_in(text)]
