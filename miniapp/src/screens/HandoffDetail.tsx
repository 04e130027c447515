import "./team-areas.css";
import { Cell, List, Section, Textarea } from "@telegram-apps/telegram-ui";
import { useEffect, useRef, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useEvery } from "../use-every";
import { useLoad } from "../use-api";
import { HandoffChat } from "./HandoffChat";
import { customerName } from "./orders.types";
import type { HandoffDetail as Detail } from "./team.types";

/** While a hand-off is open the customer may write more: the conversation follows. */
const REFRESH_MS = 5_000;

/**
 * One hand-off: who and why, the conversation as a chat, an answer box (MainButton "Send": it goes
 * to the customer through the bot at once) and ending it (the customer is told the bot is back).
 */
export function HandoffDetail() {
  const { t, dateTime } = useI18n();
  const { route } = useNavigation();
  const number = Number(route.params.number);
  const detail = useLoad(() => api<Detail>(`/handoffs/${number}`), [number]);
  const open = detail.data?.handoff.status === "open";
  useEvery(REFRESH_MS, detail.reload, open);
  const [text, setText] = useState("");
  const [sent, setSent] = useState(false);
  const reply = useAction(() => {
    setText("");
    setSent(true);
    detail.reload();
  });
  const end = useAction(() => detail.reload());
  // Opens at the latest messages with the answer box in view, once per hand-off: a long
  // transcript would otherwise start at its first line. Later refreshes leave the scroll alone.
  const bottom = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!detail.data || scrolledFor.current === number) return;
    scrolledFor.current = number;
    bottom.current?.scrollIntoView({ block: "end" });
  }, [detail.data, number]);
  useMainButton({
    text: t("handoff.send"),
    visible: open,
    enabled: text.trim() !== "",
    loading: reply.busy,
    onClick: () => reply.run(() => api(`/handoffs/${number}/reply`, { method: "POST", body: { text } })),
  });

  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} onRetry={detail.reload} /> : <Loading />;
  const { handoff, customer, transcript } = detail.data;

  return (
    <List>
      <Section header={t("handoff.title", { number: handoff.number })}>
        <Cell
          multiline
          subtitle={`Telegram ${customer.telegramId}`}
          after={
            <span className={handoff.status === "open" ? "status" : "status team-hint"}>
              {t(`handoff.status.${handoff.status}`)}
            </span>
          }
          data-testid="handoff-status"
        >
          {customerName(customer)}
        </Cell>
        <Cell
          multiline
          subhead={t("handoffs.opened_at", { at: dateTime(handoff.openedAt) })}
          subtitle={handoff.closedAt !== null ? t("handoffs.closed_at", { at: dateTime(handoff.closedAt) }) : undefined}
        >
          {t(`handoffs.reason.${handoff.reason}`)}
        </Cell>
      </Section>

      <Section header={t("handoff.conversation")} footer={open ? t("handoff.conversation.hint") : undefined}>
        {transcript.length === 0 ? <Cell>{t("handoff.conversation.none")}</Cell> : <HandoffChat turns={transcript} />}
      </Section>

      {open ? (
        <Section header={t("handoff.reply")} footer={t("handoff.reply.hint")}>
          <Textarea
            placeholder={t("handoff.reply.placeholder")}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSent(false);
            }}
            data-testid="handoff-reply"
          />
          {sent && (
            <Cell data-testid="handoff-sent">
              <span className="team-ok">✓ {t("handoff.sent")}</span>
            </Cell>
          )}
          <ConfirmCell
            destructive
            label={t("handoff.end")}
            question={t("handoff.end.confirm")}
            disabled={end.busy}
            onConfirm={() => end.run(() => api(`/handoffs/${number}/end`, { method: "POST" }))}
            testId="handoff-end"
          />
        </Section>
      ) : (
        <Section>
          <Cell multiline data-testid="handoff-ended">
            <span className="team-hint">{t("handoff.ended")}</span>
          </Cell>
        </Section>
      )}
      {reply.error !== undefined && <ErrorNote error={reply.error} />}
      {end.error !== undefined && <ErrorNote error={end.error} />}
      <div ref={bottom} data-testid="handoff-bottom" />
    </List>
  );
}
