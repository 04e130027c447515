import "./shop-areas.css";
import { ButtonCell, Cell, Input, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { RupiahInput } from "../components/RupiahInput";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import type { ServiceDetail } from "./shop-areas.types";
import type { MarginPreview } from "./shop-areas.types";

/**
 * A service's price: its own margin (a percentage, computed from cost and rounded up by the server)
 * or a fixed price in whole rupiah. A price below cost is refused by the server with its own
 * message; the screen warns before sending. Save is the MainButton.
 */
export function ServicePrice() {
  const { t, rupiah, number } = useI18n();
  const { route, pop } = useNavigation();
  const mid = Number(route.params.mid);
  const detail = useLoad(() => api<ServiceDetail>(`/services/${mid}`), [mid]);
  const [mode, setMode] = useState<"margin" | "fixed">("margin");
  const [margin, setMargin] = useState("");
  const [price, setPrice] = useState<number | undefined>(undefined);
  const save = useAction<ServiceDetail>(() => pop());

  useEffect(() => {
    const d = detail.data;
    if (!d) return;
    setMode(d.service.priceOverride !== null ? "fixed" : "margin");
    setMargin(d.margin.percent);
    setPrice(d.service.priceOverride ?? d.service.unitPrice);
  }, [detail.data]);

  const cost = detail.data?.service.unitCost ?? 0;
  const marginValid = /^\d{1,4}([.,]\d{1,4})?$/.test(margin.trim());
  // The new price before saving, computed by the server exactly as saving would.
  const typedMargin = useDebounced(marginValid ? margin.trim().replace(",", ".") : "");
  const preview = useLoad(
    () =>
      typedMargin === "" || !detail.data
        ? Promise.resolve(undefined)
        : api<MarginPreview>("/pricing/margins/preview", {
            method: "POST",
            body: { target: { scope: "services", mids: [mid] }, margin: typedMargin },
          }),
    [typedMargin, mid, detail.data !== undefined],
  );
  const valid = mode === "margin" ? marginValid : price !== undefined && price > 0;
  useMainButton({
    text: t("service.price.save"),
    enabled: valid && detail.data !== undefined,
    loading: save.busy,
    onClick: () =>
      save.run(async () => {
        if (mode === "fixed")
          return api<ServiceDetail>(`/services/${mid}/price`, { method: "PUT", body: { fixedPrice: price } });
        // A fixed price wins over any margin, so choosing the margin also drops the fixed price:
        // the margin first, so a refused margin leaves the price as it was.
        const saved = await api<ServiceDetail>(`/services/${mid}/margin`, {
          method: "PUT",
          body: { margin: margin.trim().replace(",", ".") },
        });
        return saved.service.priceOverride === null
          ? saved
          : api<ServiceDetail>(`/services/${mid}/price`, { method: "PUT", body: { fixedPrice: null } });
      }),
  });

  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  const s = detail.data.service;
  const unit = s.unitSize === 1 ? t("services.unit.item") : number(s.unitSize);

  return (
    <List>
      <Section header={t("service.price.title", { mid })}>
        <Cell multiline subtitle={s.name}>
          {t("services.price_per", { price: rupiah(s.unitPrice), unit })}
        </Cell>
      </Section>
      <div className="shop-segment">
        <SegmentedControl>
          <SegmentedControl.Item
            selected={mode === "margin"}
            onClick={() => setMode("margin")}
            data-testid="price-mode-margin"
          >
            {t("service.price.margin")}
          </SegmentedControl.Item>
          <SegmentedControl.Item
            selected={mode === "fixed"}
            onClick={() => setMode("fixed")}
            data-testid="price-mode-fixed"
          >
            {t("service.price.fixed")}
          </SegmentedControl.Item>
        </SegmentedControl>
      </div>
      {mode === "margin" ? (
        <Section footer={t("service.price.margin.hint")}>
          <Input
            header={t("service.price.margin.input")}
            inputMode="decimal"
            value={margin}
            after={<span className="shop-hint">%</span>}
            onChange={(e) => setMargin(e.target.value.replace(/[^\d.,]/g, ""))}
            data-testid="price-margin"
          />
          <Cell multiline>
            {t(`service.margin.scope.${detail.data.margin.scope}`, { percent: detail.data.margin.percent })}
          </Cell>
          {preview.data && s.priceOverride === null && (
            <Cell multiline data-testid="price-margin-preview">
              {preview.data.examples[0]
                ? t("service.price.margin.preview", {
                    before: rupiah(preview.data.examples[0].before),
                    after: rupiah(preview.data.examples[0].after),
                  })
                : t("service.price.margin.preview.same", { price: rupiah(s.unitPrice) })}
            </Cell>
          )}
          {detail.data.margin.scope === "service" && (
            <ButtonCell
              onClick={() =>
                save.run(() => api<ServiceDetail>(`/services/${mid}/margin`, { method: "PUT", body: { margin: null } }))
              }
              data-testid="price-margin-clear"
            >
              {t("service.price.margin.clear")}
            </ButtonCell>
          )}
        </Section>
      ) : (
        <Section footer={t("service.price.fixed.hint", { cost: rupiah(cost), unit })}>
          <RupiahInput
            header={t("service.price.fixed.input", { unit })}
            value={price}
            onChange={setPrice}
            testId="price-fixed"
          />
          {price !== undefined && price < cost && (
            <Cell multiline>
              <span className="shop-fail">{t("service.price.fixed.below", { cost: rupiah(cost) })}</span>
            </Cell>
          )}
          {s.priceOverride !== null && (
            <ButtonCell
              onClick={() =>
                save.run(() =>
                  api<ServiceDetail>(`/services/${mid}/price`, { method: "PUT", body: { fixedPrice: null } }),
                )
              }
              data-testid="price-fixed-clear"
            >
              {t("service.price.fixed.clear")}
            </ButtonCell>
          )}
        </Section>
      )}
      {save.error !== undefined && <ErrorNote error={save.error} />}
    </List>
  );
}
