import { Entity } from '@backstage/catalog-model';
import { kubeflowSearchTransformer } from './module';

describe('kubeflowSearchTransformer', () => {
  const version: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'team-vision.fraud-detection.v2',
      namespace: 'sandbox',
      title: 'fraud-detection v2',
      description: 'Version v2 of fraud-detection.',
      tags: ['kubeflow', 'model-version', 'sklearn'],
      annotations: {
        'kubeflow.org/cluster': 'sandbox',
        'kubeflow.org/properties':
          'format=sklearn; auc=0.957; notebook=defect-eda',
      },
    },
    spec: { type: 'ai-model-version', owner: 'group:sandbox/team-vision' },
  };

  it('indexes the title, tags, format and metrics of a Kubeflow entity', () => {
    const document = kubeflowSearchTransformer(version);
    expect(document.title).toBe('fraud-detection v2');
    expect(document.text).toContain('Version v2 of fraud-detection.');
    expect(document.text).toContain('sklearn');
    expect(document.text).toContain('auc=0.957');
    expect(document.componentType).toBe('ai-model-version');
  });

  it('leaves other entities as the default transformer makes them', () => {
    const plain = { ...version, metadata: { name: 'x', description: 'plain' } };
    expect(kubeflowSearchTransformer(plain).text).toBe('plain');
  });
});
