import {
  ServingRuntimeSummary,
  automaticServingRuntime,
  servingRuntimeOptions,
  servingRuntimeProblem,
} from './servingRuntimes';

const runtime = (
  name: string,
  formats: ServingRuntimeSummary['formats'],
  options: { clusterScoped?: boolean; disabled?: boolean } = {},
): ServingRuntimeSummary => ({
  name,
  formats,
  clusterScoped: options.clusterScoped ?? true,
  disabled: options.disabled ?? false,
});

const triton = runtime('kserve-tritonserver', [
  { name: 'onnx', version: '1', autoSelect: true, priority: 1 },
  { name: 'tensorflow', version: '2', autoSelect: true, priority: 1 },
]);
const tfServing = runtime('kserve-tensorflow-serving', [
  { name: 'tensorflow', version: '2', autoSelect: true, priority: 2 },
]);
const ownOnnx = runtime('team-onnx', [{ name: 'ONNX', autoSelect: true }], {
  clusterScoped: false,
});
const manualOnly = runtime('manual-onnx', [{ name: 'onnx' }]);

describe('serving runtime selection', () => {
  it('takes the profile’s own runtime first, then the highest priority', () => {
    expect(automaticServingRuntime([triton, ownOnnx], 'onnx', '1')?.name).toBe(
      'team-onnx',
    );
    expect(
      automaticServingRuntime([triton, tfServing], 'tensorflow', '2.14')?.name,
    ).toBe('kserve-tensorflow-serving');
  });

  it('skips disabled runtimes, other major versions and runtimes not auto-selectable', () => {
    const disabled = { ...ownOnnx, disabled: true };
    expect(automaticServingRuntime([disabled, triton], 'onnx')?.name).toBe(
      'kserve-tritonserver',
    );
    expect(automaticServingRuntime([triton], 'onnx', '2')).toBeUndefined();
    expect(automaticServingRuntime([manualOnly], 'onnx')).toBeUndefined();
  });

  it('says why a named runtime cannot serve a format', () => {
    expect(servingRuntimeProblem([triton], 'nope', 'onnx')).toBe(
      "ServingRuntime 'nope' does not exist; available: kserve-tritonserver",
    );
    expect(
      servingRuntimeProblem([triton], 'kserve-tritonserver', 'sklearn'),
    ).toBe('ServingRuntime kserve-tritonserver does not serve sklearn models');
    expect(
      servingRuntimeProblem([manualOnly], 'manual-onnx', 'onnx'),
    ).toBeUndefined();
  });

  it('lists the runtimes serving a format for the picker, with the automatic pick', () => {
    expect(
      servingRuntimeOptions(
        [triton, tfServing, manualOnly, ownOnnx],
        'onnx',
        '1',
      ),
    ).toEqual({
      format: 'onnx',
      formatVersion: '1',
      automatic: 'team-onnx',
      runtimes: [
        {
          name: 'team-onnx',
          clusterScoped: false,
          disabled: false,
          autoSelect: true,
        },
        {
          name: 'kserve-tritonserver',
          clusterScoped: true,
          disabled: false,
          autoSelect: true,
          priority: 1,
          formatVersion: '1',
        },
        {
          name: 'manual-onnx',
          clusterScoped: true,
          disabled: false,
          autoSelect: false,
        },
      ],
    });
    expect(servingRuntimeOptions([triton], 'mlflow')).toEqual({
      format: 'mlflow',
      runtimes: [],
    });
  });
});
