export { ApprovalPanel, type ApprovalPanelProps } from './components/ApprovalPanel';
export { FeedbackForms, type FeedbackFormsProps } from './components/FeedbackForms';
