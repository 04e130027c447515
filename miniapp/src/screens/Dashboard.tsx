import "./shop-areas.css";
import { Cell, List, Section, SegmentedControl, Spinner } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { BarChart } from "../components/BarChart";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useLoad } from "../use-api";
import { useStickyState } from "../use-sticky-state";
import { balanceText, type DashboardStats, type TopService, type WindowName } from "./shop-areas.types";
import type { SupplierBalances } from "./shop-areas.types";

const WINDOWS: WindowName[] = ["today", "d7", "d30"];

/**
 * The shop at a glance: revenue, profit and paid orders for today / 7 / 30 days (Jakarta days),
 * a 30-day chart, orders by status, top services, and each supplier's balance (loaded on its own,
 * so a slow supplier never holds up the numbers).
 */
export function Dashboard() {
  const { t, rupiah, number, dateTime } = useI18n();
  const [window, setWindow] = useStickyState<WindowName>("dashboard:window", "today");
  const stats = useLoad(() => api<DashboardStats>("/dashboard"), []);
  const balances = useLoad(() => api<SupplierBalances>("/dashboard/balances"), []);

  if (!stats.data) return stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : <Loading />;
  const w = stats.data.windows[window];
  const statuses = Object.entries(w.byStatus).sort((a, b) => b[1] - a[1]);
  const anySales = stats.data.daily.some((d) => d.orders > 0);

  return (
    <List>
      <div className="shop-segment">
        <SegmentedControl>
          {WINDOWS.map((name) => (
            <SegmentedControl.Item
              key={name}
              selected={window === name}
              onClick={() => setWindow(name)}
              data-testid={`dashboard-window-${name}`}
            >
              {t(`dashboard.window.${name}`)}
            </SegmentedControl.Item>
          ))}
        </SegmentedControl>
      </div>
      <Section footer={t("dashboard.definitions")}>
        <div className="shop-kpis" data-testid="dashboard-kpis">
          <Kpi label={t("dashboard.revenue")} value={rupiah(w.revenue)} testId="dashboard-revenue" />
          <Kpi label={t("dashboard.profit")} value={rupiah(w.profit)} testId="dashboard-profit" />
          <Kpi label={t("dashboard.paid_orders")} value={number(w.paidOrders)} testId="dashboard-orders" />
        </div>
      </Section>
      <Section
        header={t("dashboard.chart")}
        footer={anySales ? t("dashboard.chart.legend") : t("dashboard.chart.empty")}
      >
        <BarChart
          points={stats.data.daily.map((d) => ({ day: d.day, bar: d.revenue, line: d.profit }))}
          barLabel={t("dashboard.revenue")}
          lineLabel={t("dashboard.profit")}
          testId="dashboard-chart"
        />
      </Section>
      <Section header={t("dashboard.by_status")} footer={t("dashboard.by_status.hint")}>
        {statuses.length === 0 && <Cell>{t("app.none")}</Cell>}
        {statuses.map(([status, count]) => (
          <Cell key={status} after={number(count)}>
            {t(`orders.status.${status}`)}
          </Cell>
        ))}
      </Section>
      <TopList header={t("dashboard.top_revenue")} items={w.topByRevenue} value={(s) => rupiah(s.revenue)} />
      <TopList
        header={t("dashboard.top_count")}
        items={w.topByCount}
        value={(s) => t("dashboard.top.orders", { count: number(s.orders) })}
      />
      <Section header={t("dashboard.balances")} footer={t("dashboard.balances.hint")} data-testid="dashboard-balances">
        {balances.error ? (
          <ErrorNote error={balances.error} onRetry={balances.reload} />
        ) : !balances.data ? (
          <Cell before={<Spinner size="s" />}>{t("app.loading")}</Cell>
        ) : balances.data.suppliers.length === 0 ? (
          <Cell>{t("dashboard.balances.none")}</Cell>
        ) : (
          balances.data.suppliers.map((s) => (
            <Cell
              key={s.id}
              multiline
              subtitle={
                s.ok ? (
                  t("dashboard.balances.latency", { ms: s.latencyMs })
                ) : (
                  <span className="shop-fail">{t("dashboard.balances.failed", { message: s.message })}</span>
                )
              }
              after={s.ok && s.balance ? <span className="shop-ok">{balanceText(s.balance, rupiah)}</span> : "—"}
              data-testid={`dashboard-balance-${s.id}`}
            >
              {s.name}
            </Cell>
          ))
        )}
      </Section>
      <Section footer={t("dashboard.updated", { time: dateTime(stats.data.generatedAt) })} />
    </List>
  );
}

function Kpi(props: { label: string; value: string; testId: string }) {
  return (
    <div className="shop-kpi">
      <div className="shop-kpi-label">{props.label}</div>
      <div className="shop-kpi-value" data-testid={props.testId}>
        {props.value}
      </div>
    </div>
  );
}

function TopList(props: { header: string; items: TopService[]; value: (s: TopService) => string }) {
  const { t } = useI18n();
  return (
    <Section header={props.header}>
      {props.items.length === 0 && <Cell>{t("app.none")}</Cell>}
      {props.items.map((s, i) => (
        <Cell
          key={s.serviceId}
          before={<span aria-hidden>{i + 1}.</span>}
          subhead={`ID ${s.mid}`}
          after={<span className="shop-nowrap">{props.value(s)}</span>}
          multiline
        >
          {s.name}
        </Cell>
      ))}
    </Section>
  );
}
