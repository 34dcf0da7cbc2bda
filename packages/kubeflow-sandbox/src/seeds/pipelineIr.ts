import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/** A step of a generated pipeline. */
export interface PipelineStep {
  name: string;
  dependsOn?: string[];
  image?: string;
  /** Python function body (what the component prints/does), for realistic executors. */
  code?: string;
}

/** Input parameters of a generated pipeline: name → IR parameter type. */
export type PipelineInputs = Record<
  string,
  'NUMBER_INTEGER' | 'NUMBER_DOUBLE' | 'STRING' | 'BOOLEAN'
>;

/** Reads a sample IR (`add_numbers`, `hello_world`) from the specs directory. */
export function readSampleIr(
  specsDir: string,
  sample: 'add_numbers' | 'hello_world',
): Record<string, any> {
  return yaml.load(
    fs.readFileSync(
      path.join(specsDir, 'pipelines/samples', `${sample}.yaml`),
      'utf8',
    ),
  ) as Record<string, any>;
}

const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * A compiled pipeline (IR) with several steps, derived from the official `add_numbers` sample:
 * same executor shape and SDK version, one component + executor per step, `root.dag.tasks` wired
 * with `dependentTasks`, and the pipeline inputs as root input parameters.
 */
export function buildPipelineIr(
  sample: Record<string, any>,
  options: { name: string; steps: PipelineStep[]; inputs?: PipelineInputs },
): Record<string, any> {
  const template =
    sample.deploymentSpec.executors['exec-add-numbers'].container;
  const components: Record<string, any> = {};
  const executors: Record<string, any> = {};
  const tasks: Record<string, any> = {};
  const inputs = options.inputs ?? {};
  const inputDefs = Object.keys(inputs).length
    ? {
        parameters: Object.fromEntries(
          Object.entries(inputs).map(([k, t]) => [k, { parameterType: t }]),
        ),
      }
    : undefined;
  for (const step of options.steps) {
    const id = kebab(step.name);
    const fn = id.replace(/-/g, '_');
    components[`comp-${id}`] = {
      executorLabel: `exec-${id}`,
      ...(inputDefs ? { inputDefinitions: inputDefs } : {}),
    };
    const code = `\nimport kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n\ndef ${fn}(${Object.keys(
      inputs,
    ).join(', ')}):\n    ${step.code ?? `print("${step.name}")`}\n\n`;
    executors[`exec-${id}`] = {
      container: {
        args: ['--executor_input', '{{$}}', '--function_to_execute', fn],
        command: [...template.command.slice(0, -1), code],
        image: step.image ?? template.image,
      },
    };
    tasks[id] = {
      cachingOptions: { enableCache: true },
      componentRef: { name: `comp-${id}` },
      ...(step.dependsOn?.length
        ? { dependentTasks: step.dependsOn.map(kebab) }
        : {}),
      ...(inputDefs
        ? {
            inputs: {
              parameters: Object.fromEntries(
                Object.keys(inputs).map(k => [
                  k,
                  { componentInputParameter: k },
                ]),
              ),
            },
          }
        : {}),
      taskInfo: { name: id },
    };
  }
  return {
    components,
    deploymentSpec: { executors },
    pipelineInfo: { name: kebab(options.name) },
    root: {
      dag: { tasks },
      ...(inputDefs ? { inputDefinitions: inputDefs } : {}),
    },
    schemaVersion: sample.schemaVersion,
    sdkVersion: sample.sdkVersion,
  };
}
