import { ButtonCell, Cell, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useAction } from "../use-action";
import type { GatewayText } from "./gateway-text";
import type { GatewayKeys, GatewayTested } from "./settings.types";

/**
 * The connection test: the gateway's harmless call (Midtrans: an order nobody made; nothing is
 * charged) and whether it knew the keys, with the latency. The last result stays until the keys change.
 */
export function GatewayTest(props: { view: GatewayKeys; text: GatewayText; onTested: (keys: GatewayKeys) => void }) {
  const { dateTime } = useI18n();
  const { view, text } = props;
  const id = view.gateway;
  const testing = useAction<GatewayTested>((answer) => props.onTested(answer.keys));
  const last = view.lastTest;
  return (
    <Section header={text("test.last")} data-testid={`${id}-test-section`}>
      {!last ? (
        <Cell multiline>
          <span className="shop-hint">{text("test.never")}</span>
        </Cell>
      ) : (
        <Cell
          multiline
          subhead={dateTime(last.at)}
          subtitle={last.ok ? undefined : <span className="shop-fail">{last.message}</span>}
          after={<span className="shop-nowrap">{text("test.latency", { ms: last.latencyMs })}</span>}
          data-testid={`${id}-test-result`}
        >
          <span className={last.ok ? "shop-ok" : "shop-fail"}>{text(`test.outcome.${last.outcome}`)}</span>
        </Cell>
      )}
      <ButtonCell
        before={<span aria-hidden>🔌</span>}
        disabled={testing.busy}
        onClick={() => testing.run(() => api(`/settings/${id}/test`, { method: "POST" }))}
        data-testid={`${id}-test`}
      >
        {testing.busy ? text("testing") : text("test")}
      </ButtonCell>
      {testing.error !== undefined && <ErrorNote error={testing.error} />}
    </Section>
  );
}
