import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import { ProfileDetailsDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Grid from '@material-ui/core/Grid';
import { useLiveEntityData } from './useKubeflowEntity';

const COUNT_LABELS: Record<string, string> = {
  notebooks: 'Notebooks',
  endpoints: 'Endpoints',
  katibExperiments: 'Katib experiments',
  trainJobs: 'Training jobs',
  sparkApplications: 'Spark applications',
};

const ProfileDetails = ({ profile }: { profile: ProfileDetailsDto }) => (
  <Grid container spacing={3}>
    <Grid item xs={12} md={6}>
      <InfoCard title={`Profile ${profile.name}`}>
        <StructuredMetadataTable
          metadata={{
            Owner: profile.owner ?? 'nobody',
            ...Object.fromEntries(
              Object.entries(profile.counts).map(([k, v]) => [
                COUNT_LABELS[k] ?? k,
                v,
              ]),
            ),
          }}
        />
      </InfoCard>
    </Grid>
    <Grid item xs={12} md={6}>
      {profile.quota ? (
        <Table
          title="Quota"
          subtitle="The profile's ResourceQuota (hard limits), as Kubernetes names them."
          options={{
            search: false,
            paging: false,
            padding: 'dense',
          }}
          columns={[
            { title: 'Resource', field: 'resource' },
            { title: 'Limit', field: 'limit' },
          ]}
          data={Object.entries(profile.quota).map(([resource, limit]) => ({
            resource,
            limit: String(limit),
          }))}
        />
      ) : (
        <InfoCard title="Quota">
          No resource quota is set for this profile.
        </InfoCard>
      )}
    </Grid>
    <Grid item xs={12}>
      <Table
        title="Contributors"
        options={{ search: false, paging: false, padding: 'dense' }}
        columns={[
          { title: 'User', field: 'user' },
          { title: 'Role', field: 'role' },
        ]}
        data={profile.contributors}
        emptyContent={
          <div style={{ padding: 16 }}>
            Only the owner works in this profile.
          </div>
        }
      />
    </Grid>
  </Grid>
);

/** A profile (group) entity's page: owner, contributors with roles, counts and quota. */
export const ProfileContent = () => {
  // Anything changing in the profile's namespace may change the counts.
  const { value, loading, error } = useLiveEntityData(
    (api, o) => api.getProfile(o),
    { wholeNamespace: true },
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <ProfileDetails profile={value} /> : null;
};
