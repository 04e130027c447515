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
const H = 150;
const PAD_TOP = 8;
const PAD_BOTTOM = 16;
/** Room on the left for the value axis ("Rp 1,5 jt"). */
const PAD_LEFT = 44;

/** Round steps for the value axis: 1, 2 or 5 times a power of ten, about three per chart. */
function niceStep(span: number): number {
  const rough = span / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? 10 * power;
}

/**
 * A small daily chart drawn as SVG, with no chart library: bars for one series (revenue) and a line
 * for another (profit), in the theme's colours, with a value axis (round rupiah steps, gridlines,
 * short labels in the admin's language: "Rp 50 rb" / "Rp 50K") and a date under every seventh day.
 * Scales to the screen's width; every bar has a tooltip (`<title>`) with the exact amounts.
 */
export function BarChart(props: { points: ChartPoint[]; barLabel: string; lineLabel: string; testId?: string }) {
  const { rupiah, lang } = useI18n();
  const { points } = props;
  const compact = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const top = Math.max(1, ...points.map((p) => Math.max(p.bar, p.line)));
  const bottom = Math.min(0, ...points.map((p) => p.line));
  const step = Math.max(1, niceStep(top - bottom));
  const max = Math.ceil(top / step) * step;
  const min = Math.floor(bottom / step) * step;
  const ticks: number[] = [];
  for (let value = min; value <= max; value += step) ticks.push(value);
  const plot = H - PAD_TOP - PAD_BOTTOM;
  const y = (value: number) => PAD_TOP + ((max - value) / (max - min)) * plot;
  const slot = (W - PAD_LEFT) / Math.max(1, points.length);
  const x = (i: number) => PAD_LEFT + i * slot;
  const barWidth = Math.max(2, slot * 0.7);
  const linePath = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${(x(i) + slot / 2).toFixed(1)},${y(p.line).toFixed(1)}`)
    .join(" ");
  const dayLabel = (day: string) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;
  const hasData = points.some((p) => p.bar !== 0 || p.line !== 0);
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${props.barLabel}, ${props.lineLabel}`}
      data-testid={props.testId}
    >
      {hasData &&
        ticks.map((value) => (
          <g key={value} data-testid="chart-tick">
            <line
              className={value === 0 ? "bar-chart-axis" : "bar-chart-grid"}
              x1={PAD_LEFT}
              x2={W}
              y1={y(value)}
              y2={y(value)}
            />
            <text className="bar-chart-label" x={PAD_LEFT - 4} y={y(value) + 3} textAnchor="end">
              {value === 0 ? "0" : `Rp ${compact.format(value)}`}
            </text>
          </g>
        ))}
      {!hasData && <line className="bar-chart-axis" x1={PAD_LEFT} x2={W} y1={y(0)} y2={y(0)} />}
      {points.map((p, i) => (
        <rect
          key={p.day}
          className="bar-chart-bar"
          x={x(i) + (slot - barWidth) / 2}
          y={y(Math.max(0, p.bar))}
          width={barWidth}
          height={Math.max(0, y(0) - y(Math.max(0, p.bar)))}
          rx={1.5}
        >
          <title>{`${dayLabel(p.day)}: ${props.barLabel} ${rupiah(p.bar)} · ${props.lineLabel} ${rupiah(p.line)}`}</title>
        </rect>
      ))}
      {points.length > 1 && <path className="bar-chart-line" d={linePath} />}
      {points.map((p, i) =>
        (points.length - 1 - i) % 7 === 0 ? (
          <text
            key={`day-${p.day}`}
            className="bar-chart-label"
            x={i === points.length - 1 ? W : x(i) + slot / 2}
            y={H - 4}
            textAnchor={i === points.length - 1 ? "end" : "middle"}
            data-testid="chart-day"
          >
            {dayLabel(p.day)}
          </text>
        ) : null,
      )}
    </svg>
  );
}
