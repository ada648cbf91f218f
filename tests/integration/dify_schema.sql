-- Dify's growing tables, simplified for sizing: the columns that take space and the
-- indexes that Dify creates (names and column lists as in api/models/*.py of
-- langgenius/dify 1.x; audit_logs is Dify Enterprise's and not public, modelled on the
-- community edition's operation_logs). Columns that are almost always NULL in practice
-- (error texts, paused_by, archived_*, ...) are kept when Dify has them, because a NULL
-- costs a null-bitmap bit and nothing else; a few rarely used ones are left out.
--
-- Dify declares ids as uuid with a server default (uuid_generate_v4(), or uuidv7() on the
-- newest tables); gen_random_uuid() is the built-in random v4, so ids arrive in random
-- order, as they do in Dify, and the primary-key b-trees split like Dify's.
--
-- Payload columns (the ones the row model scales with; see dify_rows.py) are marked
-- "-- payload".

CREATE TABLE conversations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    app_id uuid NOT NULL,
    app_model_config_id uuid,
    model_provider varchar(255),
    model_id varchar(255),
    mode varchar(255) NOT NULL,
    name varchar(255) NOT NULL,                -- payload
    summary text,                              -- payload
    inputs json,                               -- payload
    introduction text,                         -- payload
    system_instruction text,
    system_instruction_tokens integer NOT NULL DEFAULT 0,
    status varchar(255) NOT NULL,
    invoke_from varchar(255),
    from_source varchar(255) NOT NULL,
    from_end_user_id uuid,
    from_account_id uuid,
    read_at timestamp,
    read_account_id uuid,
    dialogue_count integer NOT NULL DEFAULT 0,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    is_deleted boolean NOT NULL DEFAULT false,
    CONSTRAINT conversation_pkey PRIMARY KEY (id)
);
CREATE INDEX conversation_app_from_user_idx ON conversations (app_id, from_source, from_end_user_id);

CREATE TABLE messages (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    app_id uuid NOT NULL,
    model_provider varchar(255),
    model_id varchar(255),
    override_model_configs text,
    conversation_id uuid NOT NULL,
    inputs json,                               -- payload
    query text NOT NULL,                       -- payload
    message json NOT NULL,                     -- payload (the prompt messages sent to the model)
    message_tokens integer NOT NULL DEFAULT 0,
    message_unit_price numeric(10, 4) NOT NULL,
    message_price_unit numeric(10, 7) NOT NULL DEFAULT 0.001,
    answer text NOT NULL,                      -- payload
    answer_tokens integer NOT NULL DEFAULT 0,
    answer_unit_price numeric(10, 4) NOT NULL,
    answer_price_unit numeric(10, 7) NOT NULL DEFAULT 0.001,
    provider_response_latency double precision NOT NULL DEFAULT 0,
    total_price numeric(10, 7),
    currency varchar(255) NOT NULL,
    from_source varchar(255) NOT NULL,
    from_end_user_id uuid,
    from_account_id uuid,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    agent_based boolean NOT NULL DEFAULT false,
    workflow_run_id uuid,
    status varchar(255) NOT NULL DEFAULT 'normal',
    error text,
    message_metadata text,                     -- payload (usage, retriever resources)
    invoke_from varchar(255),
    parent_message_id uuid,
    app_mode varchar(255),
    CONSTRAINT message_pkey PRIMARY KEY (id)
);
CREATE INDEX message_app_id_idx ON messages (app_id, created_at);
CREATE INDEX message_conversation_id_idx ON messages (conversation_id);
CREATE INDEX message_end_user_idx ON messages (app_id, from_source, from_end_user_id);
CREATE INDEX message_account_idx ON messages (app_id, from_source, from_account_id);
CREATE INDEX message_workflow_run_id_idx ON messages (conversation_id, workflow_run_id);
CREATE INDEX message_created_at_idx ON messages (created_at);

CREATE TABLE workflow_runs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    triggered_from varchar(255) NOT NULL,
    version varchar(255) NOT NULL,
    graph text,                                -- payload (the whole canvas, per run)
    inputs text,                               -- payload
    status varchar(255) NOT NULL,
    outputs text,                              -- payload
    error text,
    elapsed_time double precision NOT NULL DEFAULT 0,
    total_tokens bigint NOT NULL DEFAULT 0,
    total_steps integer DEFAULT 0,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    finished_at timestamp,
    exceptions_count integer DEFAULT 0,
    CONSTRAINT workflow_run_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_run_triggerd_from_idx ON workflow_runs (tenant_id, app_id, triggered_from);

CREATE TABLE workflow_node_executions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    triggered_from varchar(255) NOT NULL,
    workflow_run_id uuid,
    index integer NOT NULL,
    predecessor_node_id varchar(255),
    node_execution_id varchar(255),
    node_id varchar(255) NOT NULL,
    node_type varchar(255) NOT NULL,
    title varchar(255) NOT NULL,
    inputs text,                               -- payload
    process_data text,                         -- payload
    outputs text,                              -- payload
    status varchar(255) NOT NULL,
    error text,
    elapsed_time double precision NOT NULL DEFAULT 0,
    execution_metadata text,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    finished_at timestamp,
    CONSTRAINT workflow_node_execution_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_node_execution_workflow_run_idx
    ON workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from, workflow_run_id);
CREATE INDEX workflow_node_execution_node_run_idx
    ON workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from, node_id);
CREATE INDEX workflow_node_execution_id_idx
    ON workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from, node_execution_id);
CREATE INDEX workflow_node_executions_tenant_id_idx
    ON workflow_node_executions (tenant_id, workflow_id, node_id, created_at DESC);

CREATE TABLE workflow_app_logs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    workflow_run_id uuid NOT NULL,
    created_from varchar(255) NOT NULL,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    CONSTRAINT workflow_app_log_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_app_log_app_idx ON workflow_app_logs (tenant_id, app_id);
CREATE INDEX workflow_app_log_workflow_run_id_idx ON workflow_app_logs (workflow_run_id);

CREATE TABLE documents (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    position integer NOT NULL,
    data_source_type varchar(255) NOT NULL,
    data_source_info text,                     -- payload
    dataset_process_rule_id uuid,
    batch varchar(255) NOT NULL,
    name varchar(255) NOT NULL,                -- payload
    created_from varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_api_request_id uuid,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    processing_started_at timestamp,
    file_id text,
    word_count integer,
    parsing_completed_at timestamp,
    cleaning_completed_at timestamp,
    splitting_completed_at timestamp,
    tokens integer,
    indexing_latency double precision,
    completed_at timestamp,
    is_paused boolean DEFAULT false,
    paused_by uuid,
    paused_at timestamp,
    error text,
    stopped_at timestamp,
    indexing_status varchar(255) NOT NULL DEFAULT 'waiting',
    enabled boolean NOT NULL DEFAULT true,
    disabled_at timestamp,
    disabled_by uuid,
    archived boolean NOT NULL DEFAULT false,
    archived_reason varchar(255),
    archived_by uuid,
    archived_at timestamp,
    updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    doc_type varchar(40),
    doc_metadata jsonb,                        -- payload
    doc_form varchar(255) NOT NULL DEFAULT 'text_model',
    doc_language varchar(255),
    CONSTRAINT document_pkey PRIMARY KEY (id)
);
CREATE INDEX document_dataset_id_idx ON documents (dataset_id);
CREATE INDEX document_is_paused_idx ON documents (is_paused);
CREATE INDEX document_tenant_idx ON documents (tenant_id);
CREATE INDEX document_metadata_idx ON documents USING gin (doc_metadata);

CREATE TABLE document_segments (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    document_id uuid NOT NULL,
    position integer NOT NULL,
    content text NOT NULL,                     -- payload (one chunk)
    word_count integer NOT NULL,
    tokens integer NOT NULL,
    keywords json,                             -- payload
    index_node_id varchar(255),
    index_node_hash varchar(255),
    hit_count integer NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    disabled_at timestamp,
    disabled_by uuid,
    status varchar(255) NOT NULL DEFAULT 'waiting',
    created_by uuid NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    indexing_at timestamp,
    completed_at timestamp,
    error text,
    stopped_at timestamp,
    answer text,
    updated_by uuid,
    updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    CONSTRAINT document_segment_pkey PRIMARY KEY (id)
);
CREATE INDEX document_segment_dataset_id_idx ON document_segments (dataset_id);
CREATE INDEX document_segment_document_id_idx ON document_segments (document_id);
CREATE INDEX document_segment_tenant_dataset_idx ON document_segments (dataset_id, tenant_id);
CREATE INDEX document_segment_tenant_document_idx ON document_segments (document_id, tenant_id);
CREATE INDEX document_segment_node_dataset_idx ON document_segments (index_node_id, dataset_id);
CREATE INDEX document_segment_tenant_idx ON document_segments (tenant_id);

-- Dify's embedding cache: one row per (model, text hash); the vector is the pickled
-- Python list of floats (pickle.dumps(list[float]), 9 bytes per dimension).
CREATE TABLE embeddings (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    model_name varchar(255) NOT NULL DEFAULT 'text-embedding-ada-002',
    hash varchar(64) NOT NULL,
    embedding bytea NOT NULL,                  -- payload
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    provider_name varchar(255) NOT NULL DEFAULT '',
    CONSTRAINT embedding_pkey PRIMARY KEY (id),
    CONSTRAINT embedding_hash_idx UNIQUE (model_name, hash, provider_name)
);
CREATE INDEX created_at_idx ON embeddings (created_at);

CREATE TABLE upload_files (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    storage_type varchar(255) NOT NULL,
    key varchar(255) NOT NULL,                 -- payload
    name varchar(255) NOT NULL,                -- payload
    size integer NOT NULL,
    extension varchar(255) NOT NULL,
    mime_type varchar(255),
    created_by_role varchar(255) NOT NULL DEFAULT 'account',
    created_by uuid NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    used boolean NOT NULL DEFAULT false,
    used_by uuid,
    used_at timestamp,
    hash varchar(255),
    source_url text NOT NULL DEFAULT '',       -- payload
    CONSTRAINT upload_file_pkey PRIMARY KEY (id)
);
CREATE INDEX upload_file_tenant_idx ON upload_files (tenant_id);

-- Dify Enterprise audit log (not in the public repository): who did what, from where,
-- with the request detail as JSON.
CREATE TABLE audit_logs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    account_id uuid,
    action varchar(255) NOT NULL,
    resource_type varchar(255) NOT NULL,
    resource_id uuid,
    ip varchar(255) NOT NULL,
    user_agent varchar(512),
    detail json,                               -- payload
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_log_tenant_created_idx ON audit_logs (tenant_id, created_at);
CREATE INDEX audit_log_account_action_idx ON audit_logs (tenant_id, account_id, action);
