import { kubeflowEntityName } from './entityModel';

describe('kubeflowEntityName', () => {
  it('joins safe parts with dots', () => {
    expect(kubeflowEntityName('team-vision', 'defect-eda')).toBe(
      'team-vision.defect-eda',
    );
  });

  it('makes unsafe parts safe and keeps them apart with a hash', () => {
    const a = kubeflowEntityName('Demand Forecast', 'v1');
    const b = kubeflowEntityName('demand-forecast', 'v1');
    expect(a).toMatch(/^demand-forecast\.v1-[0-9a-f]{8}$/);
    expect(b).toBe('demand-forecast.v1');
    expect(a).not.toBe(b);
  });

  it('stays within 63 characters and valid', () => {
    const name = kubeflowEntityName('team-vision', 'x'.repeat(120));
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/);
    expect(kubeflowEntityName('team-vision', 'y'.repeat(120))).not.toBe(name);
  });
});
