export { DexIssuer, DEX_PATH } from './DexIssuer';
export { DEFAULT_DEX_CLIENT } from './types';
export type { DexClient, DexOptions, DexUser } from './types';
