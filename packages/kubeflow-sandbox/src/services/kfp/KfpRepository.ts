import { randomUUID } from 'node:crypto';
import { RpcError } from '../rpcStatus';
import { rootDagTasks } from './pipelineSpec';
import {
  advanceRun,
  isFinalState,
  retryRun,
  type RunPlan,
  type WireRun,
} from './runProgress';

type Wire = Record<string, any>;

/** A stored KFP object: its wire JSON and the namespace it belongs to ('' = shared). */
export interface Row {
  wire: Wire;
  namespace: string;
}

/** A stored run: also how the sandbox executes it. */
export interface RunRow extends Row {
  plan: RunPlan;
}

/** Serialisable state of the KFP service. */
export interface KfpSnapshot {
  pipelines: Row[];
  versions: Row[];
  experiments: Row[];
  runs: RunRow[];
  recurringRuns: Row[];
}

/** RFC3339 with seconds precision, as KFP's gateway writes timestamps. */
export function kfpTime(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** What changed, for the run controller. */
export type KfpChange = { kind: 'run' | 'recurringRun'; id: string };

/**
 * The KFP API server's data: pipelines, versions, experiments, runs and recurring runs, with the
 * operations the REST layer and the run controller need. No HTTP here.
 */
export class KfpRepository {
  readonly pipelines = new Map<string, Row>();
  readonly versions = new Map<string, Row>();
  readonly experiments = new Map<string, Row>();
  readonly runs = new Map<string, RunRow>();
  readonly recurringRuns = new Map<string, Row>();
  private readonly listeners = new Set<(change: KfpChange) => void>();

  /** Subscribes to run / recurring-run changes; returns the unsubscribe function. */
  onChange(listener: (change: KfpChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: KfpChange) {
    for (const l of this.listeners) l(change);
  }

  // ---- pipelines --------------------------------------------------------------------------

  createPipeline(input: Wire, now = kfpTime()): Row {
    const name = String(input.name || input.display_name || '').trim();
    if (!name)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: pipeline name is empty. Please specify a valid name',
      );
    const namespace = String(input.namespace ?? '');
    for (const p of this.pipelines.values()) {
      if (p.namespace === namespace && p.wire.name === name) {
        throw new RpcError(
          'ALREADY_EXISTS',
          `Already exist error: Failed to create a new pipeline. The name ${name} already exists. Please specify a new name`,
        );
      }
    }
    const wire: Wire = compact({
      pipeline_id: input.pipeline_id || randomUUID(),
      display_name: input.display_name || name,
      name,
      description: input.description,
      created_at: input.created_at ?? now,
      namespace: namespace || undefined,
      tags:
        input.tags && Object.keys(input.tags).length ? input.tags : undefined,
    });
    const row = { wire, namespace };
    this.pipelines.set(wire.pipeline_id, row);
    return row;
  }

  pipeline(id: string): Row {
    const row = this.pipelines.get(id);
    if (!row)
      throw new RpcError(
        'NOT_FOUND',
        `Not found error: Failed to get pipeline ${id}: ResourceNotFoundError: Pipeline ${id} not found`,
      );
    return row;
  }

  deletePipeline(id: string, cascade: boolean): void {
    this.pipeline(id);
    const versions = [...this.versions.values()].filter(
      v => v.wire.pipeline_id === id,
    );
    if (versions.length && !cascade) {
      throw new RpcError(
        'FAILED_PRECONDITION',
        `Failed precondition error: Failed to delete pipeline ${id}. Pipeline has existing versions. Please delete them first or use cascade`,
      );
    }
    for (const v of versions) this.versions.delete(v.wire.pipeline_version_id);
    this.pipelines.delete(id);
  }

  createVersion(input: Wire, now = kfpTime()): Row {
    const pipeline = this.pipeline(String(input.pipeline_id ?? ''));
    const name = String(input.name || input.display_name || '').trim();
    if (!name)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: pipeline version name is empty',
      );
    if (!input.pipeline_spec || typeof input.pipeline_spec !== 'object') {
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: pipeline version has no pipeline spec (the sandbox cannot fetch package_url; upload the package or send pipeline_spec)',
      );
    }
    for (const v of this.versions.values()) {
      if (
        v.wire.pipeline_id === pipeline.wire.pipeline_id &&
        v.wire.name === name
      ) {
        throw new RpcError(
          'ALREADY_EXISTS',
          `Already exist error: Failed to create a new pipeline version. The name ${name} already exist. Please specify a new name`,
        );
      }
    }
    const wire: Wire = compact({
      pipeline_id: pipeline.wire.pipeline_id,
      pipeline_version_id: input.pipeline_version_id || randomUUID(),
      display_name: input.display_name || name,
      name,
      description: input.description,
      created_at: input.created_at ?? now,
      package_url: input.package_url?.pipeline_url
        ? input.package_url
        : undefined,
      code_source_url: input.code_source_url,
      pipeline_spec: input.pipeline_spec,
    });
    const row = { wire, namespace: pipeline.namespace };
    this.versions.set(wire.pipeline_version_id, row);
    return row;
  }

  version(pipelineId: string, id: string): Row {
    const row = this.versions.get(id);
    if (!row || (pipelineId && row.wire.pipeline_id !== pipelineId)) {
      throw new RpcError(
        'NOT_FOUND',
        `Not found error: Failed to get pipeline version ${id}: ResourceNotFoundError: PipelineVersion ${id} not found`,
      );
    }
    return row;
  }

  latestVersion(pipelineId: string): Row | undefined {
    return [...this.versions.values()]
      .filter(v => v.wire.pipeline_id === pipelineId)
      .sort(
        (a, b) =>
          a.wire.created_at.localeCompare(b.wire.created_at) ||
          a.wire.name.localeCompare(b.wire.name),
      )
      .pop();
  }

  // ---- experiments ------------------------------------------------------------------------

  createExperiment(input: Wire, now = kfpTime()): Row {
    const name = String(input.display_name ?? '').trim();
    if (!name)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: Experiment name is empty. Please specify a valid experiment name',
      );
    const namespace = String(input.namespace ?? '');
    for (const e of this.experiments.values()) {
      if (e.namespace === namespace && e.wire.display_name === name) {
        throw new RpcError(
          'ALREADY_EXISTS',
          `Already exist error: Failed to create a new experiment. The name ${name} already exists. Please specify a new name`,
        );
      }
    }
    const wire = compact({
      experiment_id: input.experiment_id || randomUUID(),
      display_name: name,
      description: input.description,
      created_at: input.created_at ?? now,
      namespace: namespace || undefined,
      storage_state: 'AVAILABLE',
      last_run_created_at: input.last_run_created_at,
    });
    const row = { wire, namespace };
    this.experiments.set(wire.experiment_id, row);
    return row;
  }

  experiment(id: string): Row {
    const row = this.experiments.get(id);
    if (!row)
      throw new RpcError(
        'NOT_FOUND',
        `Not found error: Failed to get experiment ${id}: ResourceNotFoundError: Experiment ${id} not found`,
      );
    return row;
  }

  /** The namespace's "Default" experiment, created on first use (as KFP does). */
  defaultExperiment(namespace: string): Row {
    for (const e of this.experiments.values()) {
      if (e.namespace === namespace && e.wire.display_name === 'Default')
        return e;
    }
    return this.createExperiment({
      display_name: 'Default',
      description:
        'All runs created without specifying an experiment will be grouped here.',
      namespace,
    });
  }

  setExperimentStorage(id: string, state: 'AVAILABLE' | 'ARCHIVED'): void {
    this.experiment(id).wire.storage_state = state;
    if (state === 'ARCHIVED') {
      for (const r of this.runs.values())
        if (r.wire.experiment_id === id) r.wire.storage_state = 'ARCHIVED';
    }
  }

  deleteExperiment(id: string): void {
    this.experiment(id);
    for (const [runId, r] of this.runs)
      if (r.wire.experiment_id === id) this.runs.delete(runId);
    this.experiments.delete(id);
  }

  // ---- runs -------------------------------------------------------------------------------

  /** Resolves what a run or recurring run will execute, and where. */
  resolveSource(input: Wire): {
    spec: Wire;
    reference?: Wire;
    namespace: string;
  } {
    const ref = input.pipeline_version_reference;
    if (ref?.pipeline_id || ref?.pipeline_version_id) {
      const version = ref.pipeline_version_id
        ? this.version(ref.pipeline_id ?? '', ref.pipeline_version_id)
        : this.latestVersion(ref.pipeline_id);
      if (!version)
        throw new RpcError(
          'NOT_FOUND',
          `Not found error: pipeline ${ref.pipeline_id} has no versions`,
        );
      return {
        spec: version.wire.pipeline_spec,
        reference: {
          pipeline_id: version.wire.pipeline_id,
          pipeline_version_id: version.wire.pipeline_version_id,
        },
        namespace: version.namespace,
      };
    }
    if (input.pipeline_spec && typeof input.pipeline_spec === 'object') {
      return { spec: input.pipeline_spec, namespace: '' };
    }
    throw new RpcError(
      'INVALID_ARGUMENT',
      'Invalid input error: a run needs pipeline_version_reference or pipeline_spec',
    );
  }

  createRun(
    input: Wire,
    options: { namespace?: string; now?: string; recurringRunId?: string } = {},
  ): RunRow {
    const now = options.now ?? kfpTime();
    const displayName = String(input.display_name ?? '').trim();
    if (!displayName)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: The run name is empty. Please specify a valid name',
      );
    const source = this.resolveSource(input);
    const experiment = input.experiment_id
      ? this.experiment(input.experiment_id)
      : this.defaultExperiment(
          options.namespace || source.namespace || 'kubeflow',
        );
    const spec = source.spec as Wire;
    const wire: WireRun = compact({
      experiment_id: experiment.wire.experiment_id,
      run_id: input.run_id || randomUUID(),
      display_name: displayName,
      storage_state: 'AVAILABLE',
      description: input.description,
      pipeline_version_reference: source.reference,
      pipeline_spec: source.reference ? undefined : spec,
      runtime_config: input.runtime_config ?? { parameters: {} },
      service_account: input.service_account || 'default-editor',
      created_at: now,
      scheduled_at: input.scheduled_at ?? now,
      state: 'PENDING',
      state_history: [{ update_time: now, state: 'PENDING' }],
      recurring_run_id: options.recurringRunId,
    });
    const pipelineName: string = spec?.pipelineInfo?.name ?? 'pipeline';
    const tasks = rootDagTasks(spec);
    const shouldFail =
      /fail/i.test(displayName) ||
      input.runtime_config?.parameters?.fail === true;
    const row: RunRow = {
      wire,
      namespace: experiment.namespace,
      plan: {
        workflowName: `${pipelineName
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .slice(0, 40)}-${wire.run_id.slice(0, 5)}`,
        pipelineName,
        tasks,
        failTask: shouldFail ? tasks[tasks.length - 1]?.displayName : undefined,
      },
    };
    this.runs.set(wire.run_id, row);
    experiment.wire.last_run_created_at = now;
    this.emit({ kind: 'run', id: wire.run_id });
    return row;
  }

  run(id: string): RunRow {
    const row = this.runs.get(id);
    if (!row)
      throw new RpcError(
        'NOT_FOUND',
        `Not found error: Failed to get run ${id}: ResourceNotFoundError: Run ${id} not found`,
      );
    return row;
  }

  /** Advances one run by a tick (the run controller calls this). */
  tickRun(id: string, now = kfpTime()): WireRun | undefined {
    const row = this.runs.get(id);
    if (!row) return undefined;
    advanceRun(row.wire, row.plan, now);
    return row.wire;
  }

  terminateRun(id: string): void {
    const row = this.run(id);
    if (isFinalState(row.wire.state)) {
      throw new RpcError(
        'FAILED_PRECONDITION',
        `Failed precondition error: Failed to terminate run ${id}: run is already in a final state ${row.wire.state}`,
      );
    }
    const now = kfpTime();
    row.wire.state = 'CANCELING';
    row.wire.state_history = [
      ...(row.wire.state_history ?? []),
      { update_time: now, state: 'CANCELING' },
    ];
    this.emit({ kind: 'run', id });
  }

  retry(id: string): void {
    const row = this.run(id);
    if (row.wire.state !== 'FAILED' && row.wire.state !== 'CANCELED') {
      throw new RpcError(
        'FAILED_PRECONDITION',
        `Failed precondition error: Failed to retry run ${id}: run is in state ${row.wire.state}; only failed or canceled runs can be retried`,
      );
    }
    retryRun(row.wire, kfpTime());
    row.plan = { ...row.plan, failTask: undefined };
    this.emit({ kind: 'run', id });
  }

  // ---- recurring runs ---------------------------------------------------------------------

  createRecurringRun(input: Wire, now = kfpTime()): Row {
    const displayName = String(input.display_name ?? '').trim();
    if (!displayName)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: The recurring run name is empty. Please specify a valid name',
      );
    const trigger = input.trigger ?? {};
    if (
      !trigger.cron_schedule?.cron &&
      !trigger.periodic_schedule?.interval_second
    ) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: a recurring run needs trigger.cron_schedule.cron or trigger.periodic_schedule.interval_second',
      );
    }
    const maxConcurrency = Number(input.max_concurrency ?? 1);
    if (
      !Number.isInteger(maxConcurrency) ||
      maxConcurrency < 1 ||
      maxConcurrency > 10
    ) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: max concurrency of recurring run must be in [1, 10], got ${input.max_concurrency}`,
      );
    }
    const source = this.resolveSource(input);
    const namespace = input.experiment_id
      ? this.experiment(input.experiment_id).namespace
      : String(input.namespace || source.namespace || 'kubeflow');
    const experiment = input.experiment_id
      ? this.experiment(input.experiment_id)
      : this.defaultExperiment(namespace);
    const normalizedTrigger = trigger.cron_schedule?.cron
      ? { cron_schedule: compact({ ...trigger.cron_schedule }) }
      : {
          periodic_schedule: compact({
            ...trigger.periodic_schedule,
            interval_second: String(trigger.periodic_schedule.interval_second),
          }),
        };
    const enabled = input.mode !== 'DISABLE';
    const wire = compact({
      recurring_run_id: input.recurring_run_id || randomUUID(),
      display_name: displayName,
      description: input.description,
      pipeline_version_reference: source.reference,
      pipeline_spec: source.reference ? undefined : source.spec,
      runtime_config: input.runtime_config ?? { parameters: {} },
      service_account: input.service_account || 'default-editor',
      max_concurrency: String(maxConcurrency),
      trigger: normalizedTrigger,
      mode: enabled ? 'ENABLE' : 'DISABLE',
      created_at: input.created_at ?? now,
      updated_at: input.created_at ?? now,
      status: enabled ? 'ENABLED' : 'DISABLED',
      no_catchup: input.no_catchup || undefined,
      namespace,
      experiment_id: experiment.wire.experiment_id,
    });
    const row = { wire, namespace };
    this.recurringRuns.set(wire.recurring_run_id, row);
    this.emit({ kind: 'recurringRun', id: wire.recurring_run_id });
    return row;
  }

  recurringRun(id: string): Row {
    const row = this.recurringRuns.get(id);
    if (!row)
      throw new RpcError(
        'NOT_FOUND',
        `Not found error: Failed to get recurring run ${id}: ResourceNotFoundError: RecurringRun ${id} not found`,
      );
    return row;
  }

  setRecurringRunEnabled(id: string, enabled: boolean): void {
    const row = this.recurringRun(id);
    row.wire.status = enabled ? 'ENABLED' : 'DISABLED';
    row.wire.mode = enabled ? 'ENABLE' : 'DISABLE';
    row.wire.updated_at = kfpTime();
    this.emit({ kind: 'recurringRun', id });
  }

  deleteRecurringRun(id: string): void {
    this.recurringRun(id);
    this.recurringRuns.delete(id);
    this.emit({ kind: 'recurringRun', id });
  }

  /** Starts one run of a recurring run (called by the run controller on its schedule). */
  triggerRecurringRun(id: string, now = new Date()): RunRow | undefined {
    const row = this.recurringRuns.get(id);
    if (!row || row.wire.status !== 'ENABLED') return undefined;
    const active = [...this.runs.values()].filter(
      r => r.wire.recurring_run_id === id && !isFinalState(r.wire.state),
    );
    if (active.length >= Number(row.wire.max_concurrency ?? 1))
      return undefined;
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return this.createRun(
      {
        display_name: `${row.wire.display_name}-${stamp}`,
        experiment_id: row.wire.experiment_id,
        pipeline_version_reference: row.wire.pipeline_version_reference,
        pipeline_spec: row.wire.pipeline_spec,
        runtime_config: row.wire.runtime_config,
        service_account: row.wire.service_account,
      },
      { recurringRunId: id, now: kfpTime(now) },
    );
  }

  // ---- persistence ------------------------------------------------------------------------

  snapshot(): KfpSnapshot {
    return JSON.parse(
      JSON.stringify({
        pipelines: [...this.pipelines.values()],
        versions: [...this.versions.values()],
        experiments: [...this.experiments.values()],
        runs: [...this.runs.values()],
        recurringRuns: [...this.recurringRuns.values()],
      }),
    );
  }

  restore(state: KfpSnapshot | undefined): void {
    for (const map of [
      this.pipelines,
      this.versions,
      this.experiments,
      this.runs,
      this.recurringRuns,
    ])
      map.clear();
    if (!state) return;
    for (const r of state.pipelines ?? [])
      this.pipelines.set(r.wire.pipeline_id, r);
    for (const r of state.versions ?? [])
      this.versions.set(r.wire.pipeline_version_id, r);
    for (const r of state.experiments ?? [])
      this.experiments.set(r.wire.experiment_id, r);
    for (const r of state.runs ?? []) this.runs.set(r.wire.run_id, r);
    for (const r of state.recurringRuns ?? [])
      this.recurringRuns.set(r.wire.recurring_run_id, r);
    for (const id of this.runs.keys()) this.emit({ kind: 'run', id });
    for (const id of this.recurringRuns.keys())
      this.emit({ kind: 'recurringRun', id });
  }
}

/** Drops undefined / empty-string fields (the gateway omits unpopulated fields). */
export function compact<T extends Record<string, any>>(object: T): T {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(object)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = v;
  }
  return out as T;
}
