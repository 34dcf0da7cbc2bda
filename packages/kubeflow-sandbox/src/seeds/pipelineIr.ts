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

/**
 * The demo's own base for generated pipelines, in the shape the KFP SDK compiles a lightweight
 * Python component to (IR schema 2.1.0): one executor whose command installs the SDK and runs the
 * embedded function. buildPipelineIr takes its executor, schema and SDK version.
 */
export const DEMO_IR_TEMPLATE: Record<string, any> = {
  deploymentSpec: {
    executors: {
      'exec-add-numbers': {
        container: {
          args: [
            '--executor_input',
            '{{$}}',
            '--function_to_execute',
            'add_numbers',
          ],
          command: [
            'sh',
            '-c',
            '\nPIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet \'kfp==2.14.6\' --no-deps && "$0" "$@"\n',
            'sh',
            '-ec',
            'program_path=$(mktemp -d)\nprintf "%s" "$0" > "$program_path/ephemeral_component.py"\n_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main --component_module_path "$program_path/ephemeral_component.py" "$@"\n',
            '\nimport kfp\nfrom kfp import dsl\n\ndef add_numbers(a: int, b: int) -> int:\n    return a + b\n',
          ],
          image: 'python:3.11',
        },
      },
    },
  },
  schemaVersion: '2.1.0',
  sdkVersion: 'kfp-2.14.6',
};

/** Reads an official sample IR (`add_numbers`, `hello_world`) from the definitions (tests). */
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
 * A compiled pipeline (IR) with several steps, derived from `sample` (DEMO_IR_TEMPLATE, or the
 * official `add_numbers` sample in tests): same executor shape and SDK version, one component + executor per step, `root.dag.tasks` wired
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
