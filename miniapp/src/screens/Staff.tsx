import "./team-areas.css";
import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useMe } from "../session";
import { useLoad } from "../use-api";
import { STAFF_ROLES } from "./team.types";
import type { StaffList } from "./team.types";

/**
 * Who may open the admin app and /admin, with their roles (owners only). The owners from
 * ADMIN_TELEGRAM_IDS are listed but fixed; nobody changes their own access.
 */
export function Staff() {
  const { t } = useI18n();
  const me = useMe();
  const { push } = useNavigation();
  const staff = useLoad(() => api<StaffList>("/staff"), []);
  if (!staff.data) return staff.error ? <ErrorNote error={staff.error} onRetry={staff.reload} /> : <Loading />;
  const members = staff.data.staff;

  return (
    <List>
      <Section>
        <Cell before={<span aria-hidden>➕</span>} onClick={() => push("staff-add")} data-testid="staff-add">
          {t("staff.add")}
        </Cell>
      </Section>
      <Section
        header={t("staff.members", { count: members.length })}
        footer={members.some((m) => m.fromConfig) ? t("staff.from_config.hint") : undefined}
        data-testid="staff-list"
      >
        {members.map((m) => {
          const mine = m.telegramId === me.telegramId;
          const fixed = m.fromConfig || mine;
          return (
            <Cell
              key={m.telegramId}
              multiline
              subtitle={
                [
                  m.name
                    ? [m.username ? `@${m.username}` : "", `Telegram ${m.telegramId}`].filter(Boolean).join(" · ")
                    : "",
                  mine ? t("staff.you") : "",
                ]
                  .filter(Boolean)
                  .join(" · ") || undefined
              }
              after={<span className="status">{t(`role.${m.role}`)}</span>}
              onClick={fixed ? undefined : () => push("staff-member", { telegramId: m.telegramId })}
              data-testid={`staff-row-${m.telegramId}`}
            >
              {m.name || `Telegram ${m.telegramId}`}
              {m.fromConfig && <span className="tag">{t("staff.from_config")}</span>}
            </Cell>
          );
        })}
      </Section>
      <Section header={t("staff.roles")}>
        {[...STAFF_ROLES].reverse().map((role) => (
          <Cell key={role} multiline subtitle={t(`staff.role.${role}.hint`)}>
            {t(`role.${role}`)}
          </Cell>
        ))}
      </Section>
    </List>
  );
}
