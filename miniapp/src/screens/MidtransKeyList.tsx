import { Section } from "@telegram-apps/telegram-ui";
import { SecretKeyRows } from "../components/SecretKeyRows";
import { useI18n } from "../i18n";
import type { MidtransKeys } from "./settings.types";

/** Which Midtrans keys are set (masked); owners (canReveal) may read one back, which the server audits. */
export function MidtransKeyList(props: { view: MidtransKeys }) {
  const { t } = useI18n();
  return (
    <Section header={t("midtrans.keys")} footer={t("midtrans.keys.hint")} data-testid="midtrans-keys">
      {/* A key changed or cleared: whatever was revealed is no longer the key. */}
      <SecretKeyRows area="midtrans" keys={props.view.keys} canReveal={props.view.canReveal} revealPath={(field) => `/settings/midtrans/reveal/${field}`} resetOn={`${props.view.updatedAt}:${props.view.source}`} />
    </Section>
  );
}
