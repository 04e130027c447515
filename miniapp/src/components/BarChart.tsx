import "./BarChart.css";
import { useI18n } from "../i18n";

export interface ChartPoint {
  /** "2026-11-21" */
  day: string;
  /** Whole rupiah. */
  bar: number;
  /** Whole rupiah; may be negative (a loss). */
  line: number;
}

const W = 320;
const H = 140;
const PAD_TOP = 14;
const PAD_BOTTOM = 18;

/**
 * A small daily chart drawn as SVG, with no chart library: bars for one series (revenue) and a line
 * for another (profit), in the theme's colours. Scales to the screen's width; every bar has a
 * tooltip (`<title>`) with the exact amounts.
 */
export function BarChart(props: { points: ChartPoint[]; barLabel: string; lineLabel: string; testId?: string }) {
  const { rupiah } = useI18n();
  const { points } = props;
  const max = Math.max(1, ...points.map((p) => Math.max(p.bar, p.line)));
  const min = Math.min(0, ...points.map((p) => p.line));
  const span = max - min;
  const plot = H - PAD_TOP - PAD_BOTTOM;
  const y = (value: number) => PAD_TOP + ((max - value) / span) * plot;
  const step = W / Math.max(1, points.length);
  const barWidth = Math.max(2, step * 0.7);
  const linePath = points.map((p, i) => `${i === 0 ? "M" : "L"}${(i * step + step / 2).toFixed(1)},${y(p.line).toFixed(1)}`).join(" ");
  const dayLabel = (day: string) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.barLabel}, ${props.lineLabel}`} data-testid={props.testId}>
      <line className="bar-chart-axis" x1={0} x2={W} y1={y(0)} y2={y(0)} />
      {points.map((p, i) => (
        <rect key={p.day} className="bar-chart-bar" x={i * step + (step - barWidth) / 2} y={y(Math.max(0, p.bar))} width={barWidth} height={Math.max(0, y(0) - y(Math.max(0, p.bar)))} rx={1.5}>
          <title>{`${dayLabel(p.day)}: ${props.barLabel} ${rupiah(p.bar)} · ${props.lineLabel} ${rupiah(p.line)}`}</title>
        </rect>
      ))}
      {points.length > 1 && <path className="bar-chart-line" d={linePath} />}
      {points.some((p) => p.bar !== 0 || p.line !== 0) && (
        <text className="bar-chart-label" x={2} y={10}>
          {rupiah(max)}
        </text>
      )}
      {points.length > 0 && (
        <>
          <text className="bar-chart-label" x={2} y={H - 4}>
            {dayLabel(points[0]!.day)}
          </text>
          <text className="bar-chart-label" x={W - 2} y={H - 4} textAnchor="end">
            {dayLabel(points.at(-1)!.day)}
          </text>
        </>
      )}
    </svg>
  );
}
