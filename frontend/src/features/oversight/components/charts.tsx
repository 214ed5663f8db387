import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

import { useFormat } from '@/i18n/format';

import { axisMaximum, type ChartRow } from '../model/breakdown';
import type { MonthCount } from '../model/months';

// The charts of the oversight pages, in a chunk of their own (see LazyCharts): recharts is the
// heaviest library of the app and only these pages draw with it.

// Bar, grid and hatch colours live in the stylesheet (chart__* classes); the attributes here are
// only defaults under them. Text is styled here, not in CSS: recharts measures it with these values
// to wrap the labels.
const TEXT = { fill: '#1b1f24', fontSize: 13 };
const VALUE = { ...TEXT, fontWeight: 600 };
const ROW_HEIGHT = 44;
const AXIS_HEIGHT = 32;
const LABEL_WIDTH = 190;

/** An id `url(#…)` can reference: React's ids may carry characters a URL fragment should not. */
function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export interface CountChartProps {
  rows: readonly ChartRow[];
  /** What the chart shows, for assistive technology, which reads the table beside it instead. */
  label: string;
}

/**
 * Horizontal bars, one per label, each labelled with its figure so nothing depends on hovering.
 * A suppressed count is a hatched, dashed placeholder over the range 0–5 labelled `<5`: a reader
 * sees that it is small, never how small (R-TAB-3).
 */
export function CountChart({ rows, label }: CountChartProps) {
  const format = useFormat();
  const hatch = useSvgId('hatch');
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + AXIS_HEIGHT}>
        <BarChart
          data={rows}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 4, right: 40, bottom: 4, left: 4 }}
          barCategoryGap="20%"
        >
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect className="chart__hatch-ground" width="6" height="6" fill="#ffffff" />
              <line className="chart__hatch-line" x1="0" y1="0" x2="0" y2="6" stroke="#4a5260" strokeWidth="2.5" />
            </pattern>
          </defs>
          <CartesianGrid className="chart__grid" horizontal={false} stroke="#c9d0da" />
          <XAxis
            type="number"
            domain={[0, axisMaximum(rows)]}
            allowDecimals={false}
            tickFormatter={(value: number) => format.number(value)}
            tick={TEXT}
            className="chart__axis"
          />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} tick={TEXT} className="chart__axis" />
          <Bar dataKey="shown" stackId="count" className="chart__bar--shown" fill="#1d3a6e" isAnimationActive={false}>
            <LabelList dataKey="shownLabel" position="right" {...VALUE} />
          </Bar>
          <Bar
            dataKey="placeholder"
            stackId="count"
            className="chart__bar--suppressed"
            fill={`url(#${hatch})`}
            stroke="#4a5260"
            strokeDasharray="4 3"
            isAnimationActive={false}
          >
            <LabelList dataKey="placeholderLabel" position="right" {...VALUE} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface MeetingsChartProps {
  months: readonly MonthCount[];
  label: string;
}

/** Columns of the operational meetings held per month, each labelled with its number. */
export function MeetingsChart({ months, label }: MeetingsChartProps) {
  const format = useFormat();
  const data = months.map((entry) => ({
    month: format.month(entry.month, 'short'),
    held: entry.held,
    text: format.number(entry.held),
  }));
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 24, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid className="chart__grid" vertical={false} stroke="#c9d0da" />
          <XAxis
            dataKey="month"
            interval="preserveStartEnd"
            minTickGap={4}
            className="chart__axis"
            tick={{ ...TEXT, fontSize: 12 }}
          />
          <YAxis
            allowDecimals={false}
            width={32}
            domain={[0, (max: number) => Math.max(4, max)]}
            tickFormatter={(value: number) => format.number(value)}
            tick={TEXT}
            className="chart__axis"
          />
          <Bar dataKey="held" className="chart__bar--shown" fill="#1d3a6e" isAnimationActive={false}>
            <LabelList dataKey="text" position="top" {...VALUE} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
