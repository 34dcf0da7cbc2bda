import path from 'node:path';

/** The shared specs directory (`KUBEFLOW_SPECS_DIR`, default `<repo>/../shared/specs`). */
export const SPECS_DIR =
  process.env.KUBEFLOW_SPECS_DIR ??
  // eslint-disable-next-line no-restricted-syntax
  path.resolve(__dirname, '../../../../../../shared/specs');
