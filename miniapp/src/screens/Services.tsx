import "./shop-areas.css";
import { Cell, Input, List, Section, Select } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { Pager } from "../components/Pager";
import { ErrorNote, Loading } from "../components/Status";
import { platformName } from "./wording-format";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { useStickyState } from "../use-sticky-state";
import { offReasonKey, type Facets, type Paged, type ServiceListItem } from "./shop-areas.types";

const PAGE_SIZE = 20;

interface Filters {
  q: string;
  platform: string;
  category: string;
  supplierId: string;
  state: "" | "sold" | "off";
  page: number;
}

const EMPTY: Filters = { q: "", platform: "", category: "", supplierId: "", state: "", page: 0 };

/**
 * Every service, by shop number: search by ID, name or category, filter by platform, category,
 * supplier and whether it is sold. The server filters and pages, so a catalog of tens of thousands
 * sends one page at a time.
 */
export function Services() {
  const { t, rupiah, number } = useI18n();
  const { push } = useNavigation();
  const [filters, setFilters] = useStickyState<Filters>("services:filters", EMPTY);
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 0 }));
  const q = useDebounced(filters.q);
  const facets = useLoad(() => api<Facets>("/services/facets"), []);
  const list = useLoad(
    () => api<Paged<ServiceListItem>>("/services", { query: { q, platform: filters.platform, category: filters.category, supplierId: filters.supplierId, state: filters.state, page: filters.page, pageSize: PAGE_SIZE } }),
    [q, filters.platform, filters.category, filters.supplierId, filters.state, filters.page],
  );
  const categories = facets.data?.platforms.find((p) => p.platform === filters.platform)?.categories ?? [];

  return (
    <List>
      <Section header={t("services.title")}>
        <Input header={t("services.search")} placeholder={t("services.search.placeholder")} value={filters.q} onChange={(e) => change({ q: e.target.value })} data-testid="services-search" />
        <Select header={t("services.platform")} value={filters.platform} onChange={(e) => change({ platform: e.target.value, category: "" })} data-testid="services-platform">
          <option value="">{t("services.all")}</option>
          {facets.data?.platforms.map((p) => (
            <option key={p.platform} value={p.platform}>
              {`${platformName(t, p.platform)} (${number(p.count)})`}
            </option>
          ))}
        </Select>
        {filters.platform && (
          <Select header={t("services.category")} value={filters.category} onChange={(e) => change({ category: e.target.value })} data-testid="services-category">
            <option value="">{t("services.all")}</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {`${c.category || "—"} (${number(c.count)})`}
              </option>
            ))}
          </Select>
        )}
        {(facets.data?.suppliers.length ?? 0) > 1 && (
          <Select header={t("services.supplier")} value={filters.supplierId} onChange={(e) => change({ supplierId: e.target.value })} data-testid="services-supplier">
            <option value="">{t("services.all")}</option>
            {facets.data?.suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
        <Select header={t("services.state")} value={filters.state} onChange={(e) => change({ state: e.target.value as Filters["state"] })} data-testid="services-state">
          <option value="">{t("services.all")}</option>
          <option value="sold">{t("services.state.sold")}</option>
          <option value="off">{t("services.state.off")}</option>
        </Select>
      </Section>
      {list.error ? (
        <ErrorNote error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <Section header={t("services.found", { count: number(list.data.total) })} data-testid="services-list">
          {list.data.items.length === 0 && <Cell>{t("app.none")}</Cell>}
          {list.data.items.map((s) => {
            const off = offReasonKey(s);
            const unit = s.unitSize === 1 ? t("services.unit.item") : number(s.unitSize);
            return (
              <Cell
                key={s.mid}
                multiline
                onClick={() => push("service", { mid: s.mid })}
                subhead={`ID ${s.mid}${s.supplier ? ` · ${s.supplier}` : ""}`}
                subtitle={[t("services.price_per", { price: rupiah(s.unitPrice), unit }), t("services.cost", { cost: rupiah(s.unitCost) }), s.fixedPrice !== null ? t("services.fixed") : "", s.mode === "manual" ? t("services.manual") : ""].filter(Boolean).join(" · ")}
                description={off ? <span className="shop-fail">{t(off)}</span> : undefined}
                data-testid={`service-row-${s.mid}`}
              >
                {s.name}
              </Cell>
            );
          })}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => change({ page })} testId="services-pager" />
        </Section>
      )}
    </List>
  );
}
