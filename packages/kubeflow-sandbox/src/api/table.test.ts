import { evalJsonPath } from './table';

describe('printer-column JSONPaths', () => {
  const object = {
    status: {
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'Degraded', status: 'False', reason: 'AllGood' },
      ],
    },
  };

  it('reads a field of the condition a filter selects', () => {
    expect(
      evalJsonPath(object, '.status.conditions[?(@.type=="Ready")].status'),
    ).toBe('True');
    expect(
      evalJsonPath(object, '.status.conditions[?(@.type=="Degraded")].reason'),
    ).toBe('AllGood');
  });

  it('gives no value (printed <none>) for a field the selected condition lacks', () => {
    expect(
      evalJsonPath(object, '.status.conditions[?(@.type=="Ready")].reason'),
    ).toBeUndefined();
  });
});
