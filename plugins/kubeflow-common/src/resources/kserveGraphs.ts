import { Condition, KubeResource, ResourceRequirements } from './kubernetes';
import type { DisplayState } from '../status/types';

/** One step of an InferenceGraph node: an InferenceService, a URL or another node. @public */
export interface InferenceGraphStep {
  name?: string;
  serviceName?: string;
  serviceUrl?: string;
  nodeName?: string;
  weight?: number;
  condition?: string;
  data?: string;
  dependency?: 'Soft' | 'Hard';
}

/** InferenceGraph spec (serving.kserve.io/v1alpha1): named nodes, `root` first. @public */
export interface InferenceGraphSpec {
  nodes: Record<
    string,
    {
      routerType: 'Sequence' | 'Splitter' | 'Ensemble' | 'Switch';
      steps?: InferenceGraphStep[];
    }
  >;
  minReplicas?: number;
  maxReplicas?: number;
  timeout?: number;
}

/** A KServe InferenceGraph: a chain, split, ensemble or switch of InferenceServices. @public */
export type InferenceGraph = KubeResource<
  InferenceGraphSpec,
  { url?: string; conditions?: Condition[] }
>;

/** LLMInferenceService spec (serving.kserve.io v1alpha1/v1alpha2), the fields the portal reads. @public */
export interface LLMInferenceServiceSpec {
  model: { uri: string; name?: string };
  replicas?: number;
  parallelism?: { tensor?: number; pipeline?: number; data?: number };
  router?: { route?: object; gateway?: object; scheduler?: object };
  template?: {
    containers?: Array<{
      name: string;
      image?: string;
      resources?: ResourceRequirements;
    }>;
  };
  prefill?: object;
  worker?: object;
  baseRefs?: Array<{ name: string }>;
}

/** KServe's LLM serving kind (llm-d based). @public */
export type LLMInferenceService = KubeResource<
  LLMInferenceServiceSpec,
  { url?: string; conditions?: Condition[] }
>;

/** An InferenceGraph in the terms the catalog and pages show. @public */
export interface InferenceGraphSummary {
  /** The root node's router type. */
  routerType?: string;
  nodes: Array<{
    name: string;
    routerType: string;
    steps: Array<{
      name?: string;
      target: string;
      weight?: number;
      condition?: string;
    }>;
  }>;
  /** The InferenceServices its steps call, by name (same namespace). */
  services: string[];
}

/** Reads an InferenceGraph: its nodes, their router types and steps, and the services called. @public */
export function inferenceGraphSummary(
  graph: InferenceGraph,
): InferenceGraphSummary {
  // The root node first, then the others by name.
  const rank = (name: string) => (name === 'root' ? '' : name);
  const entries = Object.entries(graph.spec?.nodes ?? {}).sort(([a], [b]) =>
    rank(a).localeCompare(rank(b)),
  );
  const nodes = entries.map(([name, node]) => ({
    name,
    routerType: node.routerType,
    steps: (node.steps ?? []).map(step => ({
      name: step.name,
      target: step.serviceName ?? step.nodeName ?? step.serviceUrl ?? 'unknown',
      weight: step.weight,
      condition: step.condition,
    })),
  }));
  const services = [
    ...new Set(
      entries.flatMap(([, node]) =>
        (node.steps ?? []).flatMap(s => (s.serviceName ? [s.serviceName] : [])),
      ),
    ),
  ];
  return { routerType: graph.spec?.nodes?.root?.routerType, nodes, services };
}

/** An LLMInferenceService in the terms the catalog and pages show. @public */
export interface LLMInferenceServiceSummary {
  modelUri: string;
  modelName?: string;
  replicas: number;
  image?: string;
  /** GPUs per replica: the sum of the main container's `…/gpu` limits. */
  gpus: number;
  parallelism: Record<string, number>;
  /** Prefill/decode disaggregation (a `prefill` section), multi-node (`worker`), a router. */
  features: string[];
}

/** Reads an LLMInferenceService: model, replicas, image, GPUs, parallelism, topology. @public */
export function llmInferenceServiceSummary(
  service: LLMInferenceService,
): LLMInferenceServiceSummary {
  const spec = service.spec;
  const main =
    spec?.template?.containers?.find(c => c.name === 'main') ??
    spec?.template?.containers?.[0];
  const limits = main?.resources?.limits ?? {};
  return {
    modelUri: spec?.model?.uri ?? 'unknown',
    modelName: spec?.model?.name,
    replicas: spec?.replicas ?? 1,
    image: main?.image,
    gpus: Object.entries(limits)
      .filter(([k]) => k.endsWith('/gpu'))
      .reduce((n, [, v]) => n + (Number(v) || 0), 0),
    parallelism: Object.fromEntries(
      Object.entries(spec?.parallelism ?? {}).filter(
        ([, v]) => typeof v === 'number',
      ),
    ) as Record<string, number>,
    features: [
      spec?.prefill ? 'prefill/decode disaggregation' : '',
      spec?.worker ? 'multi-node' : '',
      spec?.router ? 'router' : '',
      ...(spec?.baseRefs ?? []).map(r => `config ${r.name}`),
    ].filter(Boolean),
  };
}

/** The state of a KServe object from its Ready condition (InferenceGraph, LLMInferenceService). @public */
export function kserveReadyState(object: {
  status?: { conditions?: Condition[] };
}): DisplayState {
  const ready = object.status?.conditions?.find(c => c.type === 'Ready');
  if (ready?.status === 'True') return { phase: 'ready', message: 'Ready' };
  if (ready?.status === 'False')
    return {
      phase: 'error',
      message: ready.message || ready.reason || 'Not ready',
    };
  return { phase: 'waiting', message: 'Not ready yet' };
}
