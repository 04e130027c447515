import "./shop-areas.css";
import { ButtonCell, Cell, Checkbox, Input, List, Section, Select } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { MarginEditor } from "../components/MarginEditor";
import { Pager } from "../components/Pager";
import { RupiahInput } from "../components/RupiahInput";
import { ErrorNote, Loading } from "../components/Status";
import { platformName } from "./wording-format";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { useStickyState } from "../use-sticky-state";
import { offReasonKey, type BulkResult, type Facets, type Paged, type ServiceListItem } from "./shop-areas.types";

const PAGE_SIZE = 20;

interface Filters {
  q: string;
  platform: string;
  category: string;
  supplierId: string;
  state: "" | "sold" | "off" | "review";
  page: number;
}

const EMPTY: Filters = { q: "", platform: "", category: "", supplierId: "", state: "", page: 0 };

/**
 * Every service, by shop number: search by ID or by words of its name, category or platform (any
 * order), filter by platform, category, supplier and status. Each row shows price, cost and margin
 * and whether customers can buy it. Several can be selected to sell, hide, or price them at once.
 * The server filters and pages, so a catalog of tens of thousands sends one page at a time.
 */
export function Services() {
  const { t, rupiah, number } = useI18n();
  const { push, route } = useNavigation();
  const [filters, setFilters] = useStickyState<Filters>("services:filters", EMPTY);
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 0 }));
  // Opened from an import's report: the services waiting for review.
  useEffect(() => {
    if (route.params.state === "review") setFilters({ ...EMPTY, state: "review" });
  }, [route.params.state]);
  const q = useDebounced(filters.q);
  const facets = useLoad(() => api<Facets>("/services/facets"), []);
  const list = useLoad(
    () =>
      api<Paged<ServiceListItem>>("/services", {
        query: {
          q,
          platform: filters.platform,
          category: filters.category,
          supplierId: filters.supplierId,
          state: filters.state,
          page: filters.page,
          pageSize: PAGE_SIZE,
        },
      }),
    [q, filters.platform, filters.category, filters.supplierId, filters.state, filters.page],
  );
  const categories = facets.data?.platforms.find((p) => p.platform === filters.platform)?.categories ?? [];
  const canManage = useCan("manage");
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const toggle = (mid: number) =>
    setSelected((list) => (list.includes(mid) ? list.filter((m) => m !== mid) : [...list, mid]));

  return (
    <List>
      <Section header={t("services.title")}>
        <Input
          header={t("services.search")}
          placeholder={t("services.search.placeholder")}
          value={filters.q}
          onChange={(e) => change({ q: e.target.value })}
          data-testid="services-search"
        />
        <Select
          header={t("services.platform")}
          value={filters.platform}
          onChange={(e) => change({ platform: e.target.value, category: "" })}
          data-testid="services-platform"
        >
          <option value="">{t("services.all")}</option>
          {facets.data?.platforms.map((p) => (
            <option key={p.platform} value={p.platform}>
              {`${platformName(t, p.platform)} (${number(p.count)})`}
            </option>
          ))}
        </Select>
        {filters.platform && (
          <Select
            header={t("services.category")}
            value={filters.category}
            onChange={(e) => change({ category: e.target.value })}
            data-testid="services-category"
          >
            <option value="">{t("services.all")}</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {`${c.category || "—"} (${number(c.count)})`}
              </option>
            ))}
          </Select>
        )}
        {(facets.data?.suppliers.length ?? 0) > 1 && (
          <Select
            header={t("services.supplier")}
            value={filters.supplierId}
            onChange={(e) => change({ supplierId: e.target.value })}
            data-testid="services-supplier"
          >
            <option value="">{t("services.all")}</option>
            {facets.data?.suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
        <Select
          header={t("services.state")}
          value={filters.state}
          onChange={(e) => change({ state: e.target.value as Filters["state"] })}
          data-testid="services-state"
        >
          <option value="">{t("services.all")}</option>
          <option value="sold">{t("services.state.sold")}</option>
          <option value="off">{t("services.state.off")}</option>
          <option value="review">{t("services.state.review")}</option>
        </Select>
        <ButtonCell before={<span aria-hidden>％</span>} onClick={() => push("margins")} data-testid="services-margins">
          {t("services.margins")}
        </ButtonCell>
        {canManage && (
          <ButtonCell
            before={<span aria-hidden>☑️</span>}
            onClick={() => {
              setSelecting(!selecting);
              setSelected([]);
            }}
            data-testid="services-select"
          >
            {selecting ? t("services.select.done") : t("services.select")}
          </ButtonCell>
        )}
      </Section>
      {selecting && (
        <BulkActions
          mids={selected}
          onClear={() => setSelected([])}
          onSelectPage={() => setSelected([...new Set([...selected, ...(list.data?.items.map((s) => s.mid) ?? [])])])}
          onDone={list.reload}
        />
      )}
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
            const margin =
              s.fixedPrice !== null ? t("services.fixed") : t("services.margin", { percent: s.margin.percent });
            return (
              <Cell
                key={s.mid}
                multiline
                onClick={() => (selecting ? toggle(s.mid) : push("service", { mid: s.mid }))}
                before={
                  selecting ? (
                    <Checkbox
                      checked={selected.includes(s.mid)}
                      onChange={() => toggle(s.mid)}
                      onClick={(e) => e.stopPropagation()}
                      data-testid={`service-check-${s.mid}`}
                    />
                  ) : undefined
                }
                subhead={`ID ${s.mid}${s.supplier ? ` · ${s.supplier}` : ""}`}
                subtitle={[
                  t("services.price_per", { price: rupiah(s.unitPrice), unit }),
                  t("services.cost", { cost: rupiah(s.unitCost) }),
                  margin,
                  s.mode === "manual" ? t("services.manual") : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
                description={
                  <span
                    className={s.status === "sale" ? "shop-ok" : "shop-fail"}
                    data-testid={`service-status-${s.mid}`}
                    title={off ? t(off) : undefined}
                  >
                    {t(`services.status.${s.status}`)}
                  </span>
                }
                data-testid={`service-row-${s.mid}`}
              >
                {s.name}
              </Cell>
            );
          })}
          <Pager
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(page) => change({ page })}
            testId="services-pager"
          />
        </Section>
      )}
    </List>
  );
}

