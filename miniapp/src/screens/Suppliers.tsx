import "./shop-areas.css";
import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import type { SupplierList } from "./shop-areas.types";

/** The shop's suppliers with whether they are on and how their last connection test went. */
export function Suppliers() {
  const { t, dateTime } = useI18n();
  const { push } = useNavigation();
  const canManage = useCan("manage");
  const canWriteKeys = useCan("keys");
  const canAdd = canManage && canWriteKeys;
  const list = useLoad(() => api<SupplierList>("/suppliers"), []);
  if (!list.data) return list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : <Loading />;
  return (
    <List>
      {canAdd && (
        <Section>
          <Cell before={<span aria-hidden>➕</span>} onClick={() => push("supplier-form")} data-testid="suppliers-add">
            {t("suppliers.add")}
          </Cell>
        </Section>
      )}
      <Section header={t("suppliers.title")} data-testid="suppliers-list">
        {list.data.suppliers.length === 0 && <Cell multiline>{t("suppliers.none")}</Cell>}
        {list.data.suppliers.map((s) => (
          <Cell
            key={s.id}
            multiline
            onClick={() => push("supplier", { id: s.id })}
            subhead={t(`supplier.kind.${s.kind}`)}
            subtitle={s.apiUrl}
            description={
              !s.lastTest ? (
                t("suppliers.never_tested")
              ) : (
                <span className={s.lastTest.ok ? "shop-ok" : "shop-fail"}>
                  {t(s.lastTest.ok ? "suppliers.test_ok" : "suppliers.test_failed", { time: dateTime(s.lastTest.at) })}
                </span>
              )
            }
            after={
              <span className={s.active ? "shop-ok" : "shop-hint"}>
                {t(s.active ? "suppliers.active" : "suppliers.inactive")}
              </span>
            }
            data-testid={`supplier-row-${s.id}`}
          >
            {s.name}
          </Cell>
        ))}
      </Section>
    </List>
  );
}
