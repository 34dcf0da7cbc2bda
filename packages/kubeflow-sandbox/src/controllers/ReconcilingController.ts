import type {
  Controller,
  ControllerContext,
  KubeObject,
  ResourceKey,
  StoreEvent,
} from '../store/types';

/**
 * Label that freezes an object: controllers leave it exactly as written (used by the `scale:<N>`
 * seed so that 100k objects with pre-baked status do not spawn children and timers).
 */
export const STATIC_LABEL = 'sandbox.kubeflow.org/static';

/** What a reconciling controller watches. */
export interface ReconcilingControllerOptions {
  /** Controller name (for logs and the sandbox's listing). */
  name: string;
  /** The resource type this controller owns, e.g. 'notebooks.kubeflow.org'. */
  primary: ResourceKey;
  /** Child types whose changes re-queue the owner (found through ownerReferences of `ownerKind`). */
  owned?: ResourceKey[];
}

/**
 * A level-triggered controller: every change of a primary object (or of a child owned by one)
 * queues the primary's key, and `reconcile` re-derives everything from the store. Delays go
 * through `schedule`, which runs each (object, step) timer at most once at a time, so a restart
 * (or a restored --state) simply re-schedules what is still pending.
 */
export abstract class ReconcilingController implements Controller {
  readonly name: string;
  protected readonly primary: ResourceKey;
  private readonly owned: ResourceKey[];
  private ctx?: ControllerContext;
  private unsubscribe?: () => void;
  private readonly queue = new Set<string>();
  private flushing = false;
  private readonly timers = new Set<string>();
  private stopped = false;

  protected constructor(options: ReconcilingControllerOptions) {
    this.name = options.name;
    this.primary = options.primary;
    this.owned = options.owned ?? [];
  }

  /** The context while started. */
  protected get context(): ControllerContext {
    if (!this.ctx) throw new Error(`${this.name} is not started`);
    return this.ctx;
  }

  start(context: ControllerContext): void {
    this.ctx = context;
    this.stopped = false;
    this.unsubscribe = context.store.subscribe(event => this.onEvent(event));
    this.onStart();
    for (const object of context.store.list(this.primary)) {
      this.enqueue(object.metadata.namespace, object.metadata.name!);
    }
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.queue.clear();
    this.timers.clear();
  }

  /** Hook for controllers that need to set up more than the primary watch. */
  protected onStart(): void {}

  /** Brings the world in line with one primary object (which exists and is current). */
  protected abstract reconcile(object: KubeObject): void;

  /** Called when a primary object is gone (its children are garbage-collected by the store). */
  protected onDeleted(_object: KubeObject): void {}

  /** Whether the controller is started and not stopped. */
  protected get running(): boolean {
    return !!this.ctx && !this.stopped;
  }

  /** Queues a reconcile of a primary object. */
  enqueue(namespace: string | undefined, name: string): void {
    this.queue.add(`${namespace ?? ''}/${name}`);
    if (!this.flushing) {
      this.flushing = true;
      queueMicrotask(() => this.flush());
    }
  }

  /**
   * Runs `fn` after `ms` (scaled), once per `step` of an object: scheduling the same step again
   * while it is pending is a no-op. The primary object is re-queued after `fn`.
   */
  protected schedule(
    object: KubeObject,
    step: string,
    ms: number,
    fn: () => void,
  ): void {
    const { namespace, name, uid } = object.metadata;
    const id = `${namespace ?? ''}/${name}/${uid ?? ''}/${step}`;
    if (this.timers.has(id)) return;
    this.timers.add(id);
    this.context.after(ms, () => {
      if (!this.timers.delete(id) || !this.running) return;
      try {
        fn();
      } catch (error) {
        this.report(error);
      }
      this.enqueue(namespace, name!);
    });
  }

  private onEvent(event: StoreEvent): void {
    const key = resourceKeyOf(event);
    const { metadata } = event.object;
    if (key === this.primary) {
      if (event.type === 'DELETED') {
        try {
          this.onDeleted(event.object);
        } catch (error) {
          this.report(error);
        }
        return;
      }
      this.enqueue(metadata.namespace, metadata.name!);
      return;
    }
    if (!this.owned.includes(key)) return;
    for (const target of this.primariesOf(key, event.object)) {
      this.enqueue(target.namespace, target.name);
    }
  }

  /**
   * Which primary objects a change of an owned object concerns: by default the owners of the
   * primary kind in its ownerReferences. Override for grandchildren (e.g. a StatefulSet's pods).
   */
  protected primariesOf(
    _key: ResourceKey,
    object: KubeObject,
  ): Array<{ namespace?: string; name: string }> {
    const primaryType = this.context.store.resource(this.primary);
    return (object.metadata.ownerReferences ?? [])
      .filter(ref => ref.kind === primaryType?.kind)
      .map(ref => ({
        namespace: primaryType?.namespaced
          ? object.metadata.namespace
          : undefined,
        name: ref.name,
      }));
  }

  private flush(): void {
    this.flushing = false;
    if (!this.running) return;
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      const slash = key.indexOf('/');
      const namespace = key.slice(0, slash) || undefined;
      const name = key.slice(slash + 1);
      const object = this.context.store.get(this.primary, namespace, name);
      if (!object || object.metadata.labels?.[STATIC_LABEL] === 'true')
        continue;
      try {
        this.reconcile(object);
      } catch (error) {
        this.report(error);
      }
    }
  }

  private report(error: unknown): void {
    // Controllers never throw out of the loop; a conflict or a vanished object is retried on the
    // next event, like a real controller's requeue.
    if (process.env.KUBEFLOW_SANDBOX_DEBUG) {
      // eslint-disable-next-line no-console
      console.warn(`[${this.name}]`, error);
    }
  }
}

/** The store key of the event's resource type. */
export function resourceKeyOf(event: StoreEvent): ResourceKey {
  const { plural, group } = event.resource;
  return group ? `${plural}.${group}` : plural;
}
