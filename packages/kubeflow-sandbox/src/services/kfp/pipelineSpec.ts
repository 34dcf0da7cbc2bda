import yaml from 'js-yaml';
import { RpcError } from '../rpcStatus';

/** A compiled pipeline (IR): the PipelineSpec document and an optional PlatformSpec. */
export interface PipelinePackage {
  pipelineSpec: Record<string, any>;
  platformSpec?: Record<string, any>;
}

/** Parses an uploaded pipeline package (YAML or JSON IR; multi-document YAML allowed). */
export function parsePipelinePackage(text: string): PipelinePackage {
  let documents: unknown[];
  try {
    documents = yaml.loadAll(text).filter(d => d !== null && d !== undefined);
  } catch (error) {
    throw new RpcError(
      'INVALID_ARGUMENT',
      `Failed to parse the pipeline spec: ${(error as Error).message}`,
    );
  }
  const spec = documents.find(
    d => d && typeof d === 'object' && ('root' in d || 'pipelineInfo' in d),
  ) as Record<string, any> | undefined;
  if (!spec) {
    throw new RpcError(
      'INVALID_ARGUMENT',
      'Invalid input error: invalid pipeline spec: the package has no PipelineSpec (root, pipelineInfo)',
    );
  }
  if (!spec.pipelineInfo?.name) {
    throw new RpcError(
      'INVALID_ARGUMENT',
      'Invalid input error: pipeline spec is invalid: pipelineInfo.name is empty',
    );
  }
  const platformSpec = documents.find(
    d => d !== spec && d && typeof d === 'object' && 'platforms' in d,
  ) as Record<string, any> | undefined;
  return { pipelineSpec: spec, ...(platformSpec ? { platformSpec } : {}) };
}

/** One executable task of the root DAG. */
export interface DagTask {
  name: string;
  displayName: string;
  dependsOn: string[];
}

/**
 * The root DAG's tasks in a dependency-respecting order (`dependentTasks` plus producer
 * references in inputs, as the KFP driver resolves them).
 */
export function rootDagTasks(
  pipelineSpec: Record<string, any> | undefined,
): DagTask[] {
  const tasks = (pipelineSpec?.root?.dag?.tasks ?? {}) as Record<string, any>;
  const all: DagTask[] = Object.entries(tasks).map(([name, task]) => {
    const deps = new Set<string>(task.dependentTasks ?? []);
    for (const p of Object.values(
      (task.inputs?.parameters ?? {}) as Record<string, any>,
    )) {
      if (p?.taskOutputParameter?.producerTask)
        deps.add(p.taskOutputParameter.producerTask);
    }
    for (const a of Object.values(
      (task.inputs?.artifacts ?? {}) as Record<string, any>,
    )) {
      if (a?.taskOutputArtifact?.producerTask)
        deps.add(a.taskOutputArtifact.producerTask);
    }
    return {
      name,
      displayName: task.taskInfo?.name ?? name,
      dependsOn: [...deps].filter(d => d in tasks),
    };
  });
  const ordered: DagTask[] = [];
  const placed = new Set<string>();
  while (ordered.length < all.length) {
    const ready = all.filter(
      t => !placed.has(t.name) && t.dependsOn.every(d => placed.has(d)),
    );
    if (ready.length === 0) {
      // A cycle cannot come from the compiler; keep the rest in declaration order.
      ordered.push(...all.filter(t => !placed.has(t.name)));
      break;
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}
