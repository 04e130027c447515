import { Cell, Section } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import type { MidtransKeys } from "./settings.types";

/** Where the Midtrans keys come from (the app, MIDTRANS_* or nowhere), the mode and the API host. */
export function MidtransStatus(props: { view: MidtransKeys }) {
  const { t, dateTime, number } = useI18n();
  const { view } = props;
  return (
    <Section header={t("midtrans.status")} footer={view.source === "env" ? t("midtrans.source.env.hint") : undefined}>
      <Cell multiline after={<span className={view.source === "none" ? "shop-fail" : "shop-ok"}>{t(`midtrans.source.${view.source}`)}</span>} data-testid="midtrans-source">
        {t("midtrans.source")}
      </Cell>
      <Cell after={<span data-testid="midtrans-environment">{t(`midtrans.env.${view.environment}`)}</span>}>{t("midtrans.environment")}</Cell>
      <Cell after={view.apiHost}>{t("midtrans.api_host")}</Cell>
      {view.updatedAt !== null && (
        <Cell multiline subtitle={t("midtrans.updated", { time: dateTime(view.updatedAt), by: view.updatedBy ?? "—" })}>
          {t("midtrans.updated.title")}
        </Cell>
      )}
      {view.openInvoices > 0 && (
        <Cell multiline data-testid="midtrans-open-invoices">
          <span className="shop-fail">{t("midtrans.open_invoices", { count: number(view.openInvoices) })}</span>
        </Cell>
      )}
    </Section>
  );
}
