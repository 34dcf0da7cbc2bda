import { Progress } from '@backstage/core-components';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
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

/** One choice of a {@link FieldSelect}. */
export interface FieldOption {
  value: string;
  primary: string;
  secondary: string;
  disabled?: boolean;
}

/** A required-or-not select of the form, each option with a second line, and a helper text. */
export const FieldSelect = (props: {
  id?: string;
  title: string;
  required?: boolean;
  error?: boolean;
  value: string;
  onChange: (value: string) => void;
  renderValue: (value: unknown) => ReactNode;
  options: FieldOption[];
  children: ReactNode;
}) => (
  <FormControl fullWidth margin="normal" required={props.required}>
    <TextField
      id={props.id}
      select
      label={props.title}
      required={props.required}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={props.error}
      SelectProps={{ renderValue: props.renderValue }}
    >
      {props.options.map(o => (
        <MenuItem key={o.value} value={o.value} disabled={o.disabled}>
          <ListItemText primary={o.primary} secondary={o.secondary} />
        </MenuItem>
      ))}
    </TextField>
    <FormHelperText>{props.children}</FormHelperText>
  </FormControl>
);
