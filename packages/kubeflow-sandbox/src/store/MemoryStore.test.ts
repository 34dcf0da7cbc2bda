import { TypeRegistry } from '../schema/TypeRegistry';
import { SchemaValidator } from '../schema/SchemaValidator';
import { resolveSpecsDir } from '../sandbox';
import { MemoryStore, StoreChange } from './MemoryStore';
import { StatusError } from './StatusError';

const registry = TypeRegistry.load(resolveSpecsDir());

function newStore() {
  const store = new MemoryStore({
    registry,
    validator: new SchemaValidator(registry),
  });
  store.create('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'team-a' },
  });
  return store;
}

const cm = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'team-a', ...extra },
  data: { a: '1' },
});

describe('MemoryStore', () => {
  it('keeps a global resourceVersion and generation, and skips no-op writes', () => {
    const store = newStore();
    const created = store.create('configmaps', cm('one'));
    expect(created.metadata.resourceVersion).toBe(
      String(store.currentResourceVersion()),
    );
    expect(created.metadata.generation).toBe(1);
    const same = store.update('configmaps', created);
    expect(same.metadata.resourceVersion).toBe(
      created.metadata.resourceVersion,
    );
    const changed = store.update('configmaps', {
      ...created,
      data: { a: '2' },
    });
    expect(Number(changed.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    expect(changed.metadata.generation).toBe(2);
    expect(() =>
      store.update('configmaps', { ...created, data: { a: '3' } }),
    ).toThrow(expect.objectContaining({ code: 409, reason: 'Conflict' }));
  });

  it('honours finalizers: deletionTimestamp first, removal when the last finalizer goes', () => {
    const store = newStore();
    const events: StoreChange[] = [];
    store.subscribe(e => events.push(e));
    store.create(
      'configmaps',
      cm('held', { finalizers: ['example.com/hold'] }),
    );
    const terminating = store.delete('configmaps', 'team-a', 'held');
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(store.get('configmaps', 'team-a', 'held')).toBeDefined();
    expect(() =>
      store.mutate('configmaps', 'team-a', 'held', o =>
        o.metadata.finalizers!.push('new'),
      ),
    ).toThrow(StatusError);
    store.mutate('configmaps', 'team-a', 'held', o => {
      o.metadata.finalizers = [];
    });
    expect(store.get('configmaps', 'team-a', 'held')).toBeUndefined();
    expect(events.map(e => e.type)).toEqual([
      'ADDED',
      'MODIFIED',
      'MODIFIED',
      'DELETED',
    ]);
  });

  it('cascades deletion through ownerReferences and namespaces', () => {
    const store = newStore();
    const owner = store.create('configmaps', cm('owner'));
    store.create(
      'configmaps',
      cm('child', {
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            name: 'owner',
            uid: owner.metadata.uid!,
          },
        ],
      }),
    );
    store.delete('configmaps', 'team-a', 'owner');
    expect(store.get('configmaps', 'team-a', 'child')).toBeUndefined();
    store.create('configmaps', cm('left'));
    store.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'team-a' },
    });
    store.delete('namespaces', undefined, 'team-a');
    expect(store.list('configmaps', 'team-a')).toEqual([]);
    expect(store.list('secrets', 'team-a')).toEqual([]);
    expect(store.get('namespaces', undefined, 'team-a')).toBeUndefined();
  });

  it('keeps a terminating namespace until its finalized content is gone', () => {
    const store = newStore();
    store.create('configmaps', cm('held', { finalizers: ['x'] }));
    store.delete('namespaces', undefined, 'team-a');
    expect(store.get('namespaces', undefined, 'team-a')?.status).toEqual({
      phase: 'Terminating',
    });
    store.mutate('configmaps', 'team-a', 'held', o => {
      delete o.metadata.finalizers;
    });
    expect(store.get('namespaces', undefined, 'team-a')).toBeUndefined();
  });

  it('does nothing on dryRun and restores snapshots with the resourceVersion', () => {
    const store = newStore();
    const rv = store.currentResourceVersion();
    const dry = store.create('configmaps', cm('dry'), { dryRun: true });
    expect(dry.metadata.name).toBe('dry');
    expect(store.currentResourceVersion()).toBe(rv);
    expect(store.get('configmaps', 'team-a', 'dry')).toBeUndefined();
    store.create('configmaps', cm('kept'));
    const copy = new MemoryStore({ registry });
    copy.restore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(copy.currentResourceVersion()).toBe(store.currentResourceVersion());
    expect(copy.get('configmaps', 'team-a', 'kept')?.data).toEqual({ a: '1' });
    expect(copy.history.covers(store.currentResourceVersion() - 1)).toBe(false);
  });

  it('holds 100k objects and pages through the sorted index quickly', () => {
    const store = newStore();
    const started = Date.now();
    for (let i = 0; i < 100_000; i++) {
      store.create('configmaps', cm(`cm-${String(i).padStart(6, '0')}`), {
        skipValidation: true,
      });
    }
    const table = store.table('configmaps');
    const page: string[] = [];
    for (const [key] of table.scan('team-a', 'team-a/cm-050000')) {
      page.push(key);
      if (page.length === 3) break;
    }
    expect(page).toEqual([
      'team-a/cm-050001',
      'team-a/cm-050002',
      'team-a/cm-050003',
    ]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
