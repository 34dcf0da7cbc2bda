import type { KubeObject } from './types';

/** A dependent object: its type key and its key within the type. */
export interface Dependent {
  key: string;
  id: string;
}

/** Owner uid → dependents (from ownerReferences), for garbage collection without full scans. */
export class OwnerIndex {
  private readonly byOwner = new Map<string, Set<string>>();

  /** Updates the index for one object's change (`before` / `after` undefined on create / delete). */
  update(
    key: string,
    id: string,
    before?: KubeObject,
    after?: KubeObject,
  ): void {
    const member = `${key}\u0000${id}`;
    for (const ref of before?.metadata.ownerReferences ?? [])
      this.byOwner.get(ref.uid)?.delete(member);
    for (const ref of after?.metadata.ownerReferences ?? []) {
      if (!ref.uid) continue;
      const set = this.byOwner.get(ref.uid) ?? new Set<string>();
      set.add(member);
      this.byOwner.set(ref.uid, set);
    }
  }

  /** The dependents of an owner. */
  dependents(uid: string): Dependent[] {
    return [...(this.byOwner.get(uid) ?? [])].map(member => {
      const [key, id] = member.split('\u0000');
      return { key, id };
    });
  }

  clear(): void {
    this.byOwner.clear();
  }
}
