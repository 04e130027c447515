import "./shop-areas.css";
import { ButtonCell, Cell, List, Section } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { SecretKeyRows } from "../components/SecretKeyRows";
import { SupplierCurrencyBanner } from "../components/SupplierCurrencyBanner";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { SupplierMargin } from "./SupplierMargin";
import { balanceText, type Supplier } from "./shop-areas.types";
import type { SupplierKeys, SupplierOverview, SupplierSaved, SupplierTest, SupplierTested } from "./shop-areas.types";

/**
 * One supplier: its settings, the last connection test, a new test (balance, latency, result),
 * enable/disable, its keys (masked; owners may reveal one, audited) and its import history.
 */
export function SupplierDetail() {
  const { t, dateTime, number } = useI18n();
  const { route, push } = useNavigation();
  const id = Number(route.params.id);
  const canManage = useCan("manage");
  const canSeeKeys = useCan("keys");
  const detail = useLoad(() => api<SupplierOverview>(`/suppliers/${id}`), [id]);
  const [supplier, setSupplier] = useState<Supplier | undefined>(undefined);
  const [test, setTest] = useState<SupplierTest | undefined>(undefined);
  const testing = useAction<SupplierTested>((answer) => {
    setTest(answer.result);
    setSupplier(answer.supplier);
  });
  const toggling = useAction<SupplierSaved>((answer) => setSupplier(answer.supplier));
  useEffect(() => setSupplier(detail.data?.supplier), [detail.data]);

  if (!detail.data || !supplier)
    return detail.error ? <ErrorNote error={detail.error} onRetry={detail.reload} /> : <Loading />;
  const rupiahLike = (text: string | null) =>
    text ? text.replace(/^(-?\d+)(\.\d+)? IDR$/, (_, whole: string) => `Rp ${number(Number(whole))}`) : "—";

  return (
    <List>
      <SupplierCurrencyBanner supplier={supplier} />
      <Section header={supplier.name}>
        <Cell after={t(`supplier.kind.${supplier.kind}`)}>{t("supplier.kind")}</Cell>
        <Cell multiline subtitle={supplier.apiUrl}>
          {t("supplier.url")}
        </Cell>
        <Cell after={supplier.currency === "IDR" ? "IDR" : `${supplier.currency} × ${supplier.rateToIdr || "—"}`}>
          {t("supplier.currency")}
        </Cell>
        <Cell
          after={
            <span className={supplier.active ? "shop-ok" : "shop-hint"}>
              {t(supplier.active ? "suppliers.active" : "suppliers.inactive")}
            </span>
          }
          data-testid="supplier-status"
        >
          {t("supplier.status")}
        </Cell>
      </Section>

      <Section header={t("supplier.last_test")} data-testid="supplier-last-test">
        {!supplier.lastTest ? (
          <Cell>{t("suppliers.never_tested")}</Cell>
        ) : (
          <>
            <Cell
              after={
                <span className={supplier.lastTest.ok ? "shop-ok" : "shop-fail"}>
                  {supplier.lastTest.ok ? "OK" : "✗"}
                </span>
              }
            >
              {dateTime(supplier.lastTest.at)}
            </Cell>
            <Cell after={rupiahLike(supplier.lastTest.balance)}>{t("supplier.balance")}</Cell>
            <Cell after={supplier.lastTest.latencyMs === null ? "—" : `${supplier.lastTest.latencyMs} ms`}>
              {t("supplier.latency")}
            </Cell>
            {!supplier.lastTest.ok && (
              <Cell multiline subtitle={<span className="shop-fail">{supplier.lastTest.message}</span>}>
                {t("supplier.message")}
              </Cell>
            )}
          </>
        )}
        {test && (
          <Cell multiline data-testid="supplier-test-result">
            <span className={test.ok ? "shop-ok" : "shop-fail"}>
              {test.ok && test.balance
                ? t("supplier.test.ok", {
                    balance: balanceText(test.balance, (n) => `Rp ${number(n)}`),
                    ms: test.latencyMs,
                  })
                : t("supplier.test.failed", { ms: test.latencyMs, message: test.message })}
            </span>
          </Cell>
        )}
        {canManage && (
          <ButtonCell
            before={<span aria-hidden>🔌</span>}
            disabled={testing.busy}
            onClick={() => testing.run(() => api(`/suppliers/${id}/test`, { method: "POST" }))}
            data-testid="supplier-test"
          >
            {testing.busy ? t("supplier.testing") : t("supplier.test")}
          </ButtonCell>
        )}
        {testing.error !== undefined && <ErrorNote error={testing.error} />}
      </Section>

      {canManage && (
        <Section>
          <ButtonCell
            before={<span aria-hidden>📥</span>}
            onClick={() => push("imports", { supplierId: id })}
            data-testid="supplier-import"
          >
            {t("supplier.import")}
          </ButtonCell>
          <ButtonCell
            before={<span aria-hidden>✏️</span>}
            onClick={() => push("supplier-form", { id })}
            data-testid="supplier-edit"
          >
            {t("supplier.edit")}
          </ButtonCell>
          {supplier.active ? (
            <ConfirmCell
              destructive
              label={t("supplier.disable")}
              question={t("supplier.disable.confirm")}
              onConfirm={() =>
                toggling.run(() => api(`/suppliers/${id}`, { method: "PATCH", body: { active: false } }))
              }
              testId="supplier-disable"
            />
          ) : (
            <ButtonCell
              onClick={() => toggling.run(() => api(`/suppliers/${id}`, { method: "PATCH", body: { active: true } }))}
              data-testid="supplier-enable"
            >
              {t("supplier.enable")}
            </ButtonCell>
          )}
          {toggling.error !== undefined && <ErrorNote error={toggling.error} />}
        </Section>
      )}

      <SupplierMargin id={id} />

      {canSeeKeys && <SupplierKeys id={id} />}

      <Section header={t("supplier.history")}>
        {detail.data.syncs.length === 0 && <Cell>{t("supplier.history.none")}</Cell>}
        {detail.data.syncs.map((s) => (
          <Cell
            key={s.id}
            multiline
            subhead={dateTime(s.started_at)}
            subtitle={
              s.error ? (
                <span className="shop-fail">{t("supplier.history.failed", { error: s.error })}</span>
              ) : undefined
            }
          >
            {t("supplier.history.row", {
              imported: number(s.imported),
              updated: number(s.updated),
              removed: number(s.removed),
              skipped: number(s.skipped),
            })}
          </Cell>
        ))}
      </Section>
    </List>
  );
}

/** Which keys are set (masked); owners may read one back, which the server audits. */
function SupplierKeys(props: { id: number }) {
  const { t } = useI18n();
  const keys = useLoad(() => api<SupplierKeys>(`/suppliers/${props.id}/keys`), [props.id]);
  return (
    <Section header={t("supplier.keys")} footer={t("supplier.keys.hint")} data-testid="supplier-keys">
      {keys.error !== undefined && <ErrorNote error={keys.error} onRetry={keys.reload} />}
      {keys.data && (
        <SecretKeyRows
          area="supplier"
          keys={keys.data.keys}
          canReveal={keys.data.canReveal}
          revealPath={(field) => `/suppliers/${props.id}/keys/${field}/reveal`}
        />
      )}
    </Section>
  );
}
