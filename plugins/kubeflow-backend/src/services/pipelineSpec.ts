import { InputError } from '@backstage/errors';
import {
  PipelineParameterDto,
  PipelineTaskSpecDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';

/**
 * What the portal reads from a compiled pipeline (the KFP IR, `ml_pipelines.PipelineSpec` in
 * proto3-JSON form): the declared inputs of the root DAG, and the root DAG's tasks with their
 * dependencies, images and declared outputs.
 */

type Spec = Record<string, any> | undefined;

/** The IR itself: a version's `pipeline_spec` may wrap it with a platform spec. */
function ir(spec: Spec): Record<string, any> {
  if (spec && typeof spec === 'object' && spec.pipeline_spec)
    return spec.pipeline_spec;
  return spec ?? {};
}

/** The root DAG's declared input parameters. */
export function pipelineParameters(spec: Spec): PipelineParameterDto[] {
  const parameters = ir(spec).root?.inputDefinitions?.parameters ?? {};
  return Object.entries<any>(parameters).map(([name, p]) => ({
    name,
    type: String(p?.parameterType ?? 'STRING'),
    ...(p?.defaultValue !== undefined ? { defaultValue: p.defaultValue } : {}),
    optional: !!p?.isOptional || p?.defaultValue !== undefined,
    ...(p?.description ? { description: String(p.description) } : {}),
  }));
}

/** The root DAG's tasks, in declaration order. */
export function pipelineTasks(spec: Spec): PipelineTaskSpecDto[] {
  const pipeline = ir(spec);
  const tasks = pipeline.root?.dag?.tasks ?? {};
  const components = pipeline.components ?? {};
  const executors = pipeline.deploymentSpec?.executors ?? {};
  return Object.entries<any>(tasks).map(([key, task]) => {
    const component = components[task?.componentRef?.name] ?? {};
    const outputs = component.outputDefinitions ?? {};
    return {
      name: String(task?.taskInfo?.name ?? key),
      dependsOn: (task?.dependentTasks ?? []).map((d: string) =>
        String(tasks[d]?.taskInfo?.name ?? d),
      ),
      image: executors[component.executorLabel]?.container?.image,
      outputArtifacts: Object.entries<any>(outputs.artifacts ?? {}).map(
        ([name, a]) => ({ name, type: a?.artifactType?.schemaTitle }),
      ),
      outputParameters: Object.keys(outputs.parameters ?? {}),
    };
  });
}

function coerce(parameter: PipelineParameterDto, value: unknown): unknown {
  const fail = (expected: string) => {
    throw new InputError(
      `parameter '${parameter.name}' must be ${expected}, got ${JSON.stringify(
        value,
      )}`,
    );
  };
  const text = typeof value === 'string' ? value.trim() : value;
  switch (parameter.type) {
    case 'NUMBER_INTEGER': {
      const n = typeof text === 'string' && text !== '' ? Number(text) : text;
      if (typeof n !== 'number' || !Number.isInteger(n)) fail('an integer');
      return n;
    }
    case 'NUMBER_DOUBLE': {
      const n = typeof text === 'string' && text !== '' ? Number(text) : text;
      if (typeof n !== 'number' || !Number.isFinite(n)) fail('a number');
      return n;
    }
    case 'BOOLEAN':
      if (text === 'true' || text === true) return true;
      if (text === 'false' || text === false) return false;
      return fail('true or false');
    case 'LIST':
    case 'STRUCT': {
      let parsed = text;
      if (typeof text === 'string') {
        try {
          parsed = JSON.parse(text);
        } catch {
          fail(parameter.type === 'LIST' ? 'a JSON list' : 'a JSON object');
        }
      }
      const isList = Array.isArray(parsed);
      if (parameter.type === 'LIST' ? !isList : isList || !parsed)
        fail(parameter.type === 'LIST' ? 'a JSON list' : 'a JSON object');
      return parsed;
    }
    default:
      if (typeof value !== 'string') fail('a string');
      return value;
  }
}

/**
 * The `runtime_config.parameters` of a new run: the given values checked against the declared
 * inputs (unknown names, missing required values and wrong types are refused), defaults left to
 * KFP.
 */
export function runParameters(
  declared: PipelineParameterDto[],
  given: Record<string, unknown>,
): Record<string, unknown> {
  const unknown = Object.keys(given).filter(
    name => !declared.some(p => p.name === name),
  );
  if (unknown.length) {
    throw new InputError(
      `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(
        ', ',
      )}; the pipeline declares ${
        declared.map(p => p.name).join(', ') || 'none'
      }`,
    );
  }
  const result: Record<string, unknown> = {};
  for (const parameter of declared) {
    const value = given[parameter.name];
    if (value === undefined || value === '') {
      if (!parameter.optional)
        throw new InputError(`parameter '${parameter.name}' is required`);
      continue;
    }
    result[parameter.name] = coerce(parameter, value);
  }
  return result;
}
