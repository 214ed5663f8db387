export { CaseList } from './components/CaseList';
export { CaseView } from './components/CaseView';
export type { FeedbackFormsSlotContext } from './components/FeedbackFormsSlot';
export { IntakeForm } from './components/IntakeForm';
export { MyActions } from './components/MyActions';
export { useMyCells } from './api/use-cases';
