import { Cell, Section } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { MarginEditor } from "../components/MarginEditor";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import type { Margins } from "./shop-areas.types";

/**
 * A supplier's own margin on its detail screen: every service of it without a category or service
 * margin of its own follows it. Changed with a preview first.
 */
export function SupplierMargin(props: { id: number }) {
  const { t, number } = useI18n();
  const canManage = useCan("manage");
  const margins = useLoad(() => api<Margins>("/pricing/margins"), [props.id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  if (margins.error !== undefined) return <ErrorNote error={margins.error} onRetry={margins.reload} />;
  if (!margins.data) return null;
  const own = margins.data.suppliers.find((s) => s.id === props.id)?.margin ?? null;
  return (
    <Section
      header={t("pricing.supplier")}
      footer={t("pricing.supplier.hint", { default: margins.data.default })}
      data-testid="supplier-margin"
    >
      <Cell
        after={<strong data-testid="supplier-margin-value">{own !== null ? `${own}%` : t("pricing.none")}</strong>}
        onClick={canManage ? () => setEditing(!editing) : undefined}
        data-testid="supplier-margin-edit"
      >
        {t("pricing.supplier")}
      </Cell>
      {saved !== undefined && (
        <Cell multiline data-testid="supplier-margin-saved">
          <span className="shop-ok">{t("pricing.saved", { count: number(saved) })}</span>
        </Cell>
      )}
      {editing && (
        <MarginEditor
          target={{ scope: "supplier", supplierId: props.id }}
          current={own}
          canClear
          testId="supplier-margin"
          onSaved={(repriced) => {
            setSaved(repriced);
            setEditing(false);
            margins.reload();
          }}
        />
      )}
    </Section>
  );
}
