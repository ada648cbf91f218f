"""
tierplan C++ core: scenario model, planner and sizing studies.
"""
from __future__ import annotations
import collections.abc
import enum
import numpy
import numpy.typing
import os
import pandas
import tierplan._autoscaling
import typing
__all__: list[str] = ['BackupPlan', 'BackupPolicy', 'BrokerModel', 'Calibration', 'CapacityResult', 'Catalog', 'CatalogChange', 'Cloud', 'CloudOption', 'Component', 'ComponentCalibration', 'ComponentKind', 'ComponentList', 'ComponentLoad', 'ComponentLogVolume', 'ComponentLogging', 'ComponentPlan', 'ConnectionUse', 'CostItem', 'CostPlan', 'CostPolicy', 'DataPlan', 'DatabaseModel', 'DatastoreKind', 'DatastoreMode', 'DatastoreModeOption', 'DatastoreModel', 'DatastorePolicy', 'DiskType', 'Distribution', 'Environment', 'EnvironmentList', 'EnvironmentPlan', 'EnvironmentPolicy', 'Estimate', 'FieldBounds', 'FixedCluster', 'Growth', 'InClusterPod', 'KnowledgeBase', 'LinearFit', 'LinesByLevel', 'LittleLawFit', 'LoadDriver', 'LogLevel', 'LogPlan', 'LogPolicy', 'MachineShape', 'MachineShapeList', 'MeasuredLoad', 'MeasurementSeries', 'NodeAllocatable', 'NodePlan', 'NodeType', 'NodeTypeList', 'NodeUsage', 'ObjectStorageBackupPlan', 'ObjectStorageBackupPolicy', 'ObjectStoragePlan', 'PackingMeasure', 'ParameterSetting', 'PeakDemand', 'PgOs', 'PgTuneInput', 'PgTuneSettings', 'PgWorkload', 'Plan', 'PostgresBackupPlan', 'PostgresBackupPolicy', 'PostgresPlan', 'Prices', 'PricesList', 'PricingModel', 'QdrantPlan', 'Quantization', 'RankedWarning', 'RedisPlan', 'Region', 'RegionList', 'RequestClass', 'RequestClassList', 'ReservedModel', 'ResourceModel', 'ResourceTotals', 'Retention', 'RetentionClass', 'Rightsizing', 'Scenario', 'SensitivityResult', 'ServerSizing', 'Shortfall', 'SizeSegment', 'SizeSegmentList', 'SourcedValue', 'SpreadPolicy', 'Stack', 'StudyTable', 'TableModel', 'TableModelList', 'TableSize', 'TierPreset', 'TierPresetList', 'TierRecommendation', 'UncertainField', 'UncertaintyResult', 'UnitPrice', 'Uploads', 'UslFit', 'VectorDatatype', 'VectorRecovery', 'VectorStoreBackupPlan', 'VectorStoreBackupPolicy', 'VectorStoreModel', 'WarningRisk', 'Workload', 'builtin_data_file', 'builtin_data_file_names', 'builtin_scenario_names', 'bytes_per_row', 'cache_key_bytes', 'calibrate', 'calibrated_resources', 'calibration_uncertainty', 'canonical_field_path', 'chunks_per_document', 'environment_cost_usd_month', 'erlang_b', 'erlang_c', 'evaluate_points', 'field_bounds', 'fit_components', 'fit_littles_law', 'fit_robust_linear', 'fit_usl', 'get_value', 'max_supported_load', 'mean_wait_s', 'message_bytes', 'min_servers', 'node_allocatable', 'numeric_field_paths', 'percentile_rightsizing', 'pgtune_with_input', 'plan', 'plan_environment', 'plan_on_each_cloud', 'plan_with_each_datastore_mode', 'postgresql_conf', 'probability_wait_exceeds', 'reserved_cpu_m', 'reserved_memory_mib', 'scenario_json_schema', 'sensitivity', 'shortfalls', 'student_t_quantile', 'study_output_columns', 'sweep', 'table_bytes', 'table_rows', 'uncertainty', 'unknown_environment_message', 'validate', 'validate_measurements', 'warning_risk', 'with_value', 'with_values']
class ComponentKind(enum.Enum):
    daemon: typing.ClassVar[ComponentKind]
    service: typing.ClassVar[ComponentKind]
    singleton: typing.ClassVar[ComponentKind]
    worker: typing.ClassVar[ComponentKind]
    @classmethod
    def __new__(cls, value):
        ...
class DatastoreKind(enum.Enum):
    none: typing.ClassVar[DatastoreKind]
    object_storage: typing.ClassVar[DatastoreKind]
    postgres: typing.ClassVar[DatastoreKind]
    redis: typing.ClassVar[DatastoreKind]
    vector_store: typing.ClassVar[DatastoreKind]
    @classmethod
    def __new__(cls, value):
        ...
class DatastoreMode(enum.Enum):
    in_cluster: typing.ClassVar[DatastoreMode]
    managed: typing.ClassVar[DatastoreMode]
    self_managed: typing.ClassVar[DatastoreMode]
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
class Cloud(enum.Enum):
    aws: typing.ClassVar[Cloud]
    azure: typing.ClassVar[Cloud]
    gcp: typing.ClassVar[Cloud]
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
class LogLevel(enum.Enum):
    debug: typing.ClassVar[LogLevel]
    error: typing.ClassVar[LogLevel]
    info: typing.ClassVar[LogLevel]
    warning: typing.ClassVar[LogLevel]
    @classmethod
    def __new__(cls, value):
        ...
