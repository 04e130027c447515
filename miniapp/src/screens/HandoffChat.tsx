import { useI18n } from "../i18n";
import type { Turn } from "./team.types";

/**
 * A customer's conversation as a chat: the customer on the left, the bot and admins on the right
 * (as the customer saw it). Texts are shown as stored, as plain text, never as HTML.
 */
export function HandoffChat(props: { turns: Turn[] }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="chat" data-testid="handoff-chat">
      {props.turns.map((turn, i) => (
        <div key={i} className={`chat-turn chat-${turn.role}`} data-testid={`turn-${turn.role}`}>
          <div className="chat-who">{t(`handoff.role.${turn.role}`)}</div>
          <div className="chat-text">{turn.text}</div>
          <div className="chat-time">{dateTime(turn.createdAt)}</div>
        </div>
      ))}
    </div>
  );
}
