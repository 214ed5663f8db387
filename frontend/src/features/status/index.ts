export { ServiceStatus } from './components/ServiceStatus';
