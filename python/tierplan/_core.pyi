"""
tierplan C++ core: scenario model and planner.
"""
from __future__ import annotations
import collections.abc
import enum
import os
import typing
__all__: list[str] = ['Catalog', 'Component', 'ComponentKind', 'ComponentList', 'ComponentLoad', 'ComponentPlan', 'Environment', 'EnvironmentList', 'EnvironmentPlan', 'EnvironmentPolicy', 'Growth', 'KnowledgeBase', 'LoadDriver', 'NodeAllocatable', 'NodePlan', 'NodeType', 'NodeTypeList', 'NodeUsage', 'PackingMeasure', 'PeakDemand', 'Plan', 'RequestClass', 'RequestClassList', 'ReservedModel', 'ResourceModel', 'ResourceTotals', 'Retention', 'Scenario', 'SpreadPolicy', 'Stack', 'TierPreset', 'TierPresetList', 'TierRecommendation', 'Uploads', 'Workload', 'builtin_data_file', 'builtin_data_file_names', 'builtin_scenario_names', 'erlang_b', 'erlang_c', 'mean_wait_s', 'plan', 'plan_environment', 'probability_wait_exceeds']
class ComponentKind(enum.Enum):
    daemon: typing.ClassVar[ComponentKind]
    service: typing.ClassVar[ComponentKind]
    singleton: typing.ClassVar[ComponentKind]
    worker: typing.ClassVar[ComponentKind]
    @classmethod
    def __new__(cls, value):
        ...
class LoadDriver(enum.Enum):
    api_requests: typing.ClassVar[LoadDriver]
    document_ingestion: typing.ClassVar[LoadDriver]
    none: typing.ClassVar[LoadDriver]
    outbound_requests: typing.ClassVar[LoadDriver]
    plugin_calls: typing.ClassVar[LoadDriver]
    sandbox_executions: typing.ClassVar[LoadDriver]
    web_requests: typing.ClassVar[LoadDriver]
    worker_tasks: typing.ClassVar[LoadDriver]
    @classmethod
    def __new__(cls, value):
        ...
class SpreadPolicy(enum.Enum):
    nodes: typing.ClassVar[SpreadPolicy]
    none: typing.ClassVar[SpreadPolicy]
    @classmethod
    def __new__(cls, value):
        ...
class PackingMeasure(enum.Enum):
    limits: typing.ClassVar[PackingMeasure]
    requests: typing.ClassVar[PackingMeasure]
    @classmethod
    def __new__(cls, value):
        ...
class ReservedModel(enum.Enum):
    aks: typing.ClassVar[ReservedModel]
    by_cloud: typing.ClassVar[ReservedModel]
    eks: typing.ClassVar[ReservedModel]
    gke: typing.ClassVar[ReservedModel]
    @classmethod
    def __new__(cls, value):
        ...
