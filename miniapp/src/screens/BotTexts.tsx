import "./shop-areas.css";
import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { telegramHtmlToText } from "../../../src/shared/telegram-html";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useLoad } from "../use-api";
import type { BotTextList } from "./settings.types";

/** The bot texts a shop may rewrite (welcome, help), per language: the shop's own or the default. */
export function BotTexts() {
  const { t, dateTime } = useI18n();
  const { push } = useNavigation();
  const list = useLoad(() => api<BotTextList>("/texts"), []);
  if (!list.data) return list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : <Loading />;
  const keys = [...new Set(list.data.texts.map((text) => text.key))];
  return (
    <List>
      {keys.map((key) => (
        <Section key={key} header={t(`texts.key.${key}`)} footer={t(`texts.key.${key}.hint`)}>
          {list
            .data!.texts.filter((text) => text.key === key)
            .map((text) => (
              <Cell
                key={text.language}
                multiline
                onClick={() => push("bot-text", { key, language: text.language })}
                subhead={t(`texts.language.${text.language}`)}
                description={telegramHtmlToText(text.text ?? text.defaultText).split("\n")[0]}
                after={
                  <span className={text.text === null ? "shop-hint" : "shop-ok"}>
                    {text.text === null ? t("texts.default") : t("texts.custom")}
                  </span>
                }
                subtitle={
                  text.updatedAt !== null
                    ? t("texts.updated", { time: dateTime(text.updatedAt), by: text.updatedBy ?? "—" })
                    : undefined
                }
                data-testid={`bot-text-${key}-${text.language}`}
              >
                {t(`texts.key.${key}`)}
              </Cell>
            ))}
        </Section>
      ))}
    </List>
  );
}