class LinesByLevel:
    """
    Log lines at each level (that level alone).
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> LinesByLevel:
        ...
    def __deepcopy__(self, memo: dict) -> LinesByLevel:
        ...
    def __eq__(self, arg0: LinesByLevel) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def at_level(self, level: LogLevel) -> float:
        """
        Lines written at that level and above.
        """
    @property
    def debug(self) -> float:
        ...
    @debug.setter
    def debug(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def error(self) -> float:
        ...
    @error.setter
    def error(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def info(self) -> float:
        ...
    @info.setter
    def info(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def warning(self) -> float:
        ...
    @warning.setter
    def warning(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class ComponentLogging:
    """
    How much one component logs.
    """
    __hash__: typing.ClassVar[None] = None
    lines_per_replica_per_hour: LinesByLevel
    lines_per_unit: LinesByLevel
    def __copy__(self) -> ComponentLogging:
        ...
    def __deepcopy__(self, memo: dict) -> ComponentLogging:
        ...
    def __eq__(self, arg0: ComponentLogging) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def access_bytes_per_line(self) -> float:
        ...
    @access_bytes_per_line.setter
    def access_bytes_per_line(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def access_lines_per_unit(self) -> float:
        ...
    @access_lines_per_unit.setter
    def access_lines_per_unit(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def audit_bytes_per_line(self) -> float:
        ...
    @audit_bytes_per_line.setter
    def audit_bytes_per_line(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def audit_lines_per_unit(self) -> float:
        ...
    @audit_lines_per_unit.setter
    def audit_lines_per_unit(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def bytes_per_line(self) -> float:
        ...
    @bytes_per_line.setter
    def bytes_per_line(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class MeasuredLoad:
    """
    The load a calibrated resource model was measured at: a plan sizing a replica beyond warn_beyond_multiple x max_rate_per_s warns.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> MeasuredLoad:
        ...
    def __deepcopy__(self, memo: dict) -> MeasuredLoad:
        ...
    def __eq__(self, arg0: MeasuredLoad) -> bool:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, max_rate_per_s: typing.SupportsFloat | typing.SupportsIndex, warn_beyond_multiple: typing.SupportsFloat | typing.SupportsIndex = 2.0) -> None:
        ...
    @property
    def max_rate_per_s(self) -> float:
        ...
    @max_rate_per_s.setter
    def max_rate_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def warn_beyond_multiple(self) -> float:
        ...
    @warn_beyond_multiple.setter
    def warn_beyond_multiple(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Component:
    """
    One deployable component of the stack.
    """
    __hash__: typing.ClassVar[None] = None
    helm_key: str
    in_cluster_for: DatastoreKind
    kind: ComponentKind
    load_driver: LoadDriver
    logging: ComponentLogging
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
    def measured_load(self) -> MeasuredLoad | None:
        """
        Set by calibration (None: the resources are assumed, not measured).
        """
    @measured_load.setter
    def measured_load(self, arg0: MeasuredLoad | None) -> None:
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
class SizeSegment:
    """
    bytes = fixed_bytes + factor * x up to up_to_bytes.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> SizeSegment:
        ...
    def __deepcopy__(self, memo: dict) -> SizeSegment:
        ...
    def __eq__(self, arg0: SizeSegment) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def factor(self) -> float:
        ...
    @factor.setter
    def factor(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def fixed_bytes(self) -> float:
        ...
    @fixed_bytes.setter
    def fixed_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def up_to_bytes(self) -> float:
        ...
    @up_to_bytes.setter
    def up_to_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class SizeSegmentList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: SizeSegment) -> bool:
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
    def __eq__(self, arg0: SizeSegmentList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> SizeSegmentList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> SizeSegment:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: SizeSegmentList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[SizeSegment]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: SizeSegmentList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: SizeSegment) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: SizeSegmentList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: SizeSegment) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: SizeSegment) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: SizeSegmentList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: SizeSegment) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> SizeSegment:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> SizeSegment:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: SizeSegment) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class TableModel:
    """
    Rows and bytes of one growing PostgreSQL table.
    """
    __hash__: typing.ClassVar[None] = None
    name: str
    retention: ...
    segments: SizeSegmentList
    source: str
    def __copy__(self) -> TableModel:
        ...
    def __deepcopy__(self, memo: dict) -> TableModel:
        ...
    def __eq__(self, arg0: TableModel) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def fixed_bytes_per_row(self) -> float:
        ...
    @fixed_bytes_per_row.setter
    def fixed_bytes_per_row(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def fixed_bytes_per_table(self) -> float:
        ...
    @fixed_bytes_per_table.setter
    def fixed_bytes_per_table(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def payload_bytes(self) -> float:
        ...
    @payload_bytes.setter
    def payload_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def payload_bytes_per_chunk_char(self) -> float:
        ...
    @payload_bytes_per_chunk_char.setter
    def payload_bytes_per_chunk_char(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def payload_bytes_per_embedding_dimension(self) -> float:
        ...
    @payload_bytes_per_embedding_dimension.setter
    def payload_bytes_per_embedding_dimension(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def payload_factor(self) -> float:
        ...
    @payload_factor.setter
    def payload_factor(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rows_per_chunk(self) -> float:
        ...
    @rows_per_chunk.setter
    def rows_per_chunk(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rows_per_document(self) -> float:
        ...
    @rows_per_document.setter
    def rows_per_document(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rows_per_request(self) -> dict[str, float]:
        ...
    @rows_per_request.setter
    def rows_per_request(self, arg0: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]) -> None:
        ...
    @property
    def rows_per_upload(self) -> float:
        ...
    @rows_per_upload.setter
    def rows_per_upload(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rows_per_user(self) -> float:
        ...
    @rows_per_user.setter
    def rows_per_user(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class TableModelList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: TableModel) -> bool:
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
    def __eq__(self, arg0: TableModelList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> TableModelList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> TableModel:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: TableModelList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[TableModel]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: TableModelList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: TableModel) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: TableModelList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: TableModel) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: TableModel) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: TableModelList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: TableModel) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> TableModel:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> TableModel:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: TableModel) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class DatabaseModel:
    """
    The stack's PostgreSQL row and query model.
    """
    __hash__: typing.ClassVar[None] = None
    source: str
    tables: TableModelList
    def __copy__(self) -> DatabaseModel:
        ...
    def __deepcopy__(self, memo: dict) -> DatabaseModel:
        ...
    def __eq__(self, arg0: DatabaseModel) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def cpu_ms_per_query(self) -> float:
        ...
    @cpu_ms_per_query.setter
    def cpu_ms_per_query(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def hot_days(self) -> float:
        ...
    @hot_days.setter
    def hot_days(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def memory_mib_per_connection(self) -> float:
        ...
    @memory_mib_per_connection.setter
    def memory_mib_per_connection(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def queries_per_request(self) -> float:
        ...
    @queries_per_request.setter
    def queries_per_request(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def queries_per_worker_task(self) -> float:
        ...
    @queries_per_worker_task.setter
    def queries_per_worker_task(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def wal_bytes_per_written_byte(self) -> float:
        ...
    @wal_bytes_per_written_byte.setter
    def wal_bytes_per_written_byte(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class BrokerModel:
    """
    Redis as Celery broker and cache.
    """
    __hash__: typing.ClassVar[None] = None
    message_segments: SizeSegmentList
    source: str
    def __copy__(self) -> BrokerModel:
        ...
    def __deepcopy__(self, memo: dict) -> BrokerModel:
        ...
    def __eq__(self, arg0: BrokerModel) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def cache_key_bytes(self) -> float:
        ...
    @cache_key_bytes.setter
    def cache_key_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def cache_keys_per_user(self) -> float:
        ...
    @cache_keys_per_user.setter
    def cache_keys_per_user(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def cache_value_bytes(self) -> float:
        ...
    @cache_value_bytes.setter
    def cache_value_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def key_overhead_bytes(self) -> float:
        ...
    @key_overhead_bytes.setter
    def key_overhead_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def key_value_factor(self) -> float:
        ...
    @key_value_factor.setter
    def key_value_factor(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def message_body_factor(self) -> float:
        ...
    @message_body_factor.setter
    def message_body_factor(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def message_overhead_bytes(self) -> float:
        ...
    @message_overhead_bytes.setter
    def message_overhead_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def task_body_bytes(self) -> float:
        ...
    @task_body_bytes.setter
    def task_body_bytes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class VectorStoreModel:
    """
    Payload each vector point carries.
    """
    __hash__: typing.ClassVar[None] = None
    source: str
    def __copy__(self) -> VectorStoreModel:
        ...
    def __deepcopy__(self, memo: dict) -> VectorStoreModel:
        ...
    def __eq__(self, arg0: VectorStoreModel) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def payload_bytes_per_chunk_char(self) -> float:
        ...
    @payload_bytes_per_chunk_char.setter
    def payload_bytes_per_chunk_char(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def payload_bytes_per_point(self) -> float:
        ...
    @payload_bytes_per_point.setter
    def payload_bytes_per_point(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class DatastoreModel:
    """
    How the stack uses its datastores.
    """
    __hash__: typing.ClassVar[None] = None
    broker: BrokerModel
    database: DatabaseModel
    vector_store: VectorStoreModel
    def __copy__(self) -> DatastoreModel:
        ...
    def __deepcopy__(self, memo: dict) -> DatastoreModel:
        ...
    def __eq__(self, arg0: DatastoreModel) -> bool:
        ...
    def __init__(self) -> None:
        ...
class Stack:
    """
    The software stack and its components.
    """
    __hash__: typing.ClassVar[None] = None
    components: ComponentList
    datastores: DatastoreModel
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
class DiskType(enum.Enum):
    hdd: typing.ClassVar[DiskType]
    nvme: typing.ClassVar[DiskType]
    san: typing.ClassVar[DiskType]
    ssd: typing.ClassVar[DiskType]
    @classmethod
    def __new__(cls, value):
        ...
class PgWorkload(enum.Enum):
    desktop: typing.ClassVar[PgWorkload]
    dw: typing.ClassVar[PgWorkload]
    mixed: typing.ClassVar[PgWorkload]
    oltp: typing.ClassVar[PgWorkload]
    web: typing.ClassVar[PgWorkload]
    @classmethod
    def __new__(cls, value):
        ...
class PgOs(enum.Enum):
    linux: typing.ClassVar[PgOs]
    mac: typing.ClassVar[PgOs]
    windows: typing.ClassVar[PgOs]
    @classmethod
    def __new__(cls, value):
        ...
class VectorDatatype(enum.Enum):
    float16: typing.ClassVar[VectorDatatype]
    float32: typing.ClassVar[VectorDatatype]
    uint8: typing.ClassVar[VectorDatatype]
    @classmethod
    def __new__(cls, value):
        ...
class Quantization(enum.Enum):
    binary: typing.ClassVar[Quantization]
    none: typing.ClassVar[Quantization]
    scalar: typing.ClassVar[Quantization]
    @classmethod
    def __new__(cls, value):
        ...
class RetentionClass(enum.Enum):
    horizon: typing.ClassVar[RetentionClass]
    knowledge: typing.ClassVar[RetentionClass]
    messages: typing.ClassVar[RetentionClass]
    workflow_logs: typing.ClassVar[RetentionClass]
    @classmethod
    def __new__(cls, value):
        ...
class DatastorePolicy:
    """
    Topology, replication and headroom of the data plane.
    """
    __hash__: typing.ClassVar[None] = None
    burstable_instances_allowed: bool
    object_storage_mode: DatastoreMode
    postgres_disk: DiskType
    postgres_mode: DatastoreMode
    postgres_standby: bool
    postgres_synchronous: bool
    postgres_workload: PgWorkload
    qdrant_datatype: VectorDatatype
    qdrant_quantization: Quantization
    qdrant_vectors_on_disk: bool
    redis_cluster_mode: bool
    redis_maxmemory_configured: bool
    redis_mode: DatastoreMode
    redis_replica_with_sentinels: bool
    vector_store_mode: DatastoreMode
    def __copy__(self) -> DatastorePolicy:
        ...
    def __deepcopy__(self, memo: dict) -> DatastorePolicy:
        ...
    def __eq__(self, arg0: DatastorePolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def broker_backlog_minutes(self) -> float:
        ...
    @broker_backlog_minutes.setter
    def broker_backlog_minutes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pgbouncer_above_connections(self) -> int:
        ...
    @pgbouncer_above_connections.setter
    def pgbouncer_above_connections(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def postgres_version(self) -> int:
        ...
    @postgres_version.setter
    def postgres_version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def qdrant_min_nodes(self) -> int:
        ...
    @qdrant_min_nodes.setter
    def qdrant_min_nodes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def qdrant_replication_factor(self) -> int:
        ...
    @qdrant_replication_factor.setter
    def qdrant_replication_factor(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def qdrant_shards_per_node(self) -> int:
        ...
    @qdrant_shards_per_node.setter
    def qdrant_shards_per_node(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def storage_headroom_fraction(self) -> float:
        ...
    @storage_headroom_fraction.setter
    def storage_headroom_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class PricingModel(enum.Enum):
    commitment_1yr: typing.ClassVar[PricingModel]
    commitment_3yr: typing.ClassVar[PricingModel]
    on_demand: typing.ClassVar[PricingModel]
    @classmethod
    def __new__(cls, value):
        ...
class CostPolicy:
    """
    How the bill is paid, and the network lines besides nodes and datastores.
    """
    __hash__: typing.ClassVar[None] = None
    pricing: PricingModel
    stateless_on_spot: bool
    def __copy__(self) -> CostPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> CostPolicy:
        ...
    def __eq__(self, arg0: CostPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def load_balancers(self) -> int:
        ...
    @load_balancers.setter
    def load_balancers(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def nat_gateways(self) -> int:
        ...
    @nat_gateways.setter
    def nat_gateways(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def outbound_kib_per_request(self) -> float:
        ...
    @outbound_kib_per_request.setter
    def outbound_kib_per_request(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class LogPolicy:
    """
    Log levels, access and audit logs, retention.
    """
    __hash__: typing.ClassVar[None] = None
    access_log: bool
    audit_log: bool
    level: LogLevel
    def __copy__(self) -> LogPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> LogPolicy:
        ...
    def __eq__(self, arg0: LogPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def component_levels(self) -> dict[str, LogLevel]:
        ...
    @component_levels.setter
    def component_levels(self, arg0: collections.abc.Mapping[str, LogLevel]) -> None:
        ...
    @property
    def retention_days(self) -> float:
        ...
    @retention_days.setter
    def retention_days(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class VectorRecovery(enum.Enum):
    rebuild: typing.ClassVar[VectorRecovery]
    snapshot: typing.ClassVar[VectorRecovery]
    @classmethod
    def __new__(cls, value):
        ...
class PostgresBackupPolicy:
    """
    Full backups, WAL archiving and retention (pgBackRest).
    """
    __hash__: typing.ClassVar[None] = None
    wal_archiving: bool
    def __copy__(self) -> PostgresBackupPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> PostgresBackupPolicy:
        ...
    def __eq__(self, arg0: PostgresBackupPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def archive_timeout_s(self) -> float:
        ...
    @archive_timeout_s.setter
    def archive_timeout_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def compression_ratio(self) -> float:
        ...
    @compression_ratio.setter
    def compression_ratio(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def full_backup_interval_days(self) -> float:
        ...
    @full_backup_interval_days.setter
    def full_backup_interval_days(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def restore_mib_per_s(self) -> float:
        ...
    @restore_mib_per_s.setter
    def restore_mib_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def retention_full(self) -> int:
        ...
    @retention_full.setter
    def retention_full(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def wal_replay_mib_per_s(self) -> float:
        ...
    @wal_replay_mib_per_s.setter
    def wal_replay_mib_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class ObjectStorageBackupPolicy:
    """
    Object versioning and its lifecycle rule.
    """
    __hash__: typing.ClassVar[None] = None
    versioning: bool
    def __copy__(self) -> ObjectStorageBackupPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> ObjectStorageBackupPolicy:
        ...
    def __eq__(self, arg0: ObjectStorageBackupPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def daily_overwrite_fraction(self) -> float:
        ...
    @daily_overwrite_fraction.setter
    def daily_overwrite_fraction(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def noncurrent_version_expiration_days(self) -> float:
        ...
    @noncurrent_version_expiration_days.setter
    def noncurrent_version_expiration_days(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class VectorStoreBackupPolicy:
    """
    Vector store snapshots or a rebuild from the documents.
    """
    __hash__: typing.ClassVar[None] = None
    method: VectorRecovery
    def __copy__(self) -> VectorStoreBackupPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> VectorStoreBackupPolicy:
        ...
    def __eq__(self, arg0: VectorStoreBackupPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def embedding_chunks_per_s(self) -> float:
        ...
    @embedding_chunks_per_s.setter
    def embedding_chunks_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def snapshot_interval_hours(self) -> float:
        ...
    @snapshot_interval_hours.setter
    def snapshot_interval_hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def snapshot_restore_mib_per_s(self) -> float:
        ...
    @snapshot_restore_mib_per_s.setter
    def snapshot_restore_mib_per_s(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def snapshots_kept(self) -> int:
        ...
    @snapshots_kept.setter
    def snapshots_kept(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class BackupPolicy:
    """
    Backups of every datastore and their targets.
    """
    __hash__: typing.ClassVar[None] = None
    helm_values_in_version_control: bool
    object_storage: ObjectStorageBackupPolicy
    postgres: PostgresBackupPolicy
    vector_store: VectorStoreBackupPolicy
    def __copy__(self) -> BackupPolicy:
        ...
    def __deepcopy__(self, memo: dict) -> BackupPolicy:
        ...
    def __eq__(self, arg0: BackupPolicy) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def rpo_target_minutes(self) -> float:
        ...
    @rpo_target_minutes.setter
    def rpo_target_minutes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rto_target_minutes(self) -> float:
        ...
    @rto_target_minutes.setter
    def rto_target_minutes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class EnvironmentPolicy:
    """
    The risk model of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    backups: BackupPolicy
    cloud: Cloud
    cost: CostPolicy
    datastores: DatastorePolicy
    logs: LogPolicy
    node_loss_pack_by: PackingMeasure
    node_type: str
    pack_by: PackingMeasure
    region: str
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
    def max_capacity_share_per_node(self) -> float:
        ...
    @max_capacity_share_per_node.setter
    def max_capacity_share_per_node(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
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
class MachineShape:
    """
    A datastore machine shape.
    """
    __hash__: typing.ClassVar[None] = None
    as_of: str
    burstable: bool
    cloud: str
    name: str
    source: str
    def __copy__(self) -> MachineShape:
        ...
    def __deepcopy__(self, memo: dict) -> MachineShape:
        ...
    def __eq__(self, arg0: MachineShape) -> bool:
        ...
    def __init__(self) -> None:
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
    def replicated_price_usd_per_hour(self) -> float:
        ...
    @replicated_price_usd_per_hour.setter
    def replicated_price_usd_per_hour(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def vcpu(self) -> int:
        ...
    @vcpu.setter
    def vcpu(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class MachineShapeList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self, x: MachineShape) -> bool:
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
    def __eq__(self, arg0: MachineShapeList) -> bool:
        ...
    @typing.overload
    def __getitem__(self, s: slice) -> MachineShapeList:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> MachineShape:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: MachineShapeList) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[MachineShape]:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: MachineShapeList) -> bool:
        ...
    @typing.overload
    def __setitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: MachineShape) -> None:
        ...
    @typing.overload
    def __setitem__(self, arg0: slice, arg1: MachineShapeList) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self, x: MachineShape) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self) -> None:
        """
        Clear the contents
        """
    def count(self, x: MachineShape) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self, L: MachineShapeList) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self, L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self, i: typing.SupportsInt | typing.SupportsIndex, x: MachineShape) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self) -> MachineShape:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self, i: typing.SupportsInt | typing.SupportsIndex) -> MachineShape:
        """
        Remove and return the item at index ``i``
        """
    def remove(self, x: MachineShape) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class UnitPrice:
    """
    One price with its source and date.
    """
    __hash__: typing.ClassVar[None] = None
    as_of: str
    source: str
    def __copy__(self) -> UnitPrice:
        ...
    def __deepcopy__(self, memo: dict) -> UnitPrice:
        ...
    def __eq__(self, arg0: UnitPrice) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def usd(self) -> float:
        ...
    @usd.setter
    def usd(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class SourcedValue:
    """
    A figure of a cloud other than a price (a limit, a default, a discount) with its source and date.
    """
    __hash__: typing.ClassVar[None] = None
    as_of: str
    source: str
    def __copy__(self) -> SourcedValue:
        ...
    def __deepcopy__(self, memo: dict) -> SourcedValue:
        ...
    def __eq__(self, arg0: SourcedValue) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def value(self) -> float:
        ...
    @value.setter
    def value(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Prices:
    """
    Storage, log, network and control-plane prices of one cloud, listed for one region, with its services' limits and its discounts.
    """
    __hash__: typing.ClassVar[None] = None
    backup_storage_usd_per_gib_month: UnitPrice
    block_storage_usd_per_gib_month: UnitPrice
    block_volume_max_gib: SourcedValue
    cloud: str
    commitment_1yr_discount_percent: SourcedValue
    commitment_3yr_discount_percent: SourcedValue
    control_plane_usd_per_hour: UnitPrice
    database_storage_usd_per_gib_month: UnitPrice
    internet_egress_usd_per_gib: UnitPrice
    load_balancer_usd_per_hour: UnitPrice
    log_ingestion_usd_per_gib: UnitPrice
    log_storage_usd_per_gib_month: UnitPrice
    nat_data_processing_usd_per_gib: UnitPrice
    nat_gateway_usd_per_hour: UnitPrice
    node_root_volume_gib: SourcedValue
    object_storage_usd_per_gib_month: UnitPrice
    postgres_backup_free_storage_percent: SourcedValue
    postgres_backup_retention_max_days: SourcedValue
    postgres_max_storage_gib: SourcedValue
    redis_max_memory_gib: SourcedValue
    redis_reserved_memory_percent: SourcedValue
    region: str
    spot_discount_percent: SourcedValue
    def __copy__(self) -> Prices:
        ...
    def __deepcopy__(self, memo: dict) -> Prices:
        ...
    def __eq__(self, arg0: Prices) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the Prices.
        """
class PricesList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self: collections.abc.Sequence[Prices]) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self: collections.abc.Sequence[Prices], x: Prices) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self: collections.abc.Sequence[Prices], arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self: collections.abc.Sequence[Prices], arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self: collections.abc.Sequence[Prices], arg0: collections.abc.Sequence[Prices]) -> bool:
        ...
    @typing.overload
    def __getitem__(self: collections.abc.Sequence[Prices], s: slice) -> list[Prices]:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self: collections.abc.Sequence[Prices], arg0: typing.SupportsInt | typing.SupportsIndex) -> Prices:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: collections.abc.Sequence[Prices]) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self: collections.abc.Sequence[Prices]) -> collections.abc.Iterator[Prices]:
        ...
    def __len__(self: collections.abc.Sequence[Prices]) -> int:
        ...
    def __ne__(self: collections.abc.Sequence[Prices], arg0: collections.abc.Sequence[Prices]) -> bool:
        ...
    @typing.overload
    def __setitem__(self: collections.abc.Sequence[Prices], arg0: typing.SupportsInt | typing.SupportsIndex, arg1: Prices) -> None:
        ...
    @typing.overload
    def __setitem__(self: collections.abc.Sequence[Prices], arg0: slice, arg1: collections.abc.Sequence[Prices]) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self: collections.abc.Sequence[Prices], x: Prices) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self: collections.abc.Sequence[Prices]) -> None:
        """
        Clear the contents
        """
    def count(self: collections.abc.Sequence[Prices], x: Prices) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self: collections.abc.Sequence[Prices], L: collections.abc.Sequence[Prices]) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self: collections.abc.Sequence[Prices], L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self: collections.abc.Sequence[Prices], i: typing.SupportsInt | typing.SupportsIndex, x: Prices) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self: collections.abc.Sequence[Prices]) -> Prices:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self: collections.abc.Sequence[Prices], i: typing.SupportsInt | typing.SupportsIndex) -> Prices:
        """
        Remove and return the item at index ``i``
        """
    def remove(self: collections.abc.Sequence[Prices], x: Prices) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class Region:
    """
    A region of a cloud with the factor its prices differ from the listed region's by.
    """
    __hash__: typing.ClassVar[None] = None
    as_of: str
    cloud: str
    name: str
    source: str
    def __copy__(self) -> Region:
        ...
    def __deepcopy__(self, memo: dict) -> Region:
        ...
    def __eq__(self, arg0: Region) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def price_factor(self) -> float:
        ...
    @price_factor.setter
    def price_factor(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class RegionList:
    __hash__: typing.ClassVar[None] = None
    def __bool__(self: collections.abc.Sequence[Region]) -> bool:
        """
        Check whether the list is nonempty
        """
    def __contains__(self: collections.abc.Sequence[Region], x: Region) -> bool:
        """
        Return true the container contains ``x``
        """
    @typing.overload
    def __delitem__(self: collections.abc.Sequence[Region], arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Delete the list elements at index ``i``
        """
    @typing.overload
    def __delitem__(self: collections.abc.Sequence[Region], arg0: slice) -> None:
        """
        Delete list elements using a slice object
        """
    def __eq__(self: collections.abc.Sequence[Region], arg0: collections.abc.Sequence[Region]) -> bool:
        ...
    @typing.overload
    def __getitem__(self: collections.abc.Sequence[Region], s: slice) -> list[Region]:
        """
        Retrieve list elements using a slice object
        """
    @typing.overload
    def __getitem__(self: collections.abc.Sequence[Region], arg0: typing.SupportsInt | typing.SupportsIndex) -> Region:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, arg0: collections.abc.Sequence[Region]) -> None:
        """
        Copy constructor
        """
    @typing.overload
    def __init__(self, arg0: collections.abc.Iterable) -> None:
        ...
    def __iter__(self: collections.abc.Sequence[Region]) -> collections.abc.Iterator[Region]:
        ...
    def __len__(self: collections.abc.Sequence[Region]) -> int:
        ...
    def __ne__(self: collections.abc.Sequence[Region], arg0: collections.abc.Sequence[Region]) -> bool:
        ...
    @typing.overload
    def __setitem__(self: collections.abc.Sequence[Region], arg0: typing.SupportsInt | typing.SupportsIndex, arg1: Region) -> None:
        ...
    @typing.overload
    def __setitem__(self: collections.abc.Sequence[Region], arg0: slice, arg1: collections.abc.Sequence[Region]) -> None:
        """
        Assign list elements using a slice object
        """
    def append(self: collections.abc.Sequence[Region], x: Region) -> None:
        """
        Add an item to the end of the list
        """
    def clear(self: collections.abc.Sequence[Region]) -> None:
        """
        Clear the contents
        """
    def count(self: collections.abc.Sequence[Region], x: Region) -> int:
        """
        Return the number of times ``x`` appears in the list
        """
    @typing.overload
    def extend(self: collections.abc.Sequence[Region], L: collections.abc.Sequence[Region]) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    @typing.overload
    def extend(self: collections.abc.Sequence[Region], L: collections.abc.Iterable) -> None:
        """
        Extend the list by appending all the items in the given list
        """
    def insert(self: collections.abc.Sequence[Region], i: typing.SupportsInt | typing.SupportsIndex, x: Region) -> None:
        """
        Insert an item at a given position.
        """
    @typing.overload
    def pop(self: collections.abc.Sequence[Region]) -> Region:
        """
        Remove and return the last item
        """
    @typing.overload
    def pop(self: collections.abc.Sequence[Region], i: typing.SupportsInt | typing.SupportsIndex) -> Region:
        """
        Remove and return the item at index ``i``
        """
    def remove(self: collections.abc.Sequence[Region], x: Region) -> None:
        """
        Remove the first item from the list whose value is x. It is an error if there is no such item.
        """
class CatalogChange:
    """
    One way a catalog differs from the built-in one.
    """
    __hash__: typing.ClassVar[None] = None
    change: str
    list: str
    name: str
    def __copy__(self) -> CatalogChange:
        ...
    def __deepcopy__(self, memo: dict) -> CatalogChange:
        ...
    def __eq__(self, arg0: CatalogChange) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
class Catalog:
    """
    Node types and datastore shapes to choose from.
    """
    __hash__: typing.ClassVar[None] = None
    cache_shapes: MachineShapeList
    database_shapes: MachineShapeList
    datastore_source: str
    node_types: NodeTypeList
    vector_store_shapes: MachineShapeList
    @staticmethod
    def builtin() -> Catalog:
        """
        The built-in catalog (data/catalogs/builtin.json) a scenario's catalog extends.
        """
    def __copy__(self) -> Catalog:
        ...
    def __deepcopy__(self, memo: dict) -> Catalog:
        ...
    def __eq__(self, arg0: Catalog) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def changes(self) -> list[CatalogChange]:
        """
        How this catalog differs from the built-in one, entry by entry: each entry it overrode, added or (a catalog with "extends": "none") left out.
        """
    def prices_for(self, cloud: str) -> Prices:
        """
        The prices of a cloud (aws, gcp or azure).
        """
    @property
    def prices(self) -> list[Prices]:
        ...
    @prices.setter
    def prices(self, arg0: collections.abc.Sequence[Prices]) -> None:
        ...
    @property
    def regions(self) -> list[Region]:
        ...
    @regions.setter
    def regions(self, arg0: collections.abc.Sequence[Region]) -> None:
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
    def get_value(self, path: str) -> float:
        """
        The value of a numeric field by path (see tierplan.get_value).
        """
    def issues(self) -> list[tuple[str, str]]:
        """
        Every problem as (path, message) pairs; empty when the scenario is valid.
        """
    def to_dict(self) -> typing.Any:
        """
        The scenario as a dict of plain Python values.
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
        """
        The scenario as JSON text (lossless).
        """
    def validate(self) -> None:
        """
        Raises tierplan.ValidationError listing every problem (path and value), as the JSON reader would. plan(), plan_environment() and the studies call it first, so a scenario changed attribute by attribute is checked before anything is computed.
        """
    def with_value(self, path: str, value: typing.SupportsFloat | typing.SupportsIndex) -> Scenario:
        """
        A copy with the field at path set to value (see tierplan.with_value).
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
    def __repr__(self) -> str:
        """
        The key numbers of the PeakDemand.
        """
    @property
    def api_rate_per_s(self) -> float:
        ...
    @property
    def api_service_ms(self) -> float:
        """
        The plan JSON's api_service_ms.
        """
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
    def __repr__(self) -> str:
        """
        The key numbers of the ComponentLoad.
        """
    @property
    def arrival_rate_per_s(self) -> float:
        ...
    @property
    def concurrent_requests(self) -> float:
        ...
    @property
    def derivation(self) -> str:
        """
        Deprecated: use reason.
        """
    @property
    def hold_s(self) -> float:
        """
        Deprecated: use stream_hold_s.
        """
    @property
    def offered_load_erlangs(self) -> float:
        ...
    @property
    def reason(self) -> str:
        """
        The plan JSON's reason.
        """
    @property
    def service_s(self) -> float:
        ...
    @property
    def service_time_ms(self) -> float:
        """
        The plan JSON's service_time_ms.
        """
    @property
    def stream_hold_s(self) -> float:
        """
        The plan JSON's stream_hold_s.
        """
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
        """
        Deprecated: use autoscaling.enabled.
        """
    @property
    def autoscaling(self) -> tierplan._autoscaling.Autoscaling:
        """
        The Horizontal Pod Autoscaler (the plan JSON's autoscaling).
        """
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
        """
        Deprecated: use autoscaling.max_replicas.
        """
    @property
    def hpa_min_replicas(self) -> int:
        """
        Deprecated: use autoscaling.min_replicas.
        """
    @property
    def hpa_reason(self) -> str:
        """
        Deprecated: use autoscaling.reason.
        """
    @property
    def hpa_target_cpu_utilization_percent(self) -> float:
        """
        Deprecated: use autoscaling.target_cpu_utilization_percent.
        """
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
    def on_spot(self) -> bool:
        ...
    @property
    def processes_per_replica(self) -> int:
        ...
    @property
    def processes_reason(self) -> str:
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
        """
        Deprecated: use server_utilization_fraction.
        """
    @property
    def server_utilization_fraction(self) -> float:
        """
        The plan JSON's server_utilization_fraction.
        """
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
    def __repr__(self) -> str:
        """
        The key numbers of the NodeAllocatable.
        """
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
    def __repr__(self) -> str:
        """
        The key numbers of the NodeUsage.
        """
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
    def __repr__(self) -> str:
        """
        The key numbers of the NodePlan.
        """
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
    def count_at_horizon(self) -> int:
        ...
    @property
    def count_reason(self) -> str:
        ...
    @property
    def horizon_reason(self) -> str:
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
    def pool_reason(self) -> str:
        ...
    @property
    def runs_out_month(self) -> int:
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
    def __repr__(self) -> str:
        """
        The key numbers of the ResourceTotals.
        """
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
    def __repr__(self) -> str:
        """
        The key numbers of the TierRecommendation.
        """
    @property
    def custom(self) -> bool:
        ...
    @property
    def exceeded_resource(self) -> str:
        ...
    @property
    def name(self) -> str:
        """
        The plan JSON's name.
        """
    @property
    def reason(self) -> str:
        ...
    @property
    def survives_node_loss(self) -> bool:
        ...
    @property
    def tier(self) -> str:
        """
        Deprecated: use name.
        """
class TableSize:
    """
    Rows and bytes of one table at the horizon.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: TableSize) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the TableSize.
        """
    @property
    def bytes_per_row(self) -> float:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def rows(self) -> float:
        ...
    @property
    def total_bytes(self) -> float:
        ...
    @property
    def total_gib(self) -> float:
        """
        The plan JSON's total_gib.
        """
class ConnectionUse:
    """
    Connections one component may open.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ConnectionUse) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the ConnectionUse.
        """
    @property
    def component(self) -> str:
        ...
    @property
    def per_replica(self) -> int:
        ...
    @property
    def replicas(self) -> int:
        ...
    @property
    def total(self) -> int:
        ...
class PgTuneInput:
    """
    What PGTune is asked.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: PgTuneInput) -> bool:
        ...
    @property
    def disk(self) -> DiskType:
        ...
    @property
    def max_connections(self) -> int:
        ...
    @property
    def memory_mib(self) -> float:
        ...
    @property
    def os(self) -> PgOs:
        ...
    @property
    def postgres_version(self) -> int:
        ...
    @property
    def vcpu(self) -> int:
        ...
    @property
    def workload(self) -> PgWorkload:
        ...
class PgTuneSettings:
    """
    PostgreSQL settings by PGTune's rules.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: PgTuneSettings) -> bool:
        ...
    @property
    def autovacuum_max_workers(self) -> int:
        ...
    @property
    def autovacuum_work_mem_kib(self) -> float:
        ...
    @property
    def checkpoint_completion_target(self) -> float:
        ...
    @property
    def default_statistics_target(self) -> int:
        ...
    @property
    def effective_cache_size_kib(self) -> float:
        ...
    @property
    def effective_io_concurrency(self) -> int:
        ...
    @property
    def huge_pages(self) -> str:
        ...
    @property
    def io_method(self) -> str:
        ...
    @property
    def io_workers(self) -> int:
        ...
    @property
    def jit(self) -> str:
        ...
    @property
    def maintenance_work_mem_kib(self) -> float:
        ...
    @property
    def max_connections(self) -> int:
        ...
    @property
    def max_parallel_maintenance_workers(self) -> int:
        ...
    @property
    def max_parallel_workers(self) -> int:
        ...
    @property
    def max_parallel_workers_per_gather(self) -> int:
        ...
    @property
    def max_wal_senders(self) -> int:
        ...
    @property
    def max_wal_size_kib(self) -> float:
        ...
    @property
    def max_worker_processes(self) -> int:
        ...
    @property
    def min_wal_size_kib(self) -> float:
        ...
    @property
    def parallel_settings(self) -> bool:
        ...
    @property
    def random_page_cost(self) -> float:
        ...
    @property
    def shared_buffers_kib(self) -> float:
        ...
    @property
    def wal_buffers_kib(self) -> float:
        ...
    @property
    def wal_compression(self) -> str:
        ...
    @property
    def wal_level(self) -> str:
        ...
    @property
    def warnings(self) -> list[str]:
        ...
    @property
    def work_mem_kib(self) -> float:
        ...
class ParameterSetting:
    """
    One setting of a managed service's parameter group.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ParameterSetting) -> bool:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def value(self) -> str:
        ...
class PostgresPlan:
    """
    PostgreSQL: storage, connections, shape, settings.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: PostgresPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the PostgresPlan.
        """
    def postgresql_conf(self) -> str:
        """
        The postgresql.conf fragment (PGTune's rules for the policy's postgres_workload and postgres_version).
        """
    def settings_text(self) -> str:
        """
        What to apply: a managed instance's parameter group, else the postgresql.conf fragment.
        """
    @property
    def client_connections(self) -> int:
        ...
    @property
    def connections(self) -> list[ConnectionUse]:
        ...
    @property
    def cpu_needed_cores(self) -> float:
        ...
    @property
    def data_gib(self) -> float:
        ...
    @property
    def max_connections(self) -> int:
        ...
    @property
    def max_connections_reason(self) -> str:
        ...
    @property
    def max_storage_gib(self) -> float:
        ...
    @property
    def max_storage_source(self) -> str:
        ...
    @property
    def memory_needed_gib(self) -> float:
        ...
    @property
    def parameter_group(self) -> list[ParameterSetting]:
        ...
    @property
    def parameter_group_reason(self) -> str:
        ...
    @property
    def pgbouncer(self) -> bool:
        ...
    @property
    def pgbouncer_default_pool_size(self) -> int:
        ...
    @property
    def pgbouncer_max_client_conn(self) -> int:
        ...
    @property
    def pgbouncer_reason(self) -> str:
        ...
    @property
    def query_rate_per_s(self) -> float:
        ...
    @property
    def reserved_connections(self) -> int:
        ...
    @property
    def service_default_max_connections(self) -> int:
        ...
    @property
    def settings(self) -> PgTuneSettings:
        ...
    @property
    def shape(self) -> MachineShape:
        ...
    @property
    def shape_reason(self) -> str:
        ...
    @property
    def storage_gib(self) -> float:
        ...
    @property
    def storage_reason(self) -> str:
        ...
    @property
    def tables(self) -> list[TableSize]:
        ...
    @property
    def topology(self) -> str:
        ...
    @property
    def topology_reason(self) -> str:
        ...
    @property
    def tune_input(self) -> PgTuneInput:
        ...
    @property
    def wal_gib(self) -> float:
        ...
    @property
    def written_gib_per_day(self) -> float:
        ...
class RedisPlan:
    """
    Redis: memory, maxmemory, maxclients, topology.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: RedisPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the RedisPlan.
        """
    @property
    def broker_backlog_messages(self) -> float:
        ...
    @property
    def broker_bytes(self) -> float:
        ...
    @property
    def broker_mib(self) -> float:
        """
        The plan JSON's broker_mib.
        """
    @property
    def cache_bytes(self) -> float:
        ...
    @property
    def cache_keys(self) -> float:
        ...
    @property
    def cache_mib(self) -> float:
        """
        The plan JSON's cache_mib.
        """
    @property
    def horizon_task_rate_per_s(self) -> float:
        ...
    @property
    def instance_memory_gib(self) -> float:
        ...
    @property
    def maxclients(self) -> int:
        ...
    @property
    def maxclients_reason(self) -> str:
        ...
    @property
    def maxmemory_mib(self) -> float:
        ...
    @property
    def memory_reason(self) -> str:
        ...
    @property
    def outage_minutes_held(self) -> float:
        ...
    @property
    def reserved_memory_fraction(self) -> float:
        ...
    @property
    def shape(self) -> MachineShape:
        ...
    @property
    def topology(self) -> str:
        ...
    @property
    def topology_reason(self) -> str:
        ...
    @property
    def used_memory_mib(self) -> float:
        ...
class QdrantPlan:
    """
    Qdrant: points, memory, nodes, disk.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: QdrantPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the QdrantPlan.
        """
    @property
    def chunks_per_document(self) -> float:
        ...
    @property
    def disk_per_node_gib(self) -> float:
        ...
    @property
    def disk_total_gib(self) -> float:
        ...
    @property
    def docs_rule_memory_gib(self) -> float:
        ...
    @property
    def hnsw_bytes(self) -> float:
        ...
    @property
    def hnsw_gib(self) -> float:
        """
        The plan JSON's hnsw_gib.
        """
    @property
    def id_tracker_bytes(self) -> float:
        ...
    @property
    def id_tracker_gib(self) -> float:
        """
        The plan JSON's id_tracker_gib.
        """
    @property
    def nodes(self) -> int:
        ...
    @property
    def payload_bytes(self) -> float:
        ...
    @property
    def payload_gib(self) -> float:
        """
        The plan JSON's payload_gib.
        """
    @property
    def points(self) -> float:
        ...
    @property
    def quantized_bytes(self) -> float:
        ...
    @property
    def quantized_gib(self) -> float:
        """
        The plan JSON's quantized_gib.
        """
    @property
    def ram_per_node_gib(self) -> float:
        ...
    @property
    def ram_total_gib(self) -> float:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def replication_factor(self) -> int:
        ...
    @property
    def shape(self) -> MachineShape:
        ...
    @property
    def shards(self) -> int:
        ...
    @property
    def vector_bytes(self) -> float:
        ...
    @property
    def vector_gib(self) -> float:
        """
        The plan JSON's vector_gib.
        """
class ObjectStoragePlan:
    """
    Object storage by what it holds.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ObjectStoragePlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the ObjectStoragePlan.
        """
    @property
    def documents_gib(self) -> float:
        ...
    @property
    def plugin_packages_gib(self) -> float:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def total_gib(self) -> float:
        ...
    @property
    def uploads_gib(self) -> float:
        ...
    @property
    def versions_gib(self) -> float:
        ...
class InClusterPod:
    """
    A datastore run in the cluster: a StatefulSet's pods on the nodes.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: InClusterPod) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the InClusterPod.
        """
    @property
    def limit_cpu_m(self) -> float:
        ...
    @property
    def limit_memory_mib(self) -> float:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def replicas(self) -> int:
        ...
    @property
    def request_cpu_m(self) -> float:
        ...
    @property
    def request_memory_mib(self) -> float:
        ...
    @property
    def volume_gib(self) -> float:
        ...
class DataPlan:
    """
    The data plane of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: DataPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the DataPlan.
        """
    @property
    def in_cluster_pods(self) -> list[InClusterPod]:
        ...
    @property
    def object_storage(self) -> ObjectStoragePlan:
        ...
    @property
    def postgres(self) -> PostgresPlan:
        ...
    @property
    def qdrant(self) -> QdrantPlan:
        ...
    @property
    def redis(self) -> RedisPlan:
        ...
    @property
    def warnings(self) -> list[str]:
        ...
class ComponentLogVolume:
    """
    Log volume of one component.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ComponentLogVolume) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the ComponentLogVolume.
        """
    @property
    def access_lines_per_day(self) -> float:
        ...
    @property
    def app_lines_per_day(self) -> float:
        ...
    @property
    def audit_lines_per_day(self) -> float:
        ...
    @property
    def component(self) -> str:
        ...
    @property
    def gib_per_day(self) -> float:
        ...
    @property
    def level(self) -> LogLevel:
        ...
    @property
    def level_overridden(self) -> bool:
        ...
    @property
    def units_per_day(self) -> float:
        ...
class LogPlan:
    """
    Log volume, retention and storage of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: LogPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the LogPlan.
        """
    @property
    def access_gib_per_day(self) -> float:
        ...
    @property
    def access_log(self) -> bool:
        ...
    @property
    def app_gib_per_day(self) -> float:
        ...
    @property
    def audit_gib_per_day(self) -> float:
        ...
    @property
    def audit_log(self) -> bool:
        ...
    @property
    def components(self) -> list[ComponentLogVolume]:
        ...
    @property
    def gib_per_day(self) -> float:
        ...
    @property
    def level(self) -> LogLevel:
        ...
    @property
    def retention_days(self) -> float:
        ...
    @property
    def stored_gib(self) -> float:
        ...
    @property
    def stored_reason(self) -> str:
        ...
    @property
    def volume_reason(self) -> str:
        ...
class PostgresBackupPlan:
    """
    PostgreSQL backups: repository, RPO and RTO.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: PostgresBackupPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the PostgresBackupPlan.
        """
    @property
    def full_backup_gib(self) -> float:
        ...
    @property
    def full_backup_reason(self) -> str:
        ...
    @property
    def full_backups_kept(self) -> int:
        ...
    @property
    def point_in_time_recovery(self) -> bool:
        ...
    @property
    def repository_gib(self) -> float:
        ...
    @property
    def repository_reason(self) -> str:
        ...
    @property
    def retention_days(self) -> float:
        ...
    @property
    def rpo_minutes(self) -> float:
        ...
    @property
    def rpo_reason(self) -> str:
        ...
    @property
    def rto_minutes(self) -> float:
        ...
    @property
    def rto_reason(self) -> str:
        ...
    @property
    def wal_gib_per_day(self) -> float:
        ...
    @property
    def wal_reason(self) -> str:
        ...
    @property
    def written_gib_per_day(self) -> float:
        ...
class ObjectStorageBackupPlan:
    """
    Object versions kept by the lifecycle rule.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ObjectStorageBackupPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the ObjectStorageBackupPlan.
        """
    @property
    def noncurrent_version_gib(self) -> float:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def versioning(self) -> bool:
        ...
class VectorStoreBackupPlan:
    """
    Vector store recovery: snapshots or a rebuild.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: VectorStoreBackupPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the VectorStoreBackupPlan.
        """
    @property
    def method(self) -> VectorRecovery:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def rebuild_minutes(self) -> float:
        ...
    @property
    def recommended(self) -> VectorRecovery:
        ...
    @property
    def recovery_minutes(self) -> float:
        ...
    @property
    def rpo_minutes(self) -> float:
        ...
    @property
    def snapshot_gib(self) -> float:
        ...
    @property
    def snapshot_storage_gib(self) -> float:
        ...
class BackupPlan:
    """
    Backups of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: BackupPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the BackupPlan.
        """
    @property
    def helm_values_in_version_control(self) -> bool:
        ...
    @property
    def object_storage(self) -> ObjectStorageBackupPlan:
        ...
    @property
    def postgres(self) -> PostgresBackupPlan:
        ...
    @property
    def rpo_target_minutes(self) -> float:
        ...
    @property
    def rto_target_minutes(self) -> float:
        ...
    @property
    def storage_gib(self) -> float:
        ...
    @property
    def storage_reason(self) -> str:
        ...
    @property
    def vector_store(self) -> VectorStoreBackupPlan:
        ...
class WarningRisk:
    """
    What a warning puts at risk, most serious first.
    
    Members:
    
      outage
    
      data_loss
    
      errors_under_load
    
      unbounded_growth
    
      other
    """
    __members__: typing.ClassVar[dict[str, WarningRisk]]
    data_loss: typing.ClassVar[WarningRisk]
    errors_under_load: typing.ClassVar[WarningRisk]
    other: typing.ClassVar[WarningRisk]
    outage: typing.ClassVar[WarningRisk]
    unbounded_growth: typing.ClassVar[WarningRisk]
    @typing.overload
    def __eq__(self, other: WarningRisk) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: WarningRisk) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class RankedWarning:
    """
    A warning and the risk it names.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: RankedWarning) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def risk(self) -> WarningRisk:
        ...
    @property
    def text(self) -> str:
        ...
