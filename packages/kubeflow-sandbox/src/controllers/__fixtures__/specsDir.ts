import { resolveSpecsDir } from '../../sandbox';

/** The official definitions the tests answer to (see resolveSpecsDir). */
export const SPECS_DIR = resolveSpecsDir();