/**
 * What to do with the selected services: sell them, hide them, one fixed price, or one margin
 * (previewed first). Each service is changed on its own; the ones refused are listed with why.
 */
function BulkActions(props: { mids: number[]; onClear: () => void; onSelectPage: () => void; onDone: () => void }) {
  const { t, number } = useI18n();
  const [mode, setMode] = useState<"" | "price" | "margin">("");
  const [price, setPrice] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<
    { changed: number[]; refused: Array<{ mid: number; message: string }> } | undefined
  >(undefined);
  const bulk = useAction<BulkResult>((answer) => {
    setResult(answer);
    setMode("");
    props.onDone();
  });
  const send = (body: Record<string, unknown>) =>
    bulk.run(() => api("/services/bulk", { method: "POST", body: { ...body, mids: props.mids } }));
  const none = props.mids.length === 0;
  return (
    <Section header={t("services.selected", { count: number(props.mids.length) })} data-testid="services-bulk">
      <ButtonCell onClick={props.onSelectPage} data-testid="services-select-page">
        {t("services.select.page")}
      </ButtonCell>
      {!none && (
        <>
          <ButtonCell onClick={props.onClear} data-testid="services-select-clear">
            {t("services.select.clear")}
          </ButtonCell>
          <ButtonCell
            disabled={bulk.busy}
            onClick={() => send({ action: "enable" })}
            data-testid="services-bulk-enable"
          >
            {t("services.bulk.enable")}
          </ButtonCell>
          <ButtonCell
            disabled={bulk.busy}
            onClick={() => send({ action: "disable" })}
            data-testid="services-bulk-disable"
          >
            {t("services.bulk.disable")}
          </ButtonCell>
          <ButtonCell onClick={() => setMode(mode === "price" ? "" : "price")} data-testid="services-bulk-price">
            {t("services.bulk.price")}
          </ButtonCell>
          {mode === "price" && (
            <>
              <RupiahInput
                header={t("services.bulk.price.input")}
                value={price}
                onChange={setPrice}
                testId="services-bulk-price-input"
              />
              <ButtonCell
                disabled={price === undefined || bulk.busy}
                onClick={() => send({ action: "price", fixedPrice: price })}
                data-testid="services-bulk-price-save"
              >
                {t("services.bulk.apply")}
              </ButtonCell>
            </>
          )}
          <ButtonCell onClick={() => setMode(mode === "margin" ? "" : "margin")} data-testid="services-bulk-margin">
            {t("services.bulk.margin")}
          </ButtonCell>
          {mode === "margin" && (
            <MarginEditor
              target={{ scope: "services", mids: props.mids }}
              current={null}
              canClear={false}
              testId="services-bulk-margin"
              onSaved={(repriced) => {
                setResult({ changed: props.mids, refused: [] });
                setMode("");
                props.onDone();
                void repriced;
              }}
            />
          )}
        </>
      )}
      {bulk.error !== undefined && <ErrorNote error={bulk.error} />}
      {result && (
        <Cell multiline data-testid="services-bulk-result">
          {t("services.bulk.result", { changed: number(result.changed.length) })}
          {result.refused.map((r) => (
            <div key={r.mid} className="shop-fail">{`ID ${r.mid}: ${r.message}`}</div>
          ))}
        </Cell>
      )}
    </Section>
  );
}
