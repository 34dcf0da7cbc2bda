import { InfoCard } from '@backstage/core-components';
import {
  KatibExperimentDto,
  KatibTrialDto,
  katibMetricNumber,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const BEST = '#d81b60';
const POINT = '#1e88e5';

/** Trials whose objective is a number (a text metric, such as a genotype, cannot be plotted). */
const measured = (trials: KatibTrialDto[]) =>
  trials.filter(t => katibMetricNumber(t.objective) !== undefined);

/** Why there is nothing to plot: no value yet, or values that are not numbers. */
const nothingToPlot = (experiment: KatibExperimentDto) => {
  const metric = experiment.objective.metricName;
  return experiment.trials.some(t => t.objective !== undefined)
    ? `${metric} is not numeric (Katib recorded text), so it is not plotted.`
    : `No trial has reported ${metric} yet.`;
};

/** The objective of each trial in the order they ran, the goal as a line, the best trial marked. */
export const ObjectivePlot = ({
  experiment,
}: {
  experiment: KatibExperimentDto;
}) => {
  const data = experiment.trials.map((t, i) => ({
    trial: i + 1,
    name: t.name,
    objective: katibMetricNumber(t.objective),
    best: t.best,
  }));
  return (
    <InfoCard
      title={`${experiment.objective.metricName} per trial`}
      subheader={`Goal: ${experiment.objective.type} to ${
        experiment.objective.goal ?? 'the best value'
      }; the best trial is the pink point`}
    >
      {measured(experiment.trials).length ? (
        <Box
          role="img"
          aria-label={`${experiment.objective.metricName} per trial`}
          style={{ overflowX: 'auto' }}
        >
          <LineChart
            width={760}
            height={260}
            data={data}
            margin={{ top: 8, right: 24, bottom: 16, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="trial"
              label={{ value: 'trial', position: 'insideBottom', offset: -8 }}
            />
            <YAxis domain={['auto', 'auto']} />
            <Tooltip
              formatter={(value: any) => [
                value,
                experiment.objective.metricName,
              ]}
              labelFormatter={(trial: any) =>
                data[Number(trial) - 1]?.name ?? trial
              }
            />
            {experiment.objective.goal !== undefined && (
              <ReferenceLine
                y={experiment.objective.goal}
                stroke="#43a047"
                strokeDasharray="6 3"
                label="goal"
              />
            )}
            <Line
              type="linear"
              dataKey="objective"
              stroke={POINT}
              isAnimationActive={false}
              connectNulls
              dot={(props: any) =>
                props.payload.objective === undefined ? (
                  <g key={props.index} />
                ) : (
                  <circle
                    key={props.index}
                    cx={props.cx}
                    cy={props.cy}
                    r={props.payload.best ? 7 : 4}
                    fill={props.payload.best ? BEST : POINT}
                  />
                )
              }
            />
          </LineChart>
        </Box>
      ) : (
        <Typography>{nothingToPlot(experiment)}</Typography>
      )}
    </InfoCard>
  );
};

/**
 * Each parameter against the objective, one scatter per parameter; chips show or hide a
 * parameter (katib#1580). Categorical parameters get their values on the axis.
 */
export const ParameterScatter = ({
  experiment,
}: {
  experiment: KatibExperimentDto;
}) => {
  const [hidden, setHidden] = useState<string[]>([]);
  const trials = measured(experiment.trials);
  const metric = experiment.objective.metricName;
  const toggle = (name: string) =>
    setHidden(
      hidden.includes(name)
        ? hidden.filter(h => h !== name)
        : [...hidden, name],
    );
  const shown = experiment.parameters.filter(p => !hidden.includes(p.name));
  return (
    <InfoCard
      title={`Parameters against ${metric}`}
      subheader="Click a parameter to hide or show it"
    >
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 8 }}>
        {experiment.parameters.map(p => {
          const visible = !hidden.includes(p.name);
          return (
            <Chip
              key={p.name}
              label={p.name}
              color={visible ? 'primary' : 'default'}
              variant={visible ? 'default' : 'outlined'}
              onClick={() => toggle(p.name)}
              aria-pressed={visible}
              aria-label={`${visible ? 'Hide' : 'Show'} parameter ${p.name}`}
            />
          );
        })}
      </Box>
      {!trials.length && <Typography>{nothingToPlot(experiment)}</Typography>}
      {trials.length > 0 && !shown.length && (
        <Typography>
          Every parameter is hidden: click one above to show it.
        </Typography>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {trials.length > 0 &&
          shown.map(p => {
            const categorical =
              p.type === 'categorical' || p.type === 'discrete';
            const points = trials.map(t => ({
              x: categorical
                ? t.parameters[p.name]
                : Number(t.parameters[p.name]),
              y: katibMetricNumber(t.objective),
              name: t.name,
              best: t.best,
            }));
            return (
              <Box
                key={p.name}
                role="img"
                aria-label={`${p.name} against ${metric}`}
              >
                <Typography variant="subtitle2">{p.name}</Typography>
                <ScatterChart
                  width={320}
                  height={220}
                  margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="x"
                    name={p.name}
                    type={categorical ? 'category' : 'number'}
                    allowDuplicatedCategory={false}
                    domain={categorical ? undefined : ['auto', 'auto']}
                    tickFormatter={(v: any) =>
                      typeof v === 'number' ? String(+v.toPrecision(3)) : v
                    }
                  />
                  <YAxis dataKey="y" name={metric} domain={['auto', 'auto']} />
                  <Tooltip cursor={{ strokeDasharray: '3 3' }} />
                  <Scatter
                    data={points.filter(pt => !pt.best)}
                    fill={POINT}
                    isAnimationActive={false}
                  />
                  <Scatter
                    data={points.filter(pt => pt.best)}
                    fill={BEST}
                    isAnimationActive={false}
                  />
                </ScatterChart>
              </Box>
            );
          })}
      </Box>
    </InfoCard>
  );
};
