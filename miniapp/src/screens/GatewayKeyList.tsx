import { Section } from "@telegram-apps/telegram-ui";
import { SecretKeyRows } from "../components/SecretKeyRows";
import type { GatewayText } from "./gateway-text";
import type { GatewayKeys } from "./settings.types";

/** Which secret settings of a gateway are set (masked); owners (canReveal) may read one back, which the server audits. */
export function GatewayKeyList(props: { view: GatewayKeys; text: GatewayText }) {
  const { view, text } = props;
  return (
    <Section header={text("keys")} footer={text("keys.hint")} data-testid={`${view.gateway}-keys`}>
      {/* A key changed or cleared: whatever was revealed is no longer the key. */}
      <SecretKeyRows
        area={view.gateway}
        text={text}
        keys={view.keys}
        canReveal={view.canReveal}
        revealPath={(field) => `/settings/${view.gateway}/reveal/${field}`}
        resetOn={`${view.updatedAt}:${view.source}`}
      />
    </Section>
  );
}
