import { Cell } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import type { OrderExtras as Extras } from "./orders.types";

/** What an order's service type needed beyond target and quantity (comments, usernames, a subscription, drip-feed), one cell each. */
export function OrderExtras({ extras, quantity }: { extras: Extras | null; quantity: number }) {
  const { t, number } = useI18n();
  if (!extras) return null;
  const list = (items: string[]) => (
    <span className="breakable" style={{ whiteSpace: "pre-line" }}>
      {items.join("\n")}
    </span>
  );
  const s = extras.subscription;
  return (
    <>
      {extras.comments && (
        <Cell multiline subhead={t("extras.comments", { count: extras.comments.length })} data-testid="extras-comments">
          {list(extras.comments)}
        </Cell>
      )}
      {extras.username && <Cell subhead={t("extras.username")}>@{extras.username}</Cell>}
      {extras.usernames && (
        <Cell multiline subhead={t("extras.usernames", { count: extras.usernames.length })}>
          {list(extras.usernames.map((u) => `@${u}`))}
        </Cell>
      )}
      {extras.hashtags && <Cell subhead={t("extras.hashtags")}>{extras.hashtags.map((h) => `#${h}`).join(" ")}</Cell>}
      {extras.hashtag && <Cell subhead={t("extras.hashtags")}>#{extras.hashtag}</Cell>}
      {extras.media && (
        <Cell multiline subhead={t("extras.media")}>
          <span className="breakable">{extras.media}</span>
        </Cell>
      )}
      {extras.keywords && (
        <Cell multiline subhead={t("extras.keywords")}>
          {list(extras.keywords)}
        </Cell>
      )}
      {extras.answerNumber !== undefined && <Cell subhead={t("extras.answer")}>{extras.answerNumber}</Cell>}
      {s && (
        <Cell multiline subhead={t("extras.subscription")} data-testid="extras-subscription">
          {t("extras.subscription.detail", {
            username: `@${s.username}`,
            min: number(s.min),
            max: number(s.max),
            posts: number(s.posts ?? 0),
            delay: s.delay,
            expiry: s.expiry ? t("extras.until", { date: s.expiry }) : t("extras.no_expiry"),
          })}
        </Cell>
      )}
      {extras.runs && (
        <Cell subhead={t("extras.dripfeed")}>
          {t("extras.dripfeed.detail", {
            runs: extras.runs,
            quantity: number(quantity / extras.runs),
            interval: extras.interval ?? 0,
          })}
        </Cell>
      )}
    </>
  );
}
