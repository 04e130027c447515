import "./shop-areas.css";
import { Cell, Input, List, Section } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { MarginEditor } from "../components/MarginEditor";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import type { Margins as MarginsData } from "./shop-areas.types";

/**
 * The shop's margins beyond one service: its default, each category's (a category's margin wins
 * over its supplier's and the default), and each supplier's (set on the supplier's screen). Every
 * change is previewed before it is saved.
 */
export function Margins() {
  const { t, number } = useI18n();
  const { push } = useNavigation();
  const canManage = useCan("manage");
  const margins = useLoad(() => api<MarginsData>("/pricing/margins"), []);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState("");
  const [saved, setSaved] = useState<number | undefined>(undefined);
  const done = (repriced: number) => {
    setSaved(repriced);
    setOpen(undefined);
    margins.reload();
  };

  if (!margins.data) return margins.error ? <ErrorNote error={margins.error} onRetry={margins.reload} /> : <Loading />;
  const m = margins.data;
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const categories = m.categories.filter((c) =>
    words.every((w) => `${c.category} ${c.platforms.join(" ")}`.toLowerCase().includes(w)),
  );

  return (
    <List>
      {saved !== undefined && (
        <Section>
          <Cell multiline data-testid="margins-saved">
            <span className="shop-ok">{t("pricing.saved", { count: number(saved) })}</span>
          </Cell>
        </Section>
      )}
      <Section header={t("pricing.default")} footer={t("pricing.order_hint")}>
        <Cell
          after={<strong data-testid="margins-default">{`${m.default}%`}</strong>}
          onClick={canManage ? () => setOpen(open === "default" ? undefined : "default") : undefined}
        >
          {t("pricing.default")}
        </Cell>
        {open === "default" && (
          <MarginEditor
            key="default"
            target={{ scope: "default" }}
            current={m.default}
            canClear={false}
            testId="margin-default"
            onSaved={done}
          />
        )}
      </Section>

      <Section header={t("pricing.suppliers")}>
        {m.suppliers.map((s) => (
          <Cell
            key={s.id}
            after={s.margin !== null ? `${s.margin}%` : t("pricing.none")}
            onClick={() => push("supplier", { id: s.id })}
            data-testid={`margins-supplier-${s.id}`}
          >
            {s.name}
          </Cell>
        ))}
      </Section>

      <Section header={t("pricing.categories")} footer={t("pricing.categories.hint")} data-testid="margins-categories">
        <Input
          header={t("services.search")}
          placeholder={t("pricing.categories.search")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="margins-category-search"
        />
        {categories.length === 0 && <Cell>{t("app.none")}</Cell>}
        {categories.slice(0, 100).map((c) => (
          <div key={c.category}>
            <Cell
              multiline
              subtitle={`${c.platforms.join(", ")} · ${t("services.found", { count: number(c.count) })}`}
              after={c.margin !== null ? <strong>{`${c.margin}%`}</strong> : t("pricing.none")}
              onClick={canManage ? () => setOpen(open === c.category ? undefined : c.category) : undefined}
              data-testid={`margins-category-${c.category}`}
            >
              {c.category}
            </Cell>
            {open === c.category && (
              <MarginEditor
                key={c.category}
                target={{ scope: "category", category: c.category }}
                current={c.margin}
                canClear
                testId="margin-category"
                onSaved={done}
              />
            )}
          </div>
        ))}
      </Section>
    </List>
  );
}