class CostItem:
    """
    One line of the monthly cost.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: CostItem) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the CostItem.
        """
    @property
    def cost_usd_month(self) -> float:
        ...
    @property
    def item(self) -> str:
        ...
    @property
    def quantity(self) -> float:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def unit(self) -> str:
        ...
    @property
    def unit_cost_usd_month(self) -> float:
        ...
class CostPlan:
    """
    Cost per month of one environment, line by line.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: CostPlan) -> bool:
        ...
    def __repr__(self) -> str:
        """
        The key numbers of the CostPlan.
        """
    def item(self, name: str) -> CostItem:
        ...
    @property
    def cloud(self) -> str:
        ...
    @property
    def commitment_discount_fraction(self) -> float:
        ...
    @property
    def items(self) -> list[CostItem]:
        ...
    @property
    def prices_as_of(self) -> str:
        ...
    @property
    def pricing(self) -> str:
        ...
    @property
    def region(self) -> str:
        ...
    @property
    def region_price_factor(self) -> float:
        ...
    @property
    def total_reason(self) -> str:
        ...
    @property
    def total_usd_month(self) -> float:
        ...
    @property
    def total_usd_year(self) -> float:
        ...
class EnvironmentPlan:
    """
    The plan of one environment.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: EnvironmentPlan) -> bool:
        ...
    def __getstate__(self) -> bytes:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: bytes) -> None:
        ...
    def _repr_html_(self) -> str:
        """
        Rich display in Jupyter: the environments side by side (tierplan.reports.html).
        """
    def component(self, name: str) -> ComponentPlan:
        ...
    def key_warnings(self, count: typing.SupportsInt | typing.SupportsIndex = 3) -> list[str]:
        """
        The first `count` of ranked_warnings' texts: what a report's summary shows.
        """
    def ranked_warnings(self) -> list[RankedWarning]:
        """
        The warnings, most serious risk first (outage, data loss, errors under load, unbounded growth); the planner's order within a risk.
        """
    def to_frame(self, table: str = 'components') -> pandas.DataFrame:
        """
        One table of the plan as a tidy pandas DataFrame: "components", "nodes" or "datastores" (tierplan.study.frames.plan_to_frame).
        """
    @property
    def backups(self) -> BackupPlan:
        ...
    @property
    def components(self) -> list[ComponentPlan]:
        ...
    @property
    def cost(self) -> CostPlan:
        ...
    @property
    def daily_active_users(self) -> float:
        ...
    @property
    def data(self) -> DataPlan:
        ...
    @property
    def demand(self) -> PeakDemand:
        """
        Deprecated: use peak_demand.
        """
    @property
    def growth_factor(self) -> float:
        ...
    @property
    def logs(self) -> LogPlan:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def nodes(self) -> NodePlan:
        ...
    @property
    def peak_demand(self) -> PeakDemand:
        """
        The plan JSON's peak_demand.
        """
    @property
    def spot_nodes(self) -> NodePlan:
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
    @staticmethod
    def from_json(text: str) -> Plan:
        """
        The plan JSON (Plan.to_json, `tierplan plan --format json`) read back; raises ValidationError naming every missing or mistyped member.
        """
    def __eq__(self, arg0: Plan) -> bool:
        ...
    def __getstate__(self) -> bytes:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: bytes) -> None:
        ...
    def _repr_html_(self) -> str:
        """
        Rich display in Jupyter: the environments side by side (tierplan.reports.html).
        """
    def environment(self, name: str) -> EnvironmentPlan:
        ...
    def to_dict(self) -> typing.Any:
        """
        The plan as a dict of plain Python values.
        """
    def to_frame(self, table: str = 'components') -> pandas.DataFrame:
        """
        One table of the plan as a tidy pandas DataFrame: "components", "nodes" or "datastores" (tierplan.study.frames.plan_to_frame).
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
class CloudOption:
    """
    One environment on one cloud: its plan, or why there is none.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: CloudOption) -> bool:
        ...
    @property
    def cloud(self) -> Cloud:
        ...
    @property
    def plan(self) -> EnvironmentPlan | None:
        ...
    @property
    def region(self) -> str:
        ...
    @property
    def why_not(self) -> str:
        ...
