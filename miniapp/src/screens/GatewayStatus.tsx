import { Cell, Section } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import type { GatewayText } from "./gateway-text";
import type { GatewayKeys } from "./settings.types";

/** Where a gateway's settings come from (the app, the environment or nowhere), and what its descriptor adds (mode, API host). */
export function GatewayStatus(props: { view: GatewayKeys; text: GatewayText }) {
  const { dateTime, number } = useI18n();
  const { view, text } = props;
  const id = view.gateway;
  return (
    <Section header={text("status")} footer={view.source === "env" ? text("source.env.hint") : undefined}>
      <Cell
        multiline
        after={
          <span className={view.source === "none" ? "shop-fail" : "shop-ok"}>{text(`source.${view.source}`)}</span>
        }
        data-testid={`${id}-source`}
      >
        {text("source")}
      </Cell>
      {typeof view.environment === "string" && (
        <Cell after={<span data-testid={`${id}-environment`}>{text(`env.${view.environment}`)}</span>}>
          {text("environment")}
        </Cell>
      )}
      {typeof view.apiHost === "string" && <Cell after={view.apiHost}>{text("api_host")}</Cell>}
      {view.updatedAt !== null && (
        <Cell multiline subtitle={text("updated", { time: dateTime(view.updatedAt), by: view.updatedBy ?? "—" })}>
          {text("updated.title")}
        </Cell>
      )}
      {view.openInvoices > 0 && (
        <Cell multiline data-testid={`${id}-open-invoices`}>
          <span className="shop-fail">{text("open_invoices", { count: number(view.openInvoices) })}</span>
        </Cell>
      )}
    </Section>
  );
}
