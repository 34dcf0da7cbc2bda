import { Config } from '@backstage/config';
import path from 'path';

/** The notebook spawner settings, like the Jupyter web app's spawner_ui_config. @public */
export interface NotebookSpawnerConfig {
  /** Images offered; the first is the default. */
  images: string[];
  /** Whether an image outside the list is accepted. */
  allowCustomImage: boolean;
  /** Default CPU and memory requests. */
  cpu: string;
  memory: string;
  /** Limit = request × factor; undefined = no limit. */
  cpuLimitFactor?: number;
  memoryLimitFactor?: number;
}

/** The scaffolder module's settings. @public */
export interface KubeflowScaffolderConfig {
  notebooks: NotebookSpawnerConfig;
  /** Where `kubeflow:project:publish` puts projects (the catalog reads them there). */
  localProjectsDirectory?: string;
  /** Absolute targets of the `file` locations in `catalog.locations`. */
  catalogFileLocations: string[];
}

const DEFAULT_IMAGES = [
  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest',
  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:latest',
  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-full:latest',
  'ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:latest',
  'ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:latest',
];

function factor(value: string | undefined, fallback: number) {
  if (value === undefined) return fallback;
  if (value === 'none') return undefined;
  const n = Number(value);
  if (!(n >= 1)) {
    throw new Error(`limit factor '${value}' must be 'none' or a number >= 1`);
  }
  return n;
}

/** Reads `kubeflow.scaffolder.*` (defaults: the Jupyter web app's spawner config). @public */
export function readKubeflowScaffolderConfig(
  config: Config,
): KubeflowScaffolderConfig {
  const nb = config.getOptionalConfig('kubeflow.scaffolder.notebooks');
  return {
    localProjectsDirectory: config.getOptionalString(
      'kubeflow.scaffolder.localProjects.directory',
    ),
    // Resolved as the catalog resolves them, relative to the backend's working directory.
    catalogFileLocations: (
      config.getOptionalConfigArray('catalog.locations') ?? []
    )
      .filter(l => l.getString('type') === 'file')
      .map(l => path.resolve(l.getString('target'))),
    notebooks: {
      images: nb?.getOptionalStringArray('images') ?? DEFAULT_IMAGES,
      allowCustomImage: nb?.getOptionalBoolean('allowCustomImage') ?? true,
      cpu: nb?.getOptionalString('cpu') ?? '0.5',
      memory: nb?.getOptionalString('memory') ?? '1.0Gi',
      cpuLimitFactor: factor(nb?.getOptionalString('cpuLimitFactor'), 1.2),
      memoryLimitFactor: factor(
        nb?.getOptionalString('memoryLimitFactor'),
        1.2,
      ),
    },
  };
}
