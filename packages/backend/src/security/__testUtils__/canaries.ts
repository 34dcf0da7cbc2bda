/**
 * Secret canaries: unique values seeded into the cluster configuration and the sandbox. None may
 * ever appear in a log line, a scaffolder task log or a response body. They are assembled at run
 * time so that this source file (and a code frame quoting it) never contains one whole;
 * scripts/canary-scan.sh looks for the assembled form `KFCANARY_<word>_<8 hex>`.
 */
const canary = (word: string, hex: string) => ['KFCANARY', word, hex].join('_');

export const CANARIES = {
  /** The portal's cluster credential (kubernetes cluster config, shared by kubeflow.clusters). */
  clusterToken: canary('clustertoken', '7d41c9e2'),
  /** A Secret's data in team-vision. */
  secretData: canary('secretdata', 'b80f3a56'),
  /** A ServiceAccount token in team-vision (the sandbox authenticates it). */
  serviceAccountToken: canary('satoken', '2c9e7f10'),
};

/** The pattern scripts/canary-scan.sh uses, for the in-process checks. */
export const CANARY_PATTERN = /KFCANARY_[a-z]+_[0-9a-f]{8}/;

/** Where a canary (or its base64 form) shows up in `text`, if anywhere. */
export function findCanary(text: string): string | undefined {
  for (const value of Object.values(CANARIES)) {
    if (text.includes(value)) return value;
    if (text.includes(Buffer.from(value).toString('base64')))
      return `base64(${value})`;
  }
  return CANARY_PATTERN.exec(text)?.[0];
}
