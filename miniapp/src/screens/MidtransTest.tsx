import { ButtonCell, Cell, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useAction } from "../use-action";
import type { MidtransKeys, MidtransTested } from "./settings.types";

/**
 * The connection test: asks Midtrans about an order nobody made (nothing is charged) and shows
 * whether it knew the key, with the latency. The last result stays until the keys change.
 */
export function MidtransTest(props: { view: MidtransKeys; onTested: (keys: MidtransKeys) => void }) {
  const { t, dateTime } = useI18n();
  const testing = useAction<MidtransTested>((answer) => props.onTested(answer.keys));
  const last = props.view.lastTest;
  return (
    <Section header={t("midtrans.test.last")} data-testid="midtrans-test-section">
      {!last ? (
        <Cell multiline>
          <span className="shop-hint">{t("midtrans.test.never")}</span>
        </Cell>
      ) : (
        <Cell
          multiline
          subhead={dateTime(last.at)}
          subtitle={last.ok ? undefined : <span className="shop-fail">{last.message}</span>}
          after={<span className="shop-nowrap">{t("midtrans.test.latency", { ms: last.latencyMs })}</span>}
          data-testid="midtrans-test-result"
        >
          <span className={last.ok ? "shop-ok" : "shop-fail"}>{t(`midtrans.test.outcome.${last.outcome}`)}</span>
        </Cell>
      )}
      <ButtonCell before={<span aria-hidden>🔌</span>} disabled={testing.busy} onClick={() => testing.run(() => api("/settings/midtrans/test", { method: "POST" }))} data-testid="midtrans-test">
        {testing.busy ? t("midtrans.testing") : t("midtrans.test")}
      </ButtonCell>
      {testing.error !== undefined && <ErrorNote error={testing.error} />}
    </Section>
  );
}
