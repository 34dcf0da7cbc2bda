import type { KubeObject } from '../store/types';

/** The annotation controllers write a pod's log text into. */
export const POD_LOG_ANNOTATION = 'sandbox.kubeflow.org/log';

/** A pod's log as `kubectl logs` shows it, honouring `tailLines` and `limitBytes`. */
export function podLogText(pod: KubeObject, query: URLSearchParams): string {
  let text = pod.metadata.annotations?.[POD_LOG_ANNOTATION] ?? '';
  const tail = Number(query.get('tailLines') ?? -1);
  if (tail >= 0) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    text =
      lines.slice(Math.max(0, lines.length - tail)).join('\n') +
      (tail > 0 && lines.length ? '\n' : '');
  }
  const limit = Number(query.get('limitBytes') ?? 0);
  if (limit > 0) text = text.slice(0, limit);
  return text;
}
