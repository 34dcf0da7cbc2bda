import {
  EntitySummary,
  StartUpRig,
  startStartUpRig,
} from './__testUtils__/startUpRig';

/** How long a user may wait, after the catalog has changed, for what they may read to follow. */
const BOUND_MS = 60_000;
const GUEST = 'guest@example.com';
const RB = '/apis/rbac.authorization.k8s.io/v1';

/** Waits until `check` returns no complaint; its time in ms, or the last complaint after `ms`. */
async function within(
  ms: number,
  what: string,
  check: () => Promise<string | undefined>,
): Promise<number> {
  const started = Date.now();
  let complaint: string | undefined = 'never checked';
  while (Date.now() - started < ms) {
    complaint = await check().catch(error => String(error));
    if (!complaint) return Date.now() - started;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${ms} ms; last: ${complaint}`);
}

/** What differs between two sets of refs, briefly. */
function difference(actual: string[], expected: string[]): string | undefined {
  const missing = expected.filter(ref => !actual.includes(ref));
  const extra = actual.filter(ref => !expected.includes(ref));
  if (!missing.length && !extra.length) return undefined;
  return `${actual.length} instead of ${expected.length}; missing ${
    missing.length
  } (${missing.slice(0, 4).join(', ')}), extra ${extra.length} (${extra
    .slice(0, 4)
    .join(', ')})`;
}

describe('a user who signed in before ingestion finished', () => {
  let rig: StartUpRig | undefined;
  let guestToken = '';
  const measured: string[] = [];

  /** The profiles the guest has a RoleBinding in, as the cluster says now. */
  const guestProfiles = async () => {
    const [profiles, bindings] = await Promise.all(
      [`/apis/kubeflow.org/v1/profiles`, `${RB}/rolebindings`].map(async p =>
        (await fetch(`${rig!.sandbox.url}${p}`)).json(),
      ),
    );
    const names = new Set(profiles.items.map((p: any) => p.metadata.name));
    return new Set<string>(
      bindings.items
        .filter(
          (rb: any) =>
            names.has(rb.metadata.namespace) &&
            rb.subjects?.some(
              (s: any) => s.kind === 'User' && s.name === GUEST,
            ),
        )
        .map((rb: any) => rb.metadata.namespace),
    );
  };

  /** What the guest may read of the catalog's entities: the oracle, from the cluster's RBAC. */
  const readableByGuest = (entities: EntitySummary[], profiles: Set<string>) =>
    entities
      .filter(
        e =>
          !e.fromCluster ||
          e.public ||
          (e.kind === 'Group' && profiles.has(e.name)) ||
          [...profiles].some(p => e.owner === `group:sandbox/${p}`),
      )
      .map(e => e.ref)
      .sort();

  /** Undefined when the guest's catalog and search are what the cluster grants now. */
  const guestSeesWhatTheClusterGrants = async (withSearch: boolean) => {
    const profiles = await guestProfiles();
    const all = await rig!.catalog();
    const expected = readableByGuest(all, profiles);
    const mine = (await rig!.catalog(guestToken)).map(e => e.ref).sort();
    const inCatalog = difference(mine, expected);
    if (inCatalog) return `catalog: ${inCatalog}`;
    if (!withSearch) return undefined;
    const indexed = await rig!.search();
    const found = await rig!.search(guestToken);
    const inSearch = difference(
      found,
      indexed.filter(ref => expected.includes(ref)),
    );
    return inSearch ? `search: ${inSearch}` : undefined;
  };

  let saved = 0;
  afterEach(() => rig?.logs.save(`sign-in-at-start-up-${++saved}.log`));
  afterAll(async () => {
    await rig?.stop();
    // eslint-disable-next-line no-console
    console.log(measured.join('\n'));
  });

  it.each([
    ['at readiness', 1],
    ['once its User entity is in the catalog', 2],
    ['at readiness', 3],
  ])(
    'sees their profiles in catalog and search as soon as the catalog has them, signed in %s (start %i)',
    async (moment, start) => {
      await rig?.stop();
      rig = await startStartUpRig();
      if (moment !== 'at readiness') {
        await within(30_000, 'the guest User entity', async () =>
          (await rig!.catalog()).some(e => e.ref === 'user:default/guest')
            ? undefined
            : 'not yet',
        );
      }
      guestToken = await rig.signInAsGuest();
      const signedIn = Date.now();
      // Before the provider's first full read: nothing from the cluster, no profile claims.
      expect((await rig.catalog()).filter(e => e.fromCluster)).toEqual([]);
      const claims: string[] = (
        await (
          await fetch(`${rig.baseUrl}/api/auth/v1/userinfo`, {
            headers: { authorization: `Bearer ${guestToken}` },
          })
        ).json()
      ).claims.ent;
      expect(claims.filter(ref => ref.startsWith('group:sandbox/'))).toEqual(
        [],
      );

      await rig.triggerTask('kubeflow-sandbox:refresh');
      const applied = Date.now();
      const emitted = Number(
        rig.logs.lines
          .map(l => l.match(/Read (\d+) Kubeflow entities from sandbox/))
          .find(Boolean)?.[1],
      );
      expect(emitted).toBeGreaterThan(10);
      // The catalog has everything from the cluster (the provider resolves the profiles' people).
      const catalogFull = await within(BOUND_MS, 'the catalog', async () => {
        const all = await rig!.catalog();
        const fromCluster = all.filter(e => e.fromCluster).length;
        return fromCluster === emitted ? undefined : `${fromCluster} entities`;
      });
      const guestCatalog = await within(BOUND_MS, 'the guest’s catalog', () =>
        guestSeesWhatTheClusterGrants(false),
      );
      await rig.triggerTask('search_index_software_catalog');
      const guestSearch = await within(BOUND_MS, 'the guest’s search', () =>
        guestSeesWhatTheClusterGrants(true),
      );
      const visible = (await rig.catalog(guestToken)).filter(
        e => e.fromCluster,
      );
      expect(visible.filter(e => e.kind !== 'Group').length).toBeGreaterThan(
        10,
      );
      measured.push(
        `start ${start} (signed in ${moment}, ${
          applied - signedIn
        } ms before the first full read was applied; claims ${claims.join(
          ' ',
        )}): catalog full ${catalogFull} ms after; the same token saw its ${
          visible.length
        } Kubeflow entities in the catalog ${
          catalogFull + guestCatalog
        } ms after, in search ${guestSearch} ms after indexing`,
      );
    },
    180_000,
  );

  it('follows a membership removed and one added while signed in, with the same token', async () => {
    const sandbox = rig!.sandbox.url;
    const before = await guestProfiles();
    expect([...before].sort()).toEqual(['team-nlp', 'team-vision']);

    const removed = await fetch(
      `${sandbox}${RB}/namespaces/team-nlp/rolebindings/user-guest-example-com-clusterrole-view`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(200);
    const removal = await within(BOUND_MS, 'the removal', () =>
      guestSeesWhatTheClusterGrants(true),
    );
    const nlp = (await rig!.catalog(guestToken)).filter(e =>
      e.ref.includes('team-nlp'),
    );
    expect(nlp).toEqual([]);

    const added = await fetch(
      `${sandbox}${RB}/namespaces/team-forecasting/rolebindings`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: {
            name: 'user-guest-example-com-clusterrole-view',
            namespace: 'team-forecasting',
            annotations: { user: GUEST, role: 'view' },
          },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'kubeflow-view',
          },
          subjects: [
            {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'User',
              name: GUEST,
            },
          ],
        }),
      },
    );
    expect(added.status).toBe(201);
    const addition = await within(BOUND_MS, 'the addition', () =>
      guestSeesWhatTheClusterGrants(true),
    );
    const forecasting = (await rig!.catalog(guestToken)).filter(
      e => e.owner === 'group:sandbox/team-forecasting',
    );
    expect(forecasting.length).toBeGreaterThan(0);
    measured.push(
      `membership: removal followed in ${removal} ms, addition in ${addition} ms (catalog and search)`,
    );
  }, 150_000);
});
