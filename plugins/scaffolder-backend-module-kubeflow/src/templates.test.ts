import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import { ActionHarness } from './__testUtils__/harness';

const REPO = path.resolve(__dirname, '../../..');
const BUILTIN = new Set([
  'fetch:template',
  'publish:github',
  'catalog:register',
  'debug:log',
]);

function templates() {
  const location = (
    yaml.loadAll(
      fs.readFileSync(path.join(REPO, 'catalog-info.yaml'), 'utf8'),
    ) as any[]
  ).find(
    d =>
      d.kind === 'Location' && d.metadata.name === 'kubeflow-portal-templates',
  );
  return (location.spec.targets as string[]).map(target => ({
    target,
    template: yaml.load(
      fs.readFileSync(path.join(REPO, target), 'utf8'),
    ) as any,
  }));
}

/** Every property of a form page, including those behind `dependencies`. */
function properties(page: any): Array<[string, any]> {
  const own = Object.entries(page.properties ?? {});
  const dependent = Object.values(page.dependencies ?? {}).flatMap((d: any) =>
    (d.oneOf ?? []).flatMap((branch: any) =>
      Object.entries(branch.properties ?? {}).filter(
        ([, p]: any) => p.const === undefined,
      ),
    ),
  );
  return [...own, ...dependent] as Array<[string, any]>;
}

describe('the templates in templates/', () => {
  let h: ActionHarness;
  beforeAll(async () => {
    h = await ActionHarness.start();
  }, 60_000);
  afterAll(() => h.stop());

  it('registers one template per resource and the ML project', () => {
    expect(
      templates()
        .map(t => t.template.metadata.name)
        .sort(),
    ).toEqual([
      'kubeflow-deploy-model',
      'kubeflow-katib-tuning',
      'kubeflow-notebook',
      'kubeflow-pipeline-run',
      'kubeflow-profile',
      'kubeflow-spark-job',
      'kubeflow-training-job',
      'ml-project',
    ]);
  });

  describe.each(templates().map(t => [t.target, t.template] as const))(
    '%s',
    (_target, template) => {
      it('is a v1beta3 Template whose every field has a title and a description', () => {
        expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
        expect(template.kind).toBe('Template');
        for (const page of template.spec.parameters) {
          for (const [name, field] of properties(page)) {
            expect({
              name,
              title: !!field.title,
              description: !!field.description,
            }).toEqual({
              name,
              title: true,
              description: true,
            });
          }
        }
      });

      it('uses only actions that exist, with inputs their schemas declare', () => {
        for (const step of template.spec.steps) {
          if (BUILTIN.has(step.action)) continue;
          const action = h.actions.find(a => a.id === step.action);
          expect({
            step: step.id,
            action: step.action,
            exists: !!action,
          }).toEqual({
            step: step.id,
            action: step.action,
            exists: true,
          });
          const schema = action!.schema!.input as any;
          const declared = Object.keys(schema.properties);
          expect({
            step: step.id,
            unknown: Object.keys(step.input).filter(k => !declared.includes(k)),
          }).toEqual({
            step: step.id,
            unknown: [],
          });
          const missing = (schema.required ?? []).filter(
            (k: string) => !(k in step.input),
          );
          expect({ step: step.id, missing }).toEqual({
            step: step.id,
            missing: [],
          });
        }
      });

      it('sends only parameters the form declares', () => {
        const declared = new Set(
          template.spec.parameters.flatMap((p: any) =>
            properties(p).map(([n]) => n),
          ),
        );
        const text =
          JSON.stringify(template.spec.steps) +
          JSON.stringify(template.spec.output ?? {});
        const used = [...text.matchAll(/parameters\.([a-zA-Z]+)/g)].map(
          m => m[1],
        );
        expect(
          used.filter(
            u =>
              !declared.has(u) &&
              !template.spec.parameters.some((p: any) => p.dependencies?.[u]),
          ),
        ).toEqual([]);
      });
    },
  );
});