class RequestClass:
    """
    One kind of user-facing request.
    """
    __hash__: typing.ClassVar[None] = None
    name: str
    def __copy__(self) -> RequestClass:
        ...
    def __deepcopy__(self, memo: dict) -> RequestClass:
        ...
    def __eq__(self, arg0: RequestClass) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def api_service_ms(self) -> float:
        ...
    @api_service_ms.setter
    def api_service_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def per_user_per_day(self) -> float:
        ...
    @per_user_per_day.setter
    def per_user_per_day(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def plugin_calls_per_request(self) -> float:
        ...
    @plugin_calls_per_request.setter
    def plugin_calls_per_request(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def sandbox_executions_per_request(self) -> float:
        ...
    @sandbox_executions_per_request.setter
    def sandbox_executions_per_request(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def stream_hold_s(self) -> float:
        ...
    @stream_hold_s.setter
    def stream_hold_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def worker_tasks_per_request(self) -> float:
        ...
    @worker_tasks_per_request.setter
    def worker_tasks_per_request(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class RequestClassList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: RequestClass) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self, arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self, arg0: RequestClassList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> RequestClassList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> RequestClass:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: RequestClassList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[RequestClass]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: RequestClassList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: RequestClass) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: RequestClassList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: RequestClass) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: RequestClass) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: RequestClassList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: RequestClass) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> RequestClass:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> RequestClass:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: RequestClass) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class KnowledgeBase:
    """
    Documents indexed for retrieval.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> KnowledgeBase:
        ...
    def __deepcopy__(self, memo: dict) -> KnowledgeBase:
        ...
    def __eq__(self, arg0: KnowledgeBase) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def average_document_kib(self) -> float:
        ...
    @average_document_kib.setter
    def average_document_kib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def chunk_overlap_chars(self) -> float:
        ...
    @chunk_overlap_chars.setter
    def chunk_overlap_chars(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def chunk_size_chars(self) -> float:
        ...
    @chunk_size_chars.setter
    def chunk_size_chars(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def documents(self) -> float:
        ...
    @documents.setter
    def documents(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def documents_ingested_per_day(self) -> float:
        ...
    @documents_ingested_per_day.setter
    def documents_ingested_per_day(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def embedding_dimension(self) -> int:
        ...
    @embedding_dimension.setter
    def embedding_dimension(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Retention:
    """
    How long messages and workflow logs are kept.
    """
    __hash__: typing.ClassVar[None] = None
    workflow_log_cleanup_enabled: bool
    def __copy__(self) -> Retention:
        ...
    def __deepcopy__(self, memo: dict) -> Retention:
        ...
    def __eq__(self, arg0: Retention) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def message_retention_days(self) -> float:
        ...
    @message_retention_days.setter
    def message_retention_days(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def workflow_log_retention_days(self) -> float:
        ...
    @workflow_log_retention_days.setter
    def workflow_log_retention_days(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Uploads:
    """
    Files users upload.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> Uploads:
        ...
    def __deepcopy__(self, memo: dict) -> Uploads:
        ...
    def __eq__(self, arg0: Uploads) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def average_file_kib(self) -> float:
        ...
    @average_file_kib.setter
    def average_file_kib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def files_per_user_per_day(self) -> float:
        ...
    @files_per_user_per_day.setter
    def files_per_user_per_day(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Growth:
    """
    Growth of the load over the planning horizon.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> Growth:
        ...
    def __deepcopy__(self, memo: dict) -> Growth:
        ...
    def __eq__(self, arg0: Growth) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def annual_growth_fraction(self) -> float:
        ...
    @annual_growth_fraction.setter
    def annual_growth_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def planning_horizon_months(self) -> float:
        ...
    @planning_horizon_months.setter
    def planning_horizon_months(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Workload:
    """
    Load assumptions of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    growth: Growth
    knowledge_base: KnowledgeBase
    requests: RequestClassList
    retention: Retention
    uploads: Uploads
    def __copy__(self) -> Workload:
        ...
    def __deepcopy__(self, memo: dict) -> Workload:
        ...
    def __eq__(self, arg0: Workload) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def scaled(self, factor: typing.SupportsFloat | typing.SupportsIndex) -> Workload:
        """
        A copy with users, documents and ingestion multiplied by factor.
        """
    @property
    def daily_active_users(self) -> float:
        ...
    @daily_active_users.setter
    def daily_active_users(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def peak_burst_factor(self) -> float:
        ...
    @peak_burst_factor.setter
    def peak_burst_factor(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def peak_hour_fraction(self) -> float:
        ...
    @peak_hour_fraction.setter
    def peak_hour_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def plugin_call_service_s(self) -> float:
        ...
    @plugin_call_service_s.setter
    def plugin_call_service_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def sandbox_execution_service_s(self) -> float:
        ...
    @sandbox_execution_service_s.setter
    def sandbox_execution_service_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def worker_task_service_s(self) -> float:
        ...
    @worker_task_service_s.setter
    def worker_task_service_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class ResourceModel:
    """
    Per-replica baseline plus cost per unit of load.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> ResourceModel:
        ...
    def __deepcopy__(self, memo: dict) -> ResourceModel:
        ...
    def __eq__(self, arg0: ResourceModel) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def baseline_cpu_m(self) -> float:
        ...
    @baseline_cpu_m.setter
    def baseline_cpu_m(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def baseline_memory_mib(self) -> float:
        ...
    @baseline_memory_mib.setter
    def baseline_memory_mib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def cpu_m_per_rate_per_s(self) -> float:
        ...
    @cpu_m_per_rate_per_s.setter
    def cpu_m_per_rate_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_mib_per_concurrent(self) -> float:
        ...
    @memory_mib_per_concurrent.setter
    def memory_mib_per_concurrent(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_mib_per_rate_per_s(self) -> float:
        ...
    @memory_mib_per_rate_per_s.setter
    def memory_mib_per_rate_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Component:
    """
    One deployable component of the stack.
    """
    __hash__: typing.ClassVar[None] = None
    helm_key: str
    kind: ComponentKind
    load_driver: LoadDriver
    name: str
    resources: ResourceModel
    scales_horizontally: bool
    source: str
    def __copy__(self) -> Component:
        ...
    def __deepcopy__(self, memo: dict) -> Component:
        ...
    def __eq__(self, arg0: Component) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def concurrency_per_replica(self) -> int:
        ...
    @concurrency_per_replica.setter
    def concurrency_per_replica(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def db_max_overflow(self) -> int:
        ...
    @db_max_overflow.setter
    def db_max_overflow(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def db_pool_size(self) -> int:
        ...
    @db_pool_size.setter
    def db_pool_size(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_connections_per_replica(self) -> int:
        ...
    @max_connections_per_replica.setter
    def max_connections_per_replica(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def service_time_ms(self) -> float:
        ...
    @service_time_ms.setter
    def service_time_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def since_chart_version(self) -> int:
        ...
    @since_chart_version.setter
    def since_chart_version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class ComponentList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: Component) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self, arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self, arg0: ComponentList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> ComponentList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> Component:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: ComponentList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[Component]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: ComponentList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: Component) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: ComponentList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: Component) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: Component) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: ComponentList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: Component) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> Component:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> Component:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: Component) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class Stack:
    """
    The software stack and its components.
    """
    __hash__: typing.ClassVar[None] = None
    components: ComponentList
    name: str
    def __copy__(self) -> Stack:
        ...
    def __deepcopy__(self, memo: dict) -> Stack:
        ...
    def __eq__(self, arg0: Stack) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def chart_version(self) -> int:
        ...
    @chart_version.setter
    def chart_version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def limit_to_request_ratio(self) -> float:
        ...
    @limit_to_request_ratio.setter
    def limit_to_request_ratio(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class EnvironmentPolicy:
    """
    The risk model of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    node_loss_pack_by: PackingMeasure
    node_type: str
    pack_by: PackingMeasure
    reserved_model: ReservedModel
    spread: SpreadPolicy
    survive_node_loss: bool
    def __copy__(self) -> EnvironmentPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> EnvironmentPolicy:
        ...
    def __eq__(self, arg0: EnvironmentPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def daemonset_cpu_m(self) -> float:
        ...
    @daemonset_cpu_m.setter
    def daemonset_cpu_m(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def daemonset_memory_mib(self) -> float:
        ...
    @daemonset_memory_mib.setter
    def daemonset_memory_mib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def daemonset_pods(self) -> int:
        ...
    @daemonset_pods.setter
    def daemonset_pods(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def latency_percentile(self) -> float:
        ...
    @latency_percentile.setter
    def latency_percentile(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def latency_target_ms(self) -> float:
        ...
    @latency_target_ms.setter
    def latency_target_ms(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def max_pod_fraction_of_node(self) -> float:
        ...
    @max_pod_fraction_of_node.setter
    def max_pod_fraction_of_node(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def max_replicas(self) -> int:
        ...
    @max_replicas.setter
    def max_replicas(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_server_utilization(self) -> float:
        ...
    @max_server_utilization.setter
    def max_server_utilization(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def min_replicas(self) -> int:
        ...
    @min_replicas.setter
    def min_replicas(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_fill_ceiling(self) -> float:
        ...
    @node_fill_ceiling.setter
    def node_fill_ceiling(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Environment:
    """
    An environment: its policy and its own workload or a share of the scenario's (assign, don't mutate, `workload`).
    """
    __hash__: typing.ClassVar[None] = None
    name: str
    policy: EnvironmentPolicy
    workload: Workload | None
    def __copy__(self) -> Environment:
        ...
    def __deepcopy__(self, memo: dict) -> Environment:
        ...
    def __eq__(self, arg0: Environment) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def workload_share(self) -> float | None:
        ...
    @workload_share.setter
    def workload_share(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
class EnvironmentList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: Environment) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self, arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self, arg0: EnvironmentList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> EnvironmentList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> Environment:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: EnvironmentList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[Environment]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: EnvironmentList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: Environment) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: EnvironmentList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: Environment) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: Environment) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: EnvironmentList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: Environment) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> Environment:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> Environment:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: Environment) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class NodeType:
    """
    A node instance type with its price and source.
    """
    __hash__: typing.ClassVar[None] = None
    as_of: str
    cloud: str
    name: str
    source: str
    def __copy__(self) -> NodeType:
        ...
    def __deepcopy__(self, memo: dict) -> NodeType:
        ...
    def __eq__(self, arg0: NodeType) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def max_pods(self) -> int:
        ...
    @max_pods.setter
    def max_pods(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_gib(self) -> float:
        ...
    @memory_gib.setter
    def memory_gib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def price_usd_per_hour(self) -> float:
        ...
    @price_usd_per_hour.setter
    def price_usd_per_hour(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def vcpu(self) -> int:
        ...
    @vcpu.setter
    def vcpu(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class NodeTypeList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: NodeType) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self, arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self, arg0: NodeTypeList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> NodeTypeList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> NodeType:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: NodeTypeList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[NodeType]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: NodeTypeList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: NodeType) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: NodeTypeList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: NodeType) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: NodeType) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: NodeTypeList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: NodeType) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> NodeType:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> NodeType:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: NodeType) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class Catalog:
    """
    Node instance types to choose from.
    """
    __hash__: typing.ClassVar[None] = None
    node_types: NodeTypeList
    def __copy__(self) -> Catalog:
        ...
    def __deepcopy__(self, memo: dict) -> Catalog:
        ...
    def __eq__(self, arg0: Catalog) -> bool:
        ...
    def __init__(self) -> None:
        ...
class TierPreset:
    """
    A published cluster specification.
    """
    __hash__: typing.ClassVar[None] = None
    description: str
    name: str
    source: str
    def __copy__(self) -> TierPreset:
        ...
    def __deepcopy__(self, memo: dict) -> TierPreset:
        ...
    def __eq__(self, arg0: TierPreset) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def node_count(self) -> int:
        ...
    @node_count.setter
    def node_count(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_memory_gib(self) -> float:
        ...
    @node_memory_gib.setter
    def node_memory_gib(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def node_vcpu(self) -> int:
        ...
    @node_vcpu.setter
    def node_vcpu(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class TierPresetList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: TierPreset) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self, arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self, arg0: TierPresetList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> TierPresetList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> TierPreset:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: TierPresetList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[TierPreset]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: TierPresetList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: TierPreset) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: TierPresetList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: TierPreset) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: TierPreset) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: TierPresetList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: TierPreset) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> TierPreset:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> TierPreset:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: TierPreset) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class Scenario:
    """
    Workload, stack, environment policies and node catalog.
    """
    __hash__: typing.ClassVar[None] = None
    catalog: Catalog
    description: str
    environments: EnvironmentList
    name: str
    stack: Stack
    tiers: TierPresetList
    workload: Workload
    @staticmethod
    def builtin(name: str = 'dify-enterprise') -> Scenario:
        """
        A scenario shipped with tierplan.
        """
    @staticmethod
    def from_dict(data: dict) -> Scenario:
        """
        Validate a dict shaped like the scenario JSON.
        """
    @staticmethod
    def from_file(path: os.PathLike | str | bytes) -> Scenario:
        """
        Read and validate a scenario file.
        """
    @staticmethod
    def from_json(text: str) -> Scenario:
        """
        Parse and validate JSON text; raises ValidationError listing every problem.
        """
    def __copy__(self) -> Scenario:
        ...
    def __deepcopy__(self, memo: dict) -> Scenario:
        ...
    def __eq__(self, arg0: Scenario) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The scenario as a dict of plain Python values.
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
        """
        The scenario as JSON text (lossless).
        """
    def workload_of(self, environment: Environment) -> Workload:
        """
        The workload an environment serves.
        """
    @property
    def sources(self) -> dict[str, str]:
        ...
    @sources.setter
    def sources(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
class PeakDemand:
    """
    Peak rates of each load driver.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: PeakDemand) -> bool:
        ...
    @property
    def api_rate_per_s(self) -> float:
        ...
    @property
    def api_service_s(self) -> float:
        ...
    @property
    def api_stream_hold_s(self) -> float:
        ...
    @property
    def document_ingestion_rate_per_s(self) -> float:
        ...
    @property
    def outbound_request_rate_per_s(self) -> float:
        ...
    @property
    def plugin_call_rate_per_s(self) -> float:
        ...
    @property
    def sandbox_execution_rate_per_s(self) -> float:
        ...
    @property
    def worker_task_rate_per_s(self) -> float:
        ...
class ComponentLoad:
    """
    The load one component carries at the peak.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ComponentLoad) -> bool:
        ...
    @property
    def arrival_rate_per_s(self) -> float:
        ...
    @property
    def concurrent_requests(self) -> float:
        ...
    @property
    def derivation(self) -> str:
        ...
    @property
    def hold_s(self) -> float:
        ...
    @property
    def offered_load_erlangs(self) -> float:
        ...
    @property
    def service_s(self) -> float:
        ...
class ComponentPlan:
    """
    Replicas and resources of one component.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ComponentPlan) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def autoscaled(self) -> bool:
        ...
    @property
    def connection_replicas(self) -> int:
        ...
    @property
    def floor_replicas(self) -> int:
        ...
    @property
    def helm_key(self) -> str:
        ...
    @property
    def hpa_max_replicas(self) -> int:
        ...
    @property
    def hpa_min_replicas(self) -> int:
        ...
    @property
    def hpa_reason(self) -> str:
        ...
    @property
    def hpa_target_cpu_utilization_percent(self) -> float:
        ...
    @property
    def kind(self) -> ComponentKind:
        ...
    @property
    def limit_cpu_m(self) -> float:
        ...
    @property
    def limit_memory_mib(self) -> float:
        ...
    @property
    def load(self) -> ComponentLoad:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def queueing_replicas(self) -> int:
        ...
    @property
    def replicas(self) -> int:
        ...
    @property
    def replicas_reason(self) -> str:
        ...
    @property
    def request_cpu_m(self) -> float:
        ...
    @property
    def request_memory_mib(self) -> float:
        ...
    @property
    def resources_reason(self) -> str:
        ...
    @property
    def server_utilization(self) -> float:
        ...
    @property
    def wait_probability(self) -> float:
        ...
class NodeAllocatable:
    """
    What one node offers to pods.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: NodeAllocatable) -> bool:
        ...
    @property
    def allocatable_cpu_m(self) -> float:
        ...
    @property
    def allocatable_memory_mib(self) -> float:
        ...
    @property
    def capacity_cpu_m(self) -> float:
        ...
    @property
    def capacity_memory_mib(self) -> float:
        ...
    @property
    def daemonset_cpu_m(self) -> float:
        ...
    @property
    def daemonset_memory_mib(self) -> float:
        ...
    @property
    def eviction_memory_mib(self) -> float:
        ...
    @property
    def pod_cpu_m(self) -> float:
        ...
    @property
    def pod_memory_mib(self) -> float:
        ...
    @property
    def pod_slots(self) -> int:
        ...
    @property
    def reserved_cpu_m(self) -> float:
        ...
    @property
    def reserved_memory_mib(self) -> float:
        ...
class NodeUsage:
    """
    Pods placed on one node and the room left.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: NodeUsage) -> bool:
        ...
    @property
    def free_cpu_m(self) -> float:
        ...
    @property
    def free_memory_mib(self) -> float:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def limit_cpu_m(self) -> float:
        ...
    @property
    def limit_memory_mib(self) -> float:
        ...
    @property
    def packed_cpu_m(self) -> float:
        ...
    @property
    def packed_memory_mib(self) -> float:
        ...
    @property
    def pods(self) -> list[str]:
        ...
    @property
    def request_cpu_m(self) -> float:
        ...
    @property
    def request_memory_mib(self) -> float:
        ...
class NodePlan:
    """
    Worker nodes: type, count, packing and cost.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: NodePlan) -> bool:
        ...
    @property
    def allocatable(self) -> NodeAllocatable:
        ...
    @property
    def cost_reason(self) -> str:
        ...
    @property
    def cost_usd_month(self) -> float:
        ...
    @property
    def count(self) -> int:
        ...
    @property
    def count_reason(self) -> str:
        ...
    @property
    def node_type(self) -> NodeType:
        ...
    @property
    def nodes(self) -> list[NodeUsage]:
        ...
    @property
    def packed_by(self) -> PackingMeasure:
        ...
    @property
    def steady_state_count(self) -> int:
        ...
    @property
    def survives_node_loss(self) -> bool:
        ...
    @property
    def type_reason(self) -> str:
        ...
