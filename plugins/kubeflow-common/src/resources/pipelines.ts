/**
 * Kubeflow Pipelines REST v2beta1 objects, as the API serves them: snake_case keys, unset fields
 * omitted, enums as strings, int64 as strings.
 */

/** Run and task states. @public */
export type RuntimeState =
  | 'RUNTIME_STATE_UNSPECIFIED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'SKIPPED'
  | 'FAILED'
  | 'CANCELING'
  | 'CANCELED'
  | 'PAUSED';

/** Archived or not. @public */
export type StorageState =
  | 'STORAGE_STATE_UNSPECIFIED'
  | 'AVAILABLE'
  | 'ARCHIVED';

/** google.rpc.Status, KFP's error shape. @public */
export interface RpcStatus {
  code?: number;
  message?: string;
}

/** A KFP pipeline. @public */
export interface KfpPipeline {
  pipeline_id?: string;
  display_name?: string;
  name?: string;
  description?: string;
  created_at?: string;
  namespace?: string;
}

/** A KFP pipeline version; `pipeline_spec` is the compiled IR. @public */
export interface KfpPipelineVersion {
  pipeline_id?: string;
  pipeline_version_id?: string;
  display_name?: string;
  name?: string;
  description?: string;
  created_at?: string;
  code_source_url?: string;
  pipeline_spec?: Record<string, unknown>;
}

/** A KFP experiment. @public */
export interface KfpExperiment {
  experiment_id?: string;
  display_name?: string;
  description?: string;
  created_at?: string;
  namespace?: string;
  storage_state?: StorageState;
  last_run_created_at?: string;
}

/** One task of a run. @public */
export interface KfpTaskDetail {
  run_id?: string;
  task_id?: string;
  display_name?: string;
  create_time?: string;
  start_time?: string;
  end_time?: string;
  state?: RuntimeState;
  error?: RpcStatus;
  parent_task_id?: string;
  pod_name?: string;
}

/** A KFP run. @public */
export interface KfpRun {
  run_id?: string;
  experiment_id?: string;
  display_name?: string;
  description?: string;
  storage_state?: StorageState;
  pipeline_version_reference?: {
    pipeline_id?: string;
    pipeline_version_id?: string;
  };
  runtime_config?: {
    parameters?: Record<string, unknown>;
    pipeline_root?: string;
  };
  service_account?: string;
  created_at?: string;
  scheduled_at?: string;
  finished_at?: string;
  state?: RuntimeState;
  error?: RpcStatus;
  run_details?: { task_details?: KfpTaskDetail[] };
  recurring_run_id?: string;
}

/** A KFP recurring run. @public */
export interface KfpRecurringRun {
  recurring_run_id?: string;
  display_name?: string;
  description?: string;
  pipeline_version_reference?: {
    pipeline_id?: string;
    pipeline_version_id?: string;
  };
  max_concurrency?: string;
  trigger?: {
    cron_schedule?: { cron?: string; start_time?: string; end_time?: string };
    periodic_schedule?: { interval_second?: string };
  };
  mode?: 'MODE_UNSPECIFIED' | 'ENABLE' | 'DISABLE';
  status?: 'STATUS_UNSPECIFIED' | 'ENABLED' | 'DISABLED';
  created_at?: string;
  updated_at?: string;
  namespace?: string;
  experiment_id?: string;
}
