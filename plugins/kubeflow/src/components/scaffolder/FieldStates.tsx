import { Progress } from '@backstage/core-components';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import { ReactNode } from 'react';

/** A field that cannot be filled yet: its label, greyed out, and what to do about it. */
export const FieldHint = (props: {
  title: string;
  error?: boolean;
  children: ReactNode;
}) => (
  <FormControl fullWidth margin="normal" error={props.error}>
    <TextField label={props.title} disabled value="" />
    <FormHelperText>{props.children}</FormHelperText>
  </FormControl>
);

/** A field whose choices are loading: a progress bar and what is being loaded. */
export const FieldLoading = (props: { children: ReactNode }) => (
  <FormControl fullWidth margin="normal">
    <Progress />
    <FormHelperText>{props.children}</FormHelperText>
  </FormControl>
);