class DatastoreModeOption:
    """
    One environment with its datastores run one way: its plan, or why there is none.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: DatastoreModeOption) -> bool:
        ...
    @property
    def mode(self) -> DatastoreMode:
        ...
    @property
    def plan(self) -> EnvironmentPlan | None:
        ...
    @property
    def why_not(self) -> str:
        ...
class ServerSizing:
    """
    The fewest servers for a queueing target, and what bound them.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: ServerSizing) -> bool:
        ...
    @property
    def bound_by_wait(self) -> bool:
        ...
    @property
    def servers(self) -> int:
        ...
    @property
    def utilization(self) -> float:
        ...
    @property
    def wait_exceeds_target_probability(self) -> float:
        ...
    @property
    def wait_probability(self) -> float:
        ...
class FieldBounds:
    """
    Valid values of a numeric field.
    """
    def __repr__(self) -> str:
        ...
    @property
    def integer(self) -> bool:
        ...
    @property
    def max(self) -> float:
        ...
    @property
    def min(self) -> float:
        ...
    @property
    def min_exclusive(self) -> bool:
        ...
class StudyTable:
    """
    One row per point: the input fields, then the outputs. Infeasible points have feasible = 0, NaN outputs and their PlanningError message in errors.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def column(self, name: str) -> int:
        """
        Index of a column by name.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        The table as a tidy pandas DataFrame (tierplan.study.table_to_frame).
        """
    @property
    def columns(self) -> list[str]:
        ...
    @property
    def components(self) -> list[str]:
        ...
    @property
    def environment(self) -> str:
        ...
    @property
    def errors(self) -> list[str]:
        ...
    @property
    def input_columns(self) -> int:
        ...
    @property
    def node_types(self) -> list[str]:
        """
        Node type names, indexed by the node_type_index column.
        """
    @property
    def values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        float64 array (points x columns), a read-only view without copy.
        """
