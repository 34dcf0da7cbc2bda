import { parseFieldSelector, parseLabelSelector } from './selectors';

const obj = (
  labels: Record<string, string>,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'e', namespace: 'ns', labels },
  ...extra,
});

describe('selectors', () => {
  it('matches label selector operators', () => {
    const o = obj({ app: 'nb', tier: 'gpu' });
    const cases: Array<[string, boolean]> = [
      ['app=nb', true],
      ['app==nb', true],
      ['app!=nb', false],
      ['tier in (gpu, cpu)', true],
      ['tier notin (gpu)', false],
      ['missing notin (x)', true],
      ['app', true],
      ['!app', false],
      ['!missing,app=nb', true],
    ];
    for (const [selector, expected] of cases)
      expect([selector, parseLabelSelector(selector)(o)]).toEqual([
        selector,
        expected,
      ]);
    expect(() => parseLabelSelector('a in b')).toThrow();
  });

  it('matches field selectors including involvedObject', () => {
    const event = obj(
      {},
      { involvedObject: { kind: 'Pod', name: 'nb-0', uid: 'u1' } },
    );
    expect(
      parseFieldSelector('involvedObject.name=nb-0,involvedObject.kind=Pod')(
        event,
      ),
    ).toBe(true);
    expect(parseFieldSelector('involvedObject.uid!=u1')(event)).toBe(false);
    expect(
      parseFieldSelector('metadata.namespace=ns,metadata.name=e')(event),
    ).toBe(true);
    expect(() => parseFieldSelector('spec.whatever=1')).toThrow(
      'not a known field selector',
    );
  });
});
