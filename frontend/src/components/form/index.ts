export { CheckboxField } from './CheckboxField';
export { CheckboxGroup, ChoiceFieldset, RadioGroup, type Choice } from './ChoiceGroup';
export { describedBy } from './describedby';
export { ErrorSummary, type FormError } from './ErrorSummary';
export { FieldError } from './FieldError';
export { SelectField } from './SelectField';
export { TextAreaField } from './TextAreaField';
export { TextField } from './TextField';
export { problemErrors, useFormErrors } from './use-form-errors';
