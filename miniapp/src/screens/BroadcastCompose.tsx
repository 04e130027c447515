import "./team-areas.css";
import { ButtonCell, Cell, Input, List, Section, SegmentedControl, Textarea } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { parseDays, sendingTime } from "./broadcast-format";
import { TelegramMessage } from "../components/TelegramPreview";
import type { Audience, BroadcastPreview } from "./team.types";
import type { BroadcastAnswer } from "./team.types";

/**
 * A new broadcast: the message in Telegram HTML and who gets it; the server checks the HTML as
 * Telegram would and counts the audience while typing, and shows the message as it will look.
 * Sending asks first (MainButton "Next", then "Yes, send"), then follows the progress.
 */
export function BroadcastCompose() {
  const { t, number } = useI18n();
  const { replace } = useNavigation();
  const [html, setHtml] = useState("");
  const [kind, setKind] = useState<Audience["kind"]>("all");
  const [daysText, setDaysText] = useState("30");
  const [confirming, setConfirming] = useState(false);
  const days = parseDays(daysText);
  const audience: Audience | undefined = kind === "all" ? { kind } : days !== undefined ? { kind, days } : undefined;
  const key = JSON.stringify({ html, audience });
  const settled = useDebounced(key, 400);

  // The answer carries the input it is for, so a preview of older text never enables sending.
  const preview = useLoad(async () => {
    const input = JSON.parse(settled) as { html: string; audience?: Audience };
    if (input.html.trim() === "" || !input.audience) return undefined;
    return {
      key: settled,
      answer: await api<BroadcastPreview>("/broadcasts/preview", { method: "POST", body: input }),
    };
  }, [settled]);
  const current = preview.data?.key === key ? preview.data.answer : undefined;
  const sendable = current !== undefined && current.problem === null && current.recipients > 0;
  const send = useAction<BroadcastAnswer>((started) => replace("broadcast", { id: started.id }));

  const edit = (change: () => void) => {
    change();
    setConfirming(false);
  };
  useMainButton({
    text: !sendable
      ? t("broadcasts.new")
      : confirming
        ? t("broadcast.send", { count: number(current.recipients) })
        : t("broadcast.next", { count: number(current.recipients) }),
    enabled: sendable,
    loading: send.busy,
    onClick: () =>
      confirming
        ? send.run(() => api<BroadcastAnswer>("/broadcasts", { method: "POST", body: { html, audience } }))
        : setConfirming(true),
  });

  return (
    <List>
      <Section header={t("broadcast.compose")} footer={t("broadcast.html.hint")}>
        <Textarea
          header={t("broadcast.html")}
          placeholder={t("broadcast.html.placeholder")}
          rows={6}
          value={html}
          onChange={(e) => edit(() => setHtml(e.target.value))}
          data-testid="broadcast-html"
        />
      </Section>
      <Section header={t("broadcast.audience")}>
        <SegmentedControl>
          <SegmentedControl.Item
            selected={kind === "all"}
            onClick={() => edit(() => setKind("all"))}
            data-testid="broadcast-audience-all"
          >
            {t("broadcast.audience.all")}
          </SegmentedControl.Item>
          <SegmentedControl.Item
            selected={kind === "buyers"}
            onClick={() => edit(() => setKind("buyers"))}
            data-testid="broadcast-audience-buyers"
          >
            {t("broadcast.audience.buyers")}
          </SegmentedControl.Item>
        </SegmentedControl>
        {kind === "buyers" && (
          <Input
            header={t("broadcast.days")}
            inputMode="numeric"
            value={daysText}
            status={days === undefined ? "error" : "default"}
            onChange={(e) => edit(() => setDaysText(e.target.value))}
            data-testid="broadcast-days"
          />
        )}
        {kind === "buyers" && days === undefined && (
          <Cell multiline>
            <span className="team-problem">{t("broadcast.days.invalid")}</span>
          </Cell>
        )}
      </Section>

      <Section header={t("broadcast.preview")} data-testid="broadcast-preview">
        {html.trim() === "" ? (
          <Cell multiline>
            <span className="team-hint">{t("broadcast.preview.empty")}</span>
          </Cell>
        ) : !current ? (
          audience && <Cell>{preview.error ? null : t("broadcast.preview.checking")}</Cell>
        ) : current.problem !== null ? (
          <Cell multiline data-testid="broadcast-problem">
            <span className="team-problem">{t("broadcast.problem", { problem: current.problem })}</span>
          </Cell>
        ) : (
          current.tree && <TelegramMessage tree={current.tree} testId="broadcast-rendered" />
        )}
        {current && (
          <Cell
            multiline
            data-testid="broadcast-recipients"
            description={
              current.recipients > 0 ? t("broadcast.pace", { duration: sendingTime(t, current.recipients) }) : undefined
            }
          >
            {current.recipients > 0
              ? t("broadcast.recipients", { count: number(current.recipients) })
              : t("broadcast.recipients.none")}
          </Cell>
        )}
      </Section>
      {preview.error !== undefined && <ErrorNote error={preview.error} onRetry={preview.reload} />}

      {confirming && sendable && (
        <Section data-testid="broadcast-confirm">
          <Cell multiline>{t("broadcast.confirm", { count: number(current.recipients) })}</Cell>
          <ButtonCell onClick={() => setConfirming(false)} data-testid="broadcast-confirm-back">
            {t("broadcast.confirm.back")}
          </ButtonCell>
        </Section>
      )}
      {send.error !== undefined && <ErrorNote error={send.error} />}
    </List>
  );
}
