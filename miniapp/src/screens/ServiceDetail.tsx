import "./shop-areas.css";
import { ButtonCell, Cell, List, Section, Switch } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { platformName } from "./wording-format";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { offReasonKey, type ServiceDetail as Detail } from "./shop-areas.types";

/**
 * One service: price, cost and where its margin comes from, whether it is sold (a switch), how it
 * is fulfilled, its description and backup suppliers; editors for price and details.
 */
export function ServiceDetail() {
  const { t, rupiah, number } = useI18n();
  const { route, push } = useNavigation();
  const mid = Number(route.params.mid);
  const canManage = useCan("manage");
  // Reloaded whenever the screen shows again after an editor (navigation remounts it).
  const loaded = useLoad(() => api<Detail>(`/services/${mid}`), [mid]);
  const [detail, setDetail] = useState<Detail | undefined>(undefined);
  useEffect(() => setDetail(loaded.data), [loaded.data]);
  const action = useAction<Detail>(setDetail);

  if (!detail) return loaded.error ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  const s = detail.service;
  const unit = s.unitSize === 1 ? t("services.unit.item") : number(s.unitSize);
  const off = offReasonKey(s);

  return (
    <List>
      <Section header={t("service.header", { mid: s.mid })}>
        <Cell multiline subtitle={`${platformName(t, s.platform)} · ${s.category}`} data-testid="service-name">
          {s.name}
        </Cell>
        <Cell after={s.supplier ?? "—"}>{t("service.supplier")}</Cell>
        <Cell after={s.providerServiceId}>{t("service.supplier_ref")}</Cell>
        <Cell after={`${number(s.min)}–${number(s.max)}`}>{t("service.quantity")}</Cell>
      </Section>

      <Section header={t("service.price")}>
        <Cell
          after={
            <strong data-testid="service-price">{t("services.price_per", { price: rupiah(s.unitPrice), unit })}</strong>
          }
        >
          {t("service.price")}
        </Cell>
        <Cell
          multiline
          after={<span data-testid="service-cost">{t("services.price_per", { price: rupiah(s.unitCost), unit })}</span>}
          subtitle={
            detail.supplierCost ? (
              <span data-testid="service-supplier-cost">
                {t("service.cost.converted", {
                  amount: detail.supplierCost.amount,
                  currency: detail.supplierCost.currency,
                  rate: detail.supplierCost.rateToIdr,
                })}
              </span>
            ) : undefined
          }
        >
          {t("service.cost")}
        </Cell>
        <Cell
          multiline
          after={
            <span data-testid="service-margin">
              {s.priceOverride !== null
                ? t("services.fixed")
                : t(`service.margin.scope.${detail.margin.scope}`, { percent: detail.margin.percent })}
            </span>
          }
        >
          {t("service.margin")}
        </Cell>
        {s.priceOverride !== null && (
          <Cell multiline data-testid="service-fixed">
            {t("service.fixed_price", { price: rupiah(s.priceOverride) })}
          </Cell>
        )}
        {canManage && (
          <ButtonCell
            before={<span aria-hidden>💰</span>}
            onClick={() => push("service-price", { mid })}
            data-testid="service-edit-price"
          >
            {t("service.edit_price")}
          </ButtonCell>
        )}
      </Section>

      <Section header={t("service.status")} footer={off ? t(off) : undefined}>
        <Cell
          Component="label"
          after={
            <Switch
              checked={s.active}
              disabled={!canManage || action.busy}
              onChange={(e) =>
                action.run(() =>
                  api<Detail>(`/services/${mid}/enabled`, { method: "PUT", body: { enabled: e.target.checked } }),
                )
              }
              data-testid="service-sold"
            />
          }
          data-testid="service-sold-cell"
        >
          <span data-testid="service-state" className={s.active ? "shop-ok" : "shop-fail"}>
            {s.active
              ? t("service.sold")
              : s.status === "hidden"
                ? t("services.state.off")
                : t(`services.status.${s.status}`)}
          </span>
        </Cell>
        <Cell multiline subtitle={t(`service.mode.${s.mode}`)} data-testid="service-mode">
          {t("service.mode")}
        </Cell>
        {action.error !== undefined && <ErrorNote error={action.error} />}
      </Section>

      {s.status === "review" && canManage && (
        <Section header={t("service.review")} footer={t("service.review.hint")} data-testid="service-review">
          <ButtonCell
            disabled={action.busy}
            onClick={() =>
              action.run(() => api<Detail>(`/services/${mid}/enabled`, { method: "PUT", body: { enabled: true } }))
            }
            data-testid="service-review-approve"
          >
            {t("service.review.approve")}
          </ButtonCell>
          <ButtonCell
            disabled={action.busy}
            onClick={() =>
              action.run(() => api<Detail>(`/services/${mid}/enabled`, { method: "PUT", body: { enabled: false } }))
            }
            data-testid="service-review-hide"
          >
            {t("service.review.hide")}
          </ButtonCell>
        </Section>
      )}

      {canManage && detail.twins.length > 0 && (
        <Section header={t("service.twins")} footer={t("service.twins.hint")} data-testid="service-twins">
          {detail.twins.map((twin) => (
            <div key={twin.mid}>
              <Cell
                multiline
                subhead={`ID ${twin.mid} · ${twin.supplier ?? "—"}`}
                subtitle={`${t("services.price_per", { price: rupiah(twin.unitPrice), unit })} · ${t("services.cost", { cost: rupiah(twin.unitCost) })} · ${t(`services.status.${twin.status}`)}`}
              >
                {twin.name}
              </Cell>
              <ButtonCell
                before={<span aria-hidden>🔁</span>}
                disabled={action.busy}
                onClick={() =>
                  action.run(() =>
                    api<Detail>(`/services/${mid}/keep-as-backup`, { method: "POST", body: { mainMid: twin.mid } }),
                  )
                }
                data-testid={`service-twin-backup-${twin.mid}`}
              >
                {t("service.twins.keep", { mid: twin.mid })}
              </ButtonCell>
            </div>
          ))}
        </Section>
      )}

      <Section header={t("service.description")}>
        <Cell multiline>{s.description || "—"}</Cell>
        {canManage && (
          <ButtonCell
            before={<span aria-hidden>✏️</span>}
            onClick={() => push("service-edit", { mid })}
            data-testid="service-edit-details"
          >
            {t("service.edit_details")}
          </ButtonCell>
        )}
      </Section>

      <Section header={t("service.backups")} footer={t("service.backups.hint")} data-testid="service-backups">
        {detail.backups.length === 0 && <Cell>{t("service.backups.none")}</Cell>}
        {detail.backups.map((b, i) => (
          <Cell
            key={b.mid}
            multiline
            before={<span aria-hidden>{i + 1}.</span>}
            subhead={`ID ${b.mid} · ${b.supplier ?? "—"}`}
            subtitle={t("services.cost", { cost: rupiah(b.unitCost) })}
            after={
              canManage ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    action.run(() => api<Detail>(`/services/${mid}/backups/${b.mid}`, { method: "DELETE" }))
                  }
                  data-testid={`service-backup-remove-${b.mid}`}
                >
                  {t("service.backups.remove")}
                </button>
              ) : undefined
            }
          >
            {b.name}
          </Cell>
        ))}
        {canManage && (
          <ButtonCell
            before={<span aria-hidden>➕</span>}
            onClick={() => push("service-backup-add", { mid })}
            data-testid="service-backup-add"
          >
            {t("service.backups.add")}
          </ButtonCell>
        )}
      </Section>
    </List>
  );
}
