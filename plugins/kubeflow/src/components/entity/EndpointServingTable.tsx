import {
  CopyTextButton,
  Link,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { EndpointDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import { ReactNode } from 'react';
import {
  componentText,
  deploymentModeText,
  formatText,
  resourcesText,
  runtimeText,
} from '../EndpointsCard/endpointText';

/** The storage rows: the URI, else the storage spec's key, path, schema and parameters. */
function storageRows(endpoint: EndpointDto): Record<string, ReactNode> {
  const { storage, storageUri, storageUris } = endpoint;
  const rows: Record<string, ReactNode> = {};
  if (storageUri) rows['Storage URI'] = storageUri;
  if (storage) {
    rows.Storage = [
      storage.key ? `key ${storage.key}` : '',
      storage.path ? `path ${storage.path}` : '',
      storage.schemaPath ? `schema ${storage.schemaPath}` : '',
      ...Object.entries(storage.parameters ?? {}).map(([k, v]) => `${k}=${v}`),
    ]
      .filter(Boolean)
      .join(', ');
  }
  if (!storageUri && !storage && endpoint.predictorForm !== 'custom') {
    rows['Storage URI'] = '—';
  }
  if (storageUris?.length) rows['More storage URIs'] = storageUris.join(', ');
  return rows;
}

/** Rows only for the values the object states, so a simple endpoint keeps a short table. */
function optional(
  entries: Array<[string, ReactNode | undefined]>,
): Record<string, ReactNode> {
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

/**
 * What an endpoint serves and how, as its object states it in any predictor form: format,
 * runtime, storage or image, protocol, mode, scaling, resources and GPU, transformer, explainer.
 */
export const EndpointServingTable = ({
  endpoint,
}: {
  endpoint: EndpointDto;
}) => {
  const e = endpoint;
  const custom = e.predictorForm === 'custom';
  const metadata: Record<string, ReactNode> = {
    URL: e.url ? (
      <>
        <Link to={e.url}>{e.url}</Link>
        <CopyTextButton text={e.url} />
      </>
    ) : (
      'not ready yet'
    ),
    'Model format': formatText(e) ?? '—',
    ...(custom ? {} : { Runtime: runtimeText(e) }),
    ...optional([
      ['Runtime version', e.runtimeVersion],
      ['Protocol', e.protocolVersion],
    ]),
    ...storageRows(e),
    ...optional([
      ['Image', e.image],
      ['Arguments', e.args?.join(' ')],
    ]),
    'Deployment mode': deploymentModeText(e),
    Replicas: `${e.minReplicas ?? 1} – ${e.maxReplicas ?? e.minReplicas ?? 1}`,
    ...optional([
      [
        'Scale target',
        e.scaleTarget !== undefined
          ? `${e.scaleTarget}${e.scaleMetric ? ` ${e.scaleMetric}` : ''}`
          : e.scaleMetric,
      ],
      [
        'Canary traffic',
        e.canaryTrafficPercent !== undefined
          ? `${e.canaryTrafficPercent}%`
          : undefined,
      ],
      ['Container concurrency', e.containerConcurrency?.toString()],
      ['Timeout', e.timeout !== undefined ? `${e.timeout} s` : undefined],
      ['Service account', e.serviceAccountName],
      ['Resources', resourcesText(e.resources)],
      ['GPU', e.gpu ? `${e.gpu.count} × ${e.gpu.resource}` : undefined],
      [
        'Batcher',
        e.batcher
          ? [
              e.batcher.maxBatchSize !== undefined
                ? `max batch ${e.batcher.maxBatchSize}`
                : '',
              e.batcher.maxLatency !== undefined
                ? `max latency ${e.batcher.maxLatency} ms`
                : '',
            ]
              .filter(Boolean)
              .join(', ') || 'on'
          : undefined,
      ],
      [
        'Logger',
        e.logger
          ? [e.logger.mode, e.logger.url].filter(Boolean).join(' → ') || 'on'
          : undefined,
      ],
      ['Transformer', e.transformer && componentText(e.transformer)],
      ['Explainer', e.explainer && componentText(e.explainer)],
    ]),
  };
  return <StructuredMetadataTable metadata={metadata} />;
};
