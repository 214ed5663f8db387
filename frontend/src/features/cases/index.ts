export { CaseList } from './components/CaseList';
export { CaseView } from './components/CaseView';
export { IntakeForm } from './components/IntakeForm';
export { MyActions } from './components/MyActions';
export { useMyCells } from './api/use-cases';
