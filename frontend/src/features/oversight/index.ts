export { EvidencePack } from './components/EvidencePack';
export { FiguresSummary } from './components/FiguresSummary';
export { OversightCells } from './components/OversightCells';
export { StatisticsDashboard } from './components/StatisticsDashboard';
export { useOversightCell, useOversightCells } from './api/use-oversight';
