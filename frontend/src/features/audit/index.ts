export { AnchorDownload } from './components/AnchorDownload';
export { AuditEvents } from './components/AuditEvents';
export { ChainStatusPanel } from './components/ChainStatusPanel';
