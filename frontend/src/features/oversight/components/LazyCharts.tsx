import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

import type { CountChartProps, MeetingsChartProps } from './charts';

// The charts come in a chunk of their own, fetched when the first one is drawn: whoever only sees
// the home page's figures never downloads the chart library. Each chart waits in its own frame, so
// the tables beside it are readable at once.
const charts = () => import('./charts');
const LazyCountChart = lazy(() => charts().then((module) => ({ default: module.CountChart })));
const LazyMeetingsChart = lazy(() => charts().then((module) => ({ default: module.MeetingsChart })));

function ChartLoading() {
  const { t } = useTranslation();
  return <div className="chart chart--loading">{t('common.loading')}</div>;
}

export function CountChart(props: CountChartProps) {
  return (
    <Suspense fallback={<ChartLoading />}>
      <LazyCountChart {...props} />
    </Suspense>
  );
}

export function MeetingsChart(props: MeetingsChartProps) {
  return (
    <Suspense fallback={<ChartLoading />}>
      <LazyMeetingsChart {...props} />
    </Suspense>
  );
}
