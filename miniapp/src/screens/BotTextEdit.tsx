import "./shop-areas.css";
import { Cell, List, Section, Textarea } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { TelegramPreview } from "../components/TelegramPreview";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { BotTextList } from "./settings.types";

/**
 * One bot text in one language (`params.key`, `params.language`): Telegram HTML with its
 * placeholders, a live preview (or what Telegram would refuse, as the server checks it), and a way
 * back to the default text. Save is the MainButton; the server's refusal is shown as it is.
 */
export function BotTextEdit() {
  const { t } = useI18n();
  const { route, pop } = useNavigation();
  const key = String(route.params.key);
  const language = String(route.params.language);
  const list = useLoad(() => api<BotTextList>("/texts"), []);
  const entry = list.data?.texts.find((text) => text.key === key && text.language === language);
  const [draft, setDraft] = useState("");
  const save = useAction(() => pop());
  const reset = useAction(() => pop());
  useEffect(() => {
    if (entry) setDraft(entry.text ?? entry.defaultText);
  }, [list.data]);

  const shown = entry ? (entry.text ?? entry.defaultText) : "";
  useMainButton({
    text: t("texts.save"),
    enabled: entry !== undefined && draft.trim() !== shown.trim(),
    loading: save.busy,
    onClick: () => save.run(() => api(`/texts/${key}/${language}`, { method: "PUT", body: { text: draft } })),
  });

  if (!list.data) return list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : <Loading />;
  if (!entry) return <ErrorNote error={t("texts.unknown", { key, language })} />;
  const placeholders =
    entry.placeholders.length > 0
      ? t("texts.placeholders", { list: entry.placeholders.map((p) => `{${p}}`).join(", ") })
      : t("texts.placeholders.none");
  const sample: Record<string, string> = { name: t("texts.sample.name") };

  return (
    <List>
      <Section
        header={`${t(`texts.key.${key}`)} · ${t(`texts.language.${language}`)}`}
        footer={`${placeholders} ${t("texts.tags")}`}
      >
        <Textarea
          header={t("texts.text")}
          value={draft}
          rows={8}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="bot-text-input"
        />
        <Cell
          multiline
          after={
            <span className={entry.text === null ? "shop-hint" : "shop-ok"}>
              {entry.text === null ? t("texts.default") : t("texts.custom")}
            </span>
          }
        >
          {t("texts.now")}
        </Cell>
      </Section>
      <Section header={t("texts.preview")}>
        <TelegramPreview
          html={draft.trim()}
          fill={(text) => text.replace(/\{(\w+)\}/g, (whole, name: string) => sample[name] ?? whole)}
          problemText={(problem) => t("texts.problem", { problem })}
          testId="bot-text-preview"
        />
      </Section>
      {save.error !== undefined && <ErrorNote error={save.error} />}
      {entry.text !== null && (
        <Section footer={t("texts.reset.hint")}>
          <ConfirmCell
            destructive
            label={t("texts.reset")}
            question={t("texts.reset.confirm")}
            onConfirm={() => reset.run(() => api(`/texts/${key}/${language}`, { method: "DELETE" }))}
            testId="bot-text-reset"
          />
          {reset.error !== undefined && <ErrorNote error={reset.error} />}
        </Section>
      )}
    </List>
  );
}