class Distribution:
    """
    A distribution of an uncertain field, sampled by its inverse CDF.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def lognormal(median: typing.SupportsFloat | typing.SupportsIndex, sigma: typing.SupportsFloat | typing.SupportsIndex) -> Distribution:
        """
        Lognormal with that median; sigma is the standard deviation of the log.
        """
    @staticmethod
    def normal(mean: typing.SupportsFloat | typing.SupportsIndex, sd: typing.SupportsFloat | typing.SupportsIndex) -> Distribution:
        ...
    @staticmethod
    def triangular(low: typing.SupportsFloat | typing.SupportsIndex, mode: typing.SupportsFloat | typing.SupportsIndex, high: typing.SupportsFloat | typing.SupportsIndex) -> Distribution:
        ...
    @staticmethod
    def uniform(low: typing.SupportsFloat | typing.SupportsIndex, high: typing.SupportsFloat | typing.SupportsIndex) -> Distribution:
        ...
    def __eq__(self, arg0: Distribution) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def cdf(self, x: typing.SupportsFloat | typing.SupportsIndex) -> float:
        ...
    def mean(self) -> float:
        ...
    def quantile(self, p: typing.SupportsFloat | typing.SupportsIndex) -> float:
        ...
    def standard_deviation(self) -> float:
        ...
    @property
    def a(self) -> float:
        ...
    @property
    def b(self) -> float:
        ...
    @property
    def c(self) -> float:
        ...
    @property
    def kind(self) -> str:
        ...
class UncertainField:
    """
    A field path and its distribution.
    """
    def __init__(self, path: str, distribution: Distribution, larger_is_more_load: bool = True, conditioned_on_range: bool = False) -> None:
        ...
    @property
    def conditioned_on_range(self) -> bool:
        """
        An estimate's distribution, sampled conditioned on the field's range (calibration_uncertainty).
        """
    @property
    def distribution(self) -> Distribution:
        ...
    @property
    def larger_is_more_load(self) -> bool:
        ...
    @property
    def path(self) -> str:
        ...
class UncertaintyResult:
    """
    Seeded samples, percentiles of every column, and the plan that covers the chosen percentile of the load.
    """
    @property
    def covering_error(self) -> str:
        ...
    @property
    def covering_plan(self) -> EnvironmentPlan | None:
        ...
    @property
    def covering_reason(self) -> str:
        ...
    @property
    def covering_values(self) -> list[float]:
        ...
    @property
    def feasible_samples(self) -> int:
        ...
    @property
    def percentile_levels(self) -> list[float]:
        ...
    @property
    def percentiles(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        float64 array (levels x samples.columns) over feasible samples.
        """
    @property
    def probability_in_range(self) -> list[float]:
        ...
    @property
    def samples(self) -> StudyTable:
        ...
