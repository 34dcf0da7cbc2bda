import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import {
  DEPLOY_DIR,
  kubectl,
  Manifest,
  only,
  overlays,
  render,
  toYaml,
  writeKubeconfig,
} from './__testUtils__/manifests';
import { ISTIO_SHAPES, shapeErrors } from './__testUtils__/istioShapes';

const run = promisify(execFile);
const REPO = path.resolve(DEPLOY_DIR, '..');

/** The keys of the kubeflow-portal-auth Secret the production overlay's auth layer reads. */
const AUTH_SECRET_KEYS = [
  'AUTH_SESSION_SECRET',
  'AUTH_OIDC_METADATA_URL',
  'AUTH_OIDC_CLIENT_ID',
  'AUTH_OIDC_CLIENT_SECRET',
];

/** Kinds the sandbox does not serve (no Istio CRDs in the shared specs): checked structurally. */
const isIstio = (o: Manifest) => /\.istio\.io\//.test(o.apiVersion);

describe('deploy/: the kustomize overlays', () => {
  let sandbox: Sandbox;
  let kubeconfig: string;
  const rendered = new Map<string, Manifest[]>();

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'none',
      controllers: false,
      logger: { warn: () => {} },
    });
    kubeconfig = writeKubeconfig(sandbox.url);
    for (const overlay of overlays()) {
      rendered.set(overlay, await render(`overlays/${overlay}`));
    }
    // As on a real cluster, namespaced objects dry-run only into a namespace that exists.
    await kubectl(['create', 'namespace', 'kubeflow-portal'], { kubeconfig });
  }, 60_000);
  afterAll(async () => {
    fs.rmSync(path.dirname(kubeconfig), { recursive: true, force: true });
    await sandbox?.stop();
  });

  it('has the demo and production overlays, each rendering the whole install', () => {
    expect([...rendered.keys()]).toEqual(
      expect.arrayContaining(['sandbox', 'production', 'production-istio']),
    );
    for (const [overlay, objects] of rendered) {
      const kinds = objects.map(o => o.kind);
      expect({ overlay, kinds }).toEqual({
        overlay,
        kinds: expect.arrayContaining([
          'Namespace',
          'ServiceAccount',
          'ClusterRole',
          'ClusterRoleBinding',
          'ConfigMap',
          'Service',
          'Deployment',
        ]),
      });
      // References to Secrets only, never a Secret with values.
      expect(kinds).not.toContain('Secret');
    }
  });

  it.each(['sandbox', 'production'])(
    'the %s overlay is accepted by server-side dry run, every object',
    async overlay => {
      const out = await kubectl(
        [
          'apply',
          '--dry-run=server',
          '-o',
          'json',
          '-k',
          path.join(DEPLOY_DIR, 'overlays', overlay),
        ],
        { kubeconfig },
      );
      const accepted = JSON.parse(out).items as Manifest[];
      const name = (o: Manifest) => `${o.kind}/${o.metadata.name}`;
      expect(accepted.map(name).sort()).toEqual(
        rendered.get(overlay)!.map(name).sort(),
      );
    },
  );

  it('production behind Istio: the Kubernetes objects by dry run, the Istio ones structurally', async () => {
    const objects = rendered.get('production-istio')!;
    const istio = objects.filter(isIstio);
    expect(istio.map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'AuthorizationPolicy/kubeflow-portal',
      'AuthorizationPolicy/kubeflow-portal-to-ml-pipeline',
      'VirtualService/kubeflow-portal',
    ]);
    const out = await kubectl(
      ['apply', '--dry-run=server', '-o', 'json', '-f', '-'],
      { kubeconfig, input: toYaml(objects.filter(o => !isIstio(o))) },
    );
    expect(JSON.parse(out).items).toHaveLength(objects.length - istio.length);
    for (const object of istio) {
      const shape = ISTIO_SHAPES[`${object.apiVersion}/${object.kind}`];
      expect(shape).toBeDefined();
      expect(shapeErrors(object, shape, object.kind)).toEqual([]);
    }

    // The route and the policy point at what the install creates, through Kubeflow's gateway.
    const service = only(objects, 'Service');
    const deployment = only(objects, 'Deployment');
    const virtualService = only(objects, 'VirtualService');
    expect(virtualService.spec.gateways).toEqual(['kubeflow/kubeflow-gateway']);
    expect(virtualService.spec.http[0].route[0].destination).toEqual({
      host: `${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local`,
      port: { number: service.spec.ports[0].port },
    });
    const policy = only(objects, 'AuthorizationPolicy', 'kubeflow-portal');
    const podLabels = deployment.spec.template.metadata.labels;
    for (const [key, value] of Object.entries(
      policy.spec.selector.matchLabels,
    )) {
      expect(podLabels[key]).toBe(value);
    }
    expect(policy.spec.rules[0].from[0].source.principals).toEqual([
      'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
    ]);
    expect(policy.spec.rules[0].when).toEqual([
      { key: 'request.headers[kubeflow-userid]', values: ['*'] },
    ]);
    expect(only(objects, 'Namespace').metadata.labels).toMatchObject({
      'istio-injection': 'enabled',
    });
    // KFP in the mesh: its API server admits the portal's workload identity, and the portal
    // reaches it with a token of KFP's audience at the in-cluster Service.
    const sa = only(objects, 'ServiceAccount');
    const toKfp = only(
      objects,
      'AuthorizationPolicy',
      'kubeflow-portal-to-ml-pipeline',
    );
    expect(toKfp.metadata.namespace).toBe('kubeflow');
    expect(toKfp.spec.rules[0].from[0].source.principals).toEqual([
      `cluster.local/ns/${sa.metadata.namespace}/sa/${sa.metadata.name}`,
    ]);
    const kfpVolume = deployment.spec.template.spec.volumes.find(
      (v: any) => v.name === 'kfp-token',
    );
    expect(kfpVolume.projected.sources[0].serviceAccountToken.audience).toBe(
      'pipelines.kubeflow.org',
    );
  });

  it('rejects a typo, so the dry run above can fail', async () => {
    const objects = structuredClone(rendered.get('sandbox')!);
    const deployment = only(objects, 'Deployment');
    deployment.spec.template.spec.containers[0].readinesProbe = {};
    await expect(
      kubectl(['apply', '--dry-run=server', '-f', '-'], {
        kubeconfig,
        input: toYaml([deployment]),
      }),
    ).rejects.toThrow(
      /unknown field "spec.template.spec.containers\[0\].readinesProbe"/,
    );
    const istio = structuredClone(
      only(rendered.get('production-istio')!, 'VirtualService'),
    );
    istio.spec.http[0].route[0].destination.hots = 'x';
    expect(
      shapeErrors(istio, ISTIO_SHAPES['networking.istio.io/v1/VirtualService']),
    ).toContain('.spec.http[0].route[0].destination.hots: unknown field');
  });

  it.each(['sandbox', 'production', 'production-istio'])(
    'the %s Deployment: health probes, resources, non-root, read-only root with writable /tmp',
    overlay => {
      const objects = rendered.get(overlay)!;
      const deployment = only(objects, 'Deployment');
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      expect(pod.serviceAccountName).toBe(
        only(objects, 'ServiceAccount').metadata.name,
      );
      expect(container.readinessProbe.httpGet.path).toBe(
        '/.backstage/health/v1/readiness',
      );
      expect(container.livenessProbe.httpGet.path).toBe(
        '/.backstage/health/v1/liveness',
      );
      expect(container.resources.requests).toEqual(
        expect.objectContaining({ cpu: expect.any(String) }),
      );
      expect(container.resources.limits.memory).toBeDefined();
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(typeof pod.securityContext.runAsUser).toBe('number');
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = container.volumeMounts.find(
        (m: any) => m.mountPath === '/tmp',
      );
      expect(pod.volumes.find((v: any) => v.name === tmp.name)).toHaveProperty(
        'emptyDir',
      );
      // Every ConfigMap the pod reads is one the overlay renders (kustomize's hashed names).
      const configMaps = objects
        .filter(o => o.kind === 'ConfigMap')
        .map(o => o.metadata.name);
      const referenced = [
        ...pod.volumes
          .filter((v: any) => v.configMap)
          .map((v: any) => v.configMap.name),
        ...container.env
          .filter((e: any) => e.valueFrom?.configMapKeyRef)
          .map((e: any) => e.valueFrom.configMapKeyRef.name),
      ];
      expect(referenced.length).toBeGreaterThan(0);
      for (const name of referenced) expect(configMaps).toContain(name);
      // Each --config file the container is given is a key of the mounted ConfigMap.
      const mounted = objects.find(
        o =>
          o.metadata.name ===
          pod.volumes.find((v: any) => v.configMap).configMap.name,
      )!;
      const files: string[] = container.args
        .filter((a: string) => a.startsWith('/etc/kubeflow-portal/'))
        .map((a: string) => path.basename(a));
      for (const file of files)
        expect(Object.keys(mounted.data)).toContain(file);
    },
  );

  it.each(['sandbox', 'production', 'production-istio'])(
    'the %s configuration the container is started with is valid for the backend (config:check --strict)',
    async overlay => {
      const objects = rendered.get(overlay)!;
      const deployment = only(objects, 'Deployment');
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      // The ConfigMap's files as the pod mounts them; the image's files from the repository.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-config-'));
      const mount = container.volumeMounts.find(
        (m: any) => m.mountPath === '/etc/kubeflow-portal',
      );
      const configMap = only(
        objects,
        'ConfigMap',
        pod.volumes.find((v: any) => v.name === mount.name).configMap.name,
      );
      for (const [file, text] of Object.entries(configMap.data))
        fs.writeFileSync(path.join(dir, file), text as string);
      const files: string[] = container.args
        .filter((_: string, i: number) => container.args[i - 1] === '--config')
        .map((f: string) =>
          f.startsWith('/etc/kubeflow-portal/')
            ? path.join(dir, path.basename(f))
            : path.join(REPO, f),
        );
      // Every environment variable the pod gets, with placeholders for Secret values.
      const env: Record<string, string> = {};
      for (const e of container.env) {
        const ref = e.valueFrom?.configMapKeyRef;
        env[e.name] =
          e.value ??
          (ref ? only(objects, 'ConfigMap', ref.name).data[ref.key] : 'secret');
      }
      if (container.envFrom)
        for (const key of AUTH_SECRET_KEYS) env[key] = `secret-${key}`;
      try {
        const out = await run(
          path.join(REPO, 'node_modules/.bin/backstage-cli'),
          ['config:check', '--strict', ...files.flatMap(f => ['--config', f])],
          { cwd: REPO, env: { ...process.env, ...env } },
        );
        // A schema violation exits non-zero (execFile rejects); this names what was checked.
        expect(`${out.stdout}${out.stderr}`).toContain(
          `Loaded config from ${files.map(f => path.basename(f)).join(', ')}`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  /** The texts of the config files the overlay's container loads (`--config`), in order. */
  const configLayers = (overlay: string): string[] => {
    const objects = rendered.get(overlay)!;
    const [container] = only(objects, 'Deployment').spec.template.spec
      .containers;
    const mounted = Object.assign(
      {},
      ...objects
        .filter(o => o.kind === 'ConfigMap')
        .map(o => o.data as Record<string, string>),
    );
    return (container.args as string[])
      .filter((_, i, all) => all[i - 1] === '--config')
      .map(f =>
        f.startsWith('/etc/kubeflow-portal/')
          ? mounted[path.basename(f)]
          : fs.readFileSync(path.join(REPO, f), 'utf8'),
      );
  };

  it.each(['sandbox', 'production', 'production-istio'])(
    'the %s catalog reads only files the image holds (packages/backend/Dockerfile)',
    overlay => {
      const layers = configLayers(overlay).map(text =>
        yaml.load(text),
      ) as any[];
      // Lists are replaced: the last layer that has catalog.locations decides.
      const locations = layers.filter(l => l?.catalog?.locations).pop().catalog
        .locations as Array<{ type: string; target: string }>;
      const inImage = new Set(
        fs
          .readFileSync(path.join(__dirname, '../../Dockerfile'), 'utf8')
          .split('\n')
          .filter(line => line.startsWith('COPY '))
          .flatMap(line =>
            line
              .replace(/^COPY (--\S+ )*/, '')
              .split(/\s+/)
              .slice(0, -1),
          )
          .map(src => path.basename(src)),
      );
      const fromWorkdir = locations
        .filter(l => l.type === 'file' && l.target.startsWith('./'))
        .map(l => l.target.slice(2).split('/')[0]);
      expect(fromWorkdir.length).toBeGreaterThan(0);
      for (const file of fromWorkdir) expect(inImage).toContain(file);
      // catalog-info.yaml registers the templates by a path relative to itself.
      const registered = fromWorkdir.includes('catalog-info.yaml')
        ? (
            yaml.loadAll(
              fs.readFileSync(path.join(REPO, 'catalog-info.yaml'), 'utf8'),
            ) as any[]
          ).flatMap(e =>
            e?.kind === 'Location' ? e.spec.targets ?? [e.spec.target] : [],
          )
        : [];
      for (const target of registered)
        expect(inImage).toContain(target.replace(/^\.\//, '').split('/')[0]);
    },
  );

  it('production: database and sign-in from the Secrets the README documents, by reference only', () => {
    const deployment = only(rendered.get('production')!, 'Deployment');
    const [container] = deployment.spec.template.spec.containers;
    const fromSecrets = container.env
      .filter((e: any) => e.valueFrom?.secretKeyRef)
      .map(
        (e: any) =>
          `${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`,
      );
    expect(fromSecrets.sort()).toEqual([
      'kubeflow-portal-postgres/POSTGRES_HOST',
      'kubeflow-portal-postgres/POSTGRES_PASSWORD',
      'kubeflow-portal-postgres/POSTGRES_PORT',
      'kubeflow-portal-postgres/POSTGRES_USER',
    ]);
    expect(container.envFrom).toEqual([
      { secretRef: { name: 'kubeflow-portal-auth' } },
    ]);
    expect(container.env.filter((e: any) => 'value' in e)).toEqual([
      { name: 'NODE_ENV', value: 'production' },
    ]);
    const readme = fs.readFileSync(path.join(DEPLOY_DIR, 'README.md'), 'utf8');
    for (const ref of [
      ...fromSecrets,
      ...AUTH_SECRET_KEYS.map(key => `kubeflow-portal-auth/${key}`),
    ]) {
      const [secret, key] = ref.split('/');
      expect(readme).toContain(secret);
      expect(readme).toContain(key);
    }
  });

  it.each(['production', 'production-istio'])(
    'the %s sign-in: OIDC with every credential from the auth Secret, guest refused',
    overlay => {
      const layers = configLayers(overlay);
      // Later layers win: the last one that sets a key decides.
      const last = (get: (layer: any) => unknown) =>
        layers
          .map(text => get(yaml.load(text)))
          .filter(v => v !== undefined)
          .pop();
      expect(last(l => l?.auth?.environment)).toBe('production');
      expect(
        last(
          l => l?.auth?.providers?.guest?.dangerouslyAllowOutsideDevelopment,
        ),
      ).toBe(false);
      const oidc = last(l => l?.auth?.providers?.oidc?.production) as any;
      // Only environment variables, each a key of the Secret passed whole with envFrom.
      for (const key of ['metadataUrl', 'clientId', 'clientSecret']) {
        expect(oidc[key]).toMatch(/^\$\{AUTH_\w+\}$/);
        expect(AUTH_SECRET_KEYS).toContain(oidc[key].slice(2, -1));
      }
      expect(last(l => l?.auth?.session?.secret)).toBe(
        '${AUTH_SESSION_SECRET}',
      );
      // No literal credential anywhere in the auth configuration.
      for (const text of layers)
        expect(text).not.toMatch(/(clientSecret|secret):\s*['"]?(?!\$\{)\w/);
    },
  );
});