class ResourceTotals:
    """
    Sums over an environment's pods.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ResourceTotals) -> bool:
        ...
    @property
    def limit_cpu_m(self) -> float:
        ...
    @property
    def limit_memory_mib(self) -> float:
        ...
    @property
    def pods(self) -> int:
        ...
    @property
    def request_cpu_m(self) -> float:
        ...
    @property
    def request_memory_mib(self) -> float:
        ...
    @property
    def spare_cpu_m(self) -> float:
        ...
    @property
    def spare_memory_mib(self) -> float:
        ...
class TierRecommendation:
    """
    The preset that covers the plan.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: TierRecommendation) -> bool:
        ...
    @property
    def custom(self) -> bool:
        ...
    @property
    def exceeded_resource(self) -> str:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def survives_node_loss(self) -> bool:
        ...
    @property
    def tier(self) -> str:
        ...
class EnvironmentPlan:
    """
    The plan of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: EnvironmentPlan) -> bool:
        ...
    def component(self, name: str) -> ComponentPlan:
        ...
    @property
    def components(self) -> list[ComponentPlan]:
        ...
    @property
    def daily_active_users(self) -> float:
        ...
    @property
    def demand(self) -> PeakDemand:
        ...
    @property
    def growth_factor(self) -> float:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def nodes(self) -> NodePlan:
        ...
    @property
    def tier(self) -> TierRecommendation:
        ...
    @property
    def totals(self) -> ResourceTotals:
        ...
    @property
    def warnings(self) -> list[str]:
        ...
class Plan:
    """
    Plans of every environment of a scenario.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Plan) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def environment(self, name: str) -> EnvironmentPlan:
        ...
    def to_dict(self) -> typing.Any:
        """
        The plan as a dict of plain Python values.
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
        """
        The plan as JSON (data/schema/plan.schema.json).
        """
    @property
    def environments(self) -> list[EnvironmentPlan]:
        ...
    @property
    def scenario(self) -> str:
        ...
def builtin_data_file(relative_path: str) -> str:
    """
    Text of a shipped data file, e.g. 'schema/plan.schema.json'.
    """
def builtin_data_file_names() -> list[str]:
    """
    Paths of the shipped data files.
    """
def builtin_scenario_names() -> list[str]:
    """
    Names of the shipped scenarios.
    """
def erlang_b(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex) -> float:
    """
    Blocking probability of M/M/c/c (stable recursion).
    """
def erlang_c(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex) -> float:
    """
    Probability of waiting in M/M/c; needs servers > offered load.
    """
def mean_wait_s(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex, service_s: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Mean queueing delay Wq in M/M/c.
    """
def plan(scenario: Scenario) -> Plan:
    """
    Plan every environment of the scenario (raises PlanningError when impossible).
    """
def plan_environment(scenario: Scenario, environment: Environment) -> EnvironmentPlan:
    """
    Plan one environment of the scenario.
    """
def probability_wait_exceeds(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex, service_s: typing.SupportsFloat | typing.SupportsIndex, wait_s: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    P(wait > wait_s) in M/M/c.
    """
__version__: str = '0.1.0'
