import { Banner } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import type { Supplier } from "../screens/shop-areas.types";

/**
 * The warning on a supplier whose currency holds it off sale: what is wrong and what to do, in the
 * admin's language. The server decides (its own answer against the setting); this only says it.
 */
export function SupplierCurrencyBanner({ supplier }: { supplier: Supplier }) {
  const { t } = useI18n();
  const check = supplier.currencyCheck;
  if (!check?.problem) return null;
  const vars = { name: supplier.name, configured: supplier.currency, reported: check.reported ?? "?" };
  return (
    <Banner
      type="section"
      header={`⛔ ${t("supplier.currency_hold.title")}`}
      subheader={check.reported ? t("supplier.currency_hold.reported", vars) : undefined}
      description={t(`supplier.currency_hold.${check.problem}`, vars)}
      data-testid="supplier-currency-warning"
    />
  );
}
