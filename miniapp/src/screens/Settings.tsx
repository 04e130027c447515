import "./shop-areas.css";
import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import { settingValueText } from "./settings-format";
import { gatewayText, hasOwnText } from "./gateway-text";
import type { SettingGroups } from "./settings.types";

/**
 * The shop's settings, grouped as the server groups them (payments, pricing, checkout, sync,
 * assistant), each with its value; a tap opens its editor. Above them: each payment gateway's
 * keys (roles that may write keys), the bot's texts and the FAQ.
 */
export function Settings() {
  const { t, number } = useI18n();
  const { push } = useNavigation();
  const canWriteKeys = useCan("keys");
  const list = useLoad(() => api<SettingGroups>("/settings"), []);
  if (!list.data) return list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : <Loading />;
  return (
    <List>
      <Section header={t("settings.more")}>
        {canWriteKeys &&
          (list.data.gateways ?? []).map(({ gateway, label }) => {
            const text = gatewayText(t, gateway, label);
            return (
              <Cell
                key={gateway}
                before={<span aria-hidden>💳</span>}
                subtitle={
                  hasOwnText(t, "settings", `${gateway}.hint`)
                    ? t(`settings.${gateway}.hint`)
                    : t("settings.gateway.hint")
                }
                onClick={() => push("settings-gateway", { gateway })}
                data-testid={`settings-${gateway}`}
              >
                {text("title")}
              </Cell>
            );
          })}
        <Cell
          before={<span aria-hidden>💬</span>}
          subtitle={t("settings.texts.hint")}
          onClick={() => push("bot-texts")}
          data-testid="settings-texts"
        >
          {t("texts.title")}
        </Cell>
        <Cell
          before={<span aria-hidden>❓</span>}
          subtitle={t("settings.faq.hint")}
          onClick={() => push("faq")}
          data-testid="settings-faq"
        >
          {t("faq.title")}
        </Cell>
      </Section>
      {list.data.groups.map(({ group, settings }) => (
        <Section key={group} header={t(`settings.group.${group}`)} data-testid={`settings-group-${group}`}>
          {settings.map((s) => (
            <Cell
              key={s.key}
              multiline
              onClick={() => push("setting", { key: s.key })}
              subtitle={<span data-testid={`setting-value-${s.key}`}>{settingValueText(s, s.value, t, number)}</span>}
              description={
                JSON.stringify(s.value) === JSON.stringify(s.default)
                  ? undefined
                  : t("setting.changed", { value: settingValueText(s, s.default, t, number) })
              }
              data-testid={`setting-row-${s.key}`}
            >
              {t(`setting.${s.key}`)}
            </Cell>
          ))}
        </Section>
      ))}
    </List>
  );
}
