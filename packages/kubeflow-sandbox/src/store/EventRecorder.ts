import { randomBytes } from 'node:crypto';
import type { MemoryStore } from './MemoryStore';
import { nowTimestamp } from './objectMeta';
import type { KubeObject } from './types';

/**
 * Records core/v1 Events about objects as controllers do: one Event per (object, type, reason,
 * message), its `count` and `lastTimestamp` bumped on repeats.
 */
export class EventRecorder {
  private readonly names = new Map<string, string>();

  constructor(private readonly store: MemoryStore) {}

  record(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    const meta = involved.metadata;
    const namespace = meta.namespace ?? 'default';
    const id = `${meta.uid ?? meta.name}|${type}|${reason}|${message}`;
    const now = nowTimestamp();
    const existing = this.names.get(id);
    try {
      if (existing && this.store.peek('events', namespace, existing)) {
        this.store.mutate('events', namespace, existing, event => {
          event.count = ((event.count as number) ?? 1) + 1;
          event.lastTimestamp = now;
        });
        return;
      }
      const name = `${meta.name}.${randomBytes(8).toString('hex')}`;
      this.names.set(id, name);
      this.store.create('events', {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: {
          apiVersion: involved.apiVersion,
          kind: involved.kind,
          name: meta.name,
          namespace: meta.namespace,
          uid: meta.uid,
          resourceVersion: meta.resourceVersion,
        },
        reason,
        message,
        type,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: 'kubeflow-sandbox' },
        reportingComponent: 'kubeflow-sandbox',
        reportingInstance: 'kubeflow-sandbox',
      });
    } catch {
      // The namespace is going away; events are best effort, as in a real cluster.
    }
  }
}