class SensitivityResult:
    """
    A tornado: each field moved alone, ranked by the swing of rank_by. Matrices are fields x columns.
    """
    @property
    def base(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def base_values(self) -> list[float]:
        ...
    @property
    def change_fraction(self) -> float:
        ...
    @property
    def columns(self) -> list[str]:
        ...
    @property
    def fields(self) -> list[str]:
        ...
    @property
    def given_fields(self) -> list[str]:
        ...
    @property
    def high(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def high_errors(self) -> list[str]:
        ...
    @property
    def high_values(self) -> list[float]:
        ...
    @property
    def low(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def low_errors(self) -> list[str]:
        ...
    @property
    def low_values(self) -> list[float]:
        ...
    @property
    def rank_by(self) -> str:
        ...
    @property
    def swing(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
class FixedCluster:
    """
    A cluster as built; datastore sizes left None are not checked.
    """
    def __init__(self, node_type: str, node_count: typing.SupportsInt | typing.SupportsIndex, *, postgres_vcpu: typing.SupportsFloat | typing.SupportsIndex | None = None, postgres_memory_gib: typing.SupportsFloat | typing.SupportsIndex | None = None, postgres_storage_gib: typing.SupportsFloat | typing.SupportsIndex | None = None, postgres_max_connections: typing.SupportsInt | typing.SupportsIndex | None = None, redis_memory_gib: typing.SupportsFloat | typing.SupportsIndex | None = None, qdrant_nodes: typing.SupportsInt | typing.SupportsIndex | None = None, qdrant_ram_gib_per_node: typing.SupportsFloat | typing.SupportsIndex | None = None, object_storage_gib: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        ...
    @property
    def node_count(self) -> int:
        ...
    @property
    def node_type(self) -> str:
        ...
    @property
    def object_storage_gib(self) -> float | None:
        ...
    @property
    def postgres_max_connections(self) -> int | None:
        ...
    @property
    def postgres_memory_gib(self) -> float | None:
        ...
    @property
    def postgres_storage_gib(self) -> float | None:
        ...
    @property
    def postgres_vcpu(self) -> float | None:
        ...
    @property
    def qdrant_nodes(self) -> int | None:
        ...
    @property
    def qdrant_ram_gib_per_node(self) -> float | None:
        ...
    @property
    def redis_memory_gib(self) -> float | None:
        ...
class Shortfall:
    """
    A need of the plan that the cluster does not meet.
    """
    def __repr__(self) -> str:
        ...
    @property
    def available(self) -> float:
        ...
    @property
    def detail(self) -> str:
        ...
    @property
    def needed(self) -> float:
        ...
    @property
    def resource(self) -> str:
        ...
class CapacityResult:
    """
    The largest value of a load field that a fixed cluster supports.
    """
    @property
    def binding(self) -> list[Shortfall]:
        ...
    @property
    def binding_resource(self) -> str:
        ...
    @property
    def first_failing_value(self) -> float:
        ...
    @property
    def limited_by_field_range(self) -> bool:
        ...
    @property
    def max_value(self) -> float:
        ...
    @property
    def path(self) -> str:
        ...
    @property
    def plan(self) -> EnvironmentPlan | None:
        ...
    @property
    def plans_evaluated(self) -> int:
        ...
    @property
    def reason(self) -> str:
        ...
class MeasurementSeries:
    """
    The samples of one series: one replica (pod) of a component, or a load test of it. Each measured column has one value per timestamp; an unmeasured column is empty.
    """
    __hash__: typing.ClassVar[None] = None
    component: str
    def __copy__(self) -> MeasurementSeries:
        ...
    def __deepcopy__(self, memo: dict) -> MeasurementSeries:
        ...
    def __eq__(self, arg0: MeasurementSeries) -> bool:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, component: str, source: str, timestamp_s: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], *, rate_per_s: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, users: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, in_flight: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, cpu_cores: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, memory_mib: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, latency_s: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def cpu_cores(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        CPU used, in cores.
        """
    @cpu_cores.setter
    def cpu_cores(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
    @property
    def in_flight(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Requests in progress on the replica.
        """
    @in_flight.setter
    def in_flight(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
    @property
    def latency_s(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Mean response time, s.
        """
    @latency_s.setter
    def latency_s(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
    @property
    def memory_mib(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Memory working set, MiB.
        """
    @memory_mib.setter
    def memory_mib(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
    @property
    def rate_per_s(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Requests completed per second.
        """
    @rate_per_s.setter
    def rate_per_s(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
    @property
    def source(self) -> str:
        """
        Where the samples come from (file and labels), named in every error.
        """
    @source.setter
    def source(self, arg0: str) -> None:
        ...
    @property
    def timestamp_s(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Unix seconds, strictly increasing.
        """
    @timestamp_s.setter
    def timestamp_s(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
    @property
    def users(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Concurrent users of a load generator.
        """
    @users.setter
    def users(self, arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> None:
        ...
class Estimate:
    """
    An estimate with its standard error and interval.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> Estimate:
        ...
    def __deepcopy__(self, memo: dict) -> Estimate:
        ...
    def __eq__(self, arg0: Estimate) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def ci_high(self) -> float:
        ...
    @property
    def ci_low(self) -> float:
        ...
    @property
    def standard_error(self) -> float:
        ...
    @property
    def value(self) -> float:
        ...
class LinearFit:
    """
    y = intercept + slope * x, fitted robustly.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> LinearFit:
        ...
    def __deepcopy__(self, memo: dict) -> LinearFit:
        ...
    def __eq__(self, arg0: LinearFit) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @typing.overload
    def at(self, x: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        intercept + slope x at the estimates.
        """
    @typing.overload
    def at(self, x: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
        """
        intercept + slope x at the estimates, for each x.
        """
    @property
    def intercept(self) -> Estimate:
        ...
    @property
    def iterations(self) -> int:
        ...
    @property
    def outliers(self) -> int:
        ...
    @property
    def points(self) -> int:
        ...
    @property
    def r_squared(self) -> float:
        ...
    @property
    def residual_scale(self) -> float:
        ...
    @property
    def slope(self) -> Estimate:
        ...
    @property
    def x_max(self) -> float:
        ...
    @property
    def x_min(self) -> float:
        ...
class LittleLawFit:
    """
    Service time and concurrency by Little's law.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> LittleLawFit:
        ...
    def __deepcopy__(self, memo: dict) -> LittleLawFit:
        ...
    def __eq__(self, arg0: LittleLawFit) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def concurrency_max(self) -> float:
        ...
    @property
    def concurrency_mean(self) -> float:
        ...
    @property
    def concurrency_p95(self) -> float:
        ...
    @property
    def in_flight_measured(self) -> bool:
        ...
    @property
    def points(self) -> int:
        ...
    @property
    def rate_max_per_s(self) -> float:
        ...
    @property
    def rate_min_per_s(self) -> float:
        ...
    @property
    def service_time_s(self) -> Estimate:
        ...
class UslFit:
    """
    X(N) = gamma N / (1 + alpha (N - 1) + beta N (N - 1)), fitted.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> UslFit:
        ...
    def __deepcopy__(self, memo: dict) -> UslFit:
        ...
    def __eq__(self, arg0: UslFit) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def throughput(self, load: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        X(N) at the estimates.
        """
    @typing.overload
    def throughput_high(self, load: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The most X(N) over the box of the confidence intervals.
        """
    @typing.overload
    def throughput_high(self, load: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
        """
        The most X(N) over the box of the confidence intervals, for each N.
        """
    @typing.overload
    def throughput_low(self, load: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The least X(N) over the box of the confidence intervals.
        """
    @typing.overload
    def throughput_low(self, load: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
        """
        The least X(N) over the box of the confidence intervals, for each N.
        """
    @property
    def alpha(self) -> Estimate:
        ...
    @property
    def amdahl_limit(self) -> float | None:
        ...
    @property
    def beta(self) -> Estimate:
        ...
    @property
    def gamma(self) -> Estimate:
        ...
    @property
    def iterations(self) -> int:
        ...
    @property
    def load_levels(self) -> int:
        ...
    @property
    def load_max(self) -> float:
        ...
    @property
    def load_min(self) -> float:
        ...
    @property
    def peak_load(self) -> float | None:
        ...
    @property
    def peak_throughput(self) -> float | None:
        ...
    @property
    def points(self) -> int:
        ...
    @property
    def r_squared(self) -> float:
        ...
    @property
    def residual_standard_error(self) -> float:
        ...
class Rightsizing:
    """
    Percentile rightsizing: CPU at p95, memory at max + 15%.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> Rightsizing:
        ...
    def __deepcopy__(self, memo: dict) -> Rightsizing:
        ...
    def __eq__(self, arg0: Rightsizing) -> bool:
        ...
    def __init__(self) -> None:
        ...
    @property
    def cpu_request_m(self) -> float:
        ...
    @property
    def memory_request_mib(self) -> float:
        ...
    @property
    def points(self) -> int:
        ...
class ComponentCalibration:
    """
    Every fit one component's samples allow.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> ComponentCalibration:
        ...
    def __deepcopy__(self, memo: dict) -> ComponentCalibration:
        ...
    def __eq__(self, arg0: ComponentCalibration) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def component(self) -> str:
        ...
    @property
    def cpu_cores(self) -> LinearFit | None:
        ...
    @property
    def first_timestamp_s(self) -> float:
        """
        The first timestamp of any of the component's series (Unix s).
        """
    @property
    def last_timestamp_s(self) -> float:
        """
        The last timestamp of any of the component's series (Unix s).
        """
    @property
    def littles_law(self) -> LittleLawFit | None:
        ...
    @property
    def memory_mib(self) -> LinearFit | None:
        ...
    @property
    def rightsizing(self) -> Rightsizing | None:
        ...
    @property
    def samples(self) -> int:
        ...
    @property
    def sources(self) -> list[str]:
        ...
    @property
    def usl(self) -> UslFit | None:
        ...
class Calibration:
    """
    A scenario calibrated from measurements, and the fits it was calibrated with.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> Calibration:
        ...
    def __deepcopy__(self, memo: dict) -> Calibration:
        ...
    def __eq__(self, arg0: Calibration) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def calibrated(self) -> list[str]:
        """
        The components whose resource models changed.
        """
    @property
    def components(self) -> list[ComponentCalibration]:
        ...
    @property
    def scenario(self) -> Scenario:
        """
        The input scenario with the fitted resource models and their sources.
        """
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
def bytes_per_row(table: TableModel, payload_bytes: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Bytes one row of the table takes at that payload (tuple, indexes, TOAST).
    """
def cache_key_bytes(broker: BrokerModel, key_bytes: typing.SupportsFloat | typing.SupportsIndex, value_bytes: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Redis bytes per cache key with a TTL.
    """
def calibrate(scenario: Scenario, measurements: collections.abc.Sequence[MeasurementSeries], *, confidence_level: typing.SupportsFloat | typing.SupportsIndex = 0.95, max_iterations: typing.SupportsInt | typing.SupportsIndex = 200, warn_beyond_multiple: typing.SupportsFloat | typing.SupportsIndex = 2.0) -> Calibration:
    """
    Fit every component's measurements and return a Calibration whose scenario has the fitted resource models (and the load they were measured at: a plan beyond warn_beyond_multiple times it warns); every problem in one ValidationError.
    """
def calibrated_resources(model: ResourceModel, fit: ComponentCalibration) -> ResourceModel:
    """
    The resource model with the fitted baselines and costs per request per second.
    """
def calibration_uncertainty(calibration: ...) -> list[UncertainField]:
    """
    The fitted resource parameters as UncertainFields of calibration.scenario (normal, estimate and standard error, conditioned on each field's range), for uncertainty().
    """
def canonical_field_path(scenario: Scenario, path: str) -> str:
    """
    The path with every index as a number, as validation errors spell it.
    """
def chunks_per_document(knowledge_base: KnowledgeBase) -> float:
    """
    Chunks one document is split into.
    """
def environment_cost_usd_month(plan: EnvironmentPlan) -> float:
    """
    Total monthly cost of an environment plan: worker nodes and priced datastores.
    """
def erlang_b(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex) -> float:
    """
    Blocking probability of M/M/c/c (stable recursion).
    """
def erlang_c(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex) -> float:
    """
    Probability of waiting in M/M/c; needs servers > offered load.
    """
def evaluate_points(scenario: Scenario, paths: collections.abc.Sequence[str], points: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], *, environment: str = 'production', threads: typing.SupportsInt | typing.SupportsIndex = 0, progress: collections.abc.Callable[[int, int], None] | None = None) -> StudyTable:
    """
    Plan the environment at given points: row i of points (points x paths) sets each field of paths to its value (any design, not only a grid). environment: the environment planned (default 'production'); threads: 0 for one per core; progress: optional callable(done, total), called on the calling thread about ten times a second and once at the end (e.g. to drive tqdm). The GIL is released while planning.
    """
def field_bounds(scenario: Scenario, path: str) -> FieldBounds:
    """
    The valid range of a numeric field.
    """
def fit_components(series: collections.abc.Sequence[MeasurementSeries], *, confidence_level: typing.SupportsFloat | typing.SupportsIndex = 0.95, max_iterations: typing.SupportsInt | typing.SupportsIndex = 200) -> list[ComponentCalibration]:
    """
    Every fit each component's series allow (resource model, Little's law, USL, rightsizing); every problem in one ValidationError.
    """
def fit_littles_law(rate_per_s: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], *, in_flight: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, latency_s: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None = None, what: str = 'data', confidence_level: typing.SupportsFloat | typing.SupportsIndex = 0.95) -> LittleLawFit:
    """
    Service time and concurrency per replica by Little's law N = X R.
    """
def fit_robust_linear(x: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], y: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], what: str = 'data', *, confidence_level: typing.SupportsFloat | typing.SupportsIndex = 0.95) -> LinearFit:
    """
    Robust line y = intercept + slope x (Huber, then Tukey's bisquare; MAD scale).
    """
def fit_usl(load: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], throughput: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], what: str = 'data', *, confidence_level: typing.SupportsFloat | typing.SupportsIndex = 0.95, max_iterations: typing.SupportsInt | typing.SupportsIndex = 200) -> UslFit:
    """
    The Universal Scalability Law by bounded Levenberg-Marquardt least squares.
    """
def get_value(scenario: Scenario, path: str) -> float:
    """
    The value of a numeric field by path; request classes, environments, node types and components may be named in brackets (workload.requests[chat_message]...).
    """
def max_supported_load(scenario: Scenario, cluster: FixedCluster, *, path: str = 'workload.daily_active_users', environment: str = 'production', relative_tolerance: typing.SupportsFloat | typing.SupportsIndex = 0.001) -> CapacityResult:
    """
    Largest value of the field (default daily active users) whose plan, with the node type fixed to the cluster's, fits the cluster; and what runs out first just above it.
    """
def mean_wait_s(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex, service_s: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Mean queueing delay Wq in M/M/c.
    """
def message_bytes(broker: BrokerModel, body_bytes: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Redis bytes per queued Celery message of that body size.
    """
def min_servers(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, service_s: typing.SupportsFloat | typing.SupportsIndex, wait_target_s: typing.SupportsFloat | typing.SupportsIndex, percentile: typing.SupportsFloat | typing.SupportsIndex, max_utilization: typing.SupportsFloat | typing.SupportsIndex, max_servers: typing.SupportsInt | typing.SupportsIndex) -> ServerSizing | None:
    """
    The fewest servers (M/M/c) with utilisation at most max_utilization and P(wait > wait_target_s) at most 1 - percentile; None when more than max_servers are needed.
    """
def node_allocatable(node_type: NodeType, policy: EnvironmentPolicy) -> NodeAllocatable:
    """
    What one node of the type offers pods under the environment's policy: capacity, the kubelet's reservations (policy.reserved_model), eviction threshold, DaemonSets.
    """
def numeric_field_paths(scenario: Scenario) -> list[str]:
    """
    Every numeric field path of the scenario (e.g. 'workload.daily_active_users').
    """
def percentile_rightsizing(cpu_cores: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], memory_mib: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], what: str = 'data') -> Rightsizing:
    """
    CPU request at the 95th percentile, memory at the maximum plus 15%.
    """
def pgtune_with_input(memory_mib: typing.SupportsFloat | typing.SupportsIndex, vcpu: typing.SupportsInt | typing.SupportsIndex, workload: PgWorkload, postgres_version: typing.SupportsInt | typing.SupportsIndex, disk: DiskType, max_connections: typing.SupportsInt | typing.SupportsIndex, os: PgOs) -> tuple[PgTuneSettings, PgTuneInput]:
    """
    PGTune's settings and the input they answer (ValueError for an input PGTune does not take); tierplan.pgtune is the keyword interface.
    """
def plan(scenario: Scenario, environments: collections.abc.Sequence[str] | None = None) -> Plan:
    """
    Plan every environment of the scenario, or only those named in environments (raises PlanningError when impossible, ValueError for a name that is no environment).
    """
def plan_environment(scenario: Scenario, environment: Environment) -> EnvironmentPlan:
    """
    Plan one environment of the scenario.
    """
def plan_on_each_cloud(scenario: Scenario, environment: str) -> list[CloudOption]:
    """
    The environment planned on aws, gcp and azure (each in the region its catalog prices are listed for): a plan per cloud, or why that cloud cannot be used.
    """
def plan_with_each_datastore_mode(scenario: Scenario, environment: str) -> list[DatastoreModeOption]:
    """
    The environment planned with its datastores managed, in the cluster and self-managed: a plan per way, or why it cannot be used.
    """
def postgresql_conf(input: PgTuneInput, settings: PgTuneSettings) -> str:
    """
    The postgresql.conf fragment PGTune's web tool prints for these inputs.
    """
def probability_wait_exceeds(offered_load_erlangs: typing.SupportsFloat | typing.SupportsIndex, servers: typing.SupportsInt | typing.SupportsIndex, service_s: typing.SupportsFloat | typing.SupportsIndex, wait_s: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    P(wait > wait_s) in M/M/c.
    """
def reserved_cpu_m(vcpu: typing.SupportsInt | typing.SupportsIndex, model: ReservedModel) -> float:
    """
    Kubelet CPU reservation of a node, millicores, by GKE's, EKS's or AKS's formula.
    """
def reserved_memory_mib(memory_gib: typing.SupportsFloat | typing.SupportsIndex, max_pods: typing.SupportsInt | typing.SupportsIndex, model: ReservedModel) -> float:
    """
    Kubelet memory reservation of a node, MiB, by GKE's, EKS's or AKS's formula.
    """
def scenario_json_schema() -> str:
    """
    The JSON Schema (draft 2020-12) of a scenario document, generated from the declaration the JSON reader reads through; shipped as 'schema/scenario.schema.json'.
    """
def sensitivity(scenario: Scenario, paths: collections.abc.Sequence[str], *, change_fraction: typing.SupportsFloat | typing.SupportsIndex = 0.1, rank_by: str = 'cost_usd_month', environment: str = 'production', threads: typing.SupportsInt | typing.SupportsIndex = 0, progress: collections.abc.Callable[[int, int], None] | None = None) -> SensitivityResult:
    """
    Move each field alone by -/+ change_fraction of its value. environment: the environment planned (default 'production'); threads: 0 for one per core; progress: optional callable(done, total), called on the calling thread about ten times a second and once at the end (e.g. to drive tqdm). The GIL is released while planning.
    """
def shortfalls(plan: EnvironmentPlan, cluster: FixedCluster) -> list[Shortfall]:
    """
    The needs of an environment plan that the cluster does not meet.
    """
def student_t_quantile(p: typing.SupportsFloat | typing.SupportsIndex, df: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    The t with P(T <= t) = p for Student's t with df degrees of freedom.
    """
def study_output_columns(scenario: Scenario) -> list[str]:
    """
    Output column names of study tables for this scenario (units in the names).
    """
def sweep(scenario: Scenario, axes: collections.abc.Sequence[tuple[str, collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]]], *, environment: str = 'production', threads: typing.SupportsInt | typing.SupportsIndex = 0, progress: collections.abc.Callable[[int, int], None] | None = None) -> StudyTable:
    """
    Plan the environment over the grid of the axes, a list of (field path, values); the first axis varies slowest. environment: the environment planned (default 'production'); threads: 0 for one per core; progress: optional callable(done, total), called on the calling thread about ten times a second and once at the end (e.g. to drive tqdm). The GIL is released while planning.
    """
def table_bytes(table: TableModel, rows: typing.SupportsFloat | typing.SupportsIndex, payload_bytes: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    Bytes of the table with that many rows of that mean payload.
    """
def table_rows(table: TableModel, workload: Workload) -> float:
    """
    Rows of one table at the end of the planning horizon.
    """
def uncertainty(scenario: Scenario, fields: collections.abc.Sequence[UncertainField], *, samples: typing.SupportsInt | typing.SupportsIndex = 1000, seed: typing.SupportsInt | typing.SupportsIndex = 0, percentiles: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [5.0, 50.0, 95.0], covering_percentile: typing.SupportsFloat | typing.SupportsIndex = 95.0, environment: str = 'production', threads: typing.SupportsInt | typing.SupportsIndex = 0, progress: collections.abc.Callable[[int, int], None] | None = None) -> UncertaintyResult:
    """
    Sample the fields' distributions (truncated to each field's range), plan every sample, and summarise. environment: the environment planned (default 'production'); threads: 0 for one per core; progress: optional callable(done, total), called on the calling thread about ten times a second and once at the end (e.g. to drive tqdm). The GIL is released while planning.
    """
def unknown_environment_message(name: str, known: collections.abc.Sequence[str]) -> str:
    """
    What to say of an environment name that is none of known: the known names and the nearest.
    """
def validate(scenario: Scenario) -> None:
    """
    Raises tierplan.ValidationError listing every problem of the scenario (Scenario.validate).
    """
def validate_measurements(series: collections.abc.Sequence[MeasurementSeries]) -> None:
    """
    Raises ValidationError listing every problem of the series (empty, NaN, negative, timestamps out of order, columns of the wrong length), each named by its source.
    """
def warning_risk(warning: str) -> WarningRisk:
    """
    The risk a warning of the planner names (WarningRisk.other when unknown).
    """
def with_value(scenario: Scenario, path: str, value: typing.SupportsFloat | typing.SupportsIndex) -> Scenario:
    """
    A copy of the scenario with one field set; ValidationError when out of range.
    """
def with_values(scenario: Scenario, paths: collections.abc.Sequence[str], values: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> Scenario:
    """
    A copy with several fields set; every problem in one ValidationError.
    """
__version__: str = '0.1.0'
