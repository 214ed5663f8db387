export { ErrorSummary, type FormError } from './ErrorSummary';
export { SelectField } from './SelectField';
export { TextField } from './TextField';
