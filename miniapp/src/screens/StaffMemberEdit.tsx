import "./team-areas.css";
import { ButtonCell, Cell, List, Section } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { StaffRole } from "./orders.types";
import { StaffRolePicker } from "./StaffRolePicker";
import type { StaffList } from "./team.types";

/** One staff member: a new role (asked first, on the MainButton), or removal (asked first). */
export function StaffMemberEdit() {
  const { t } = useI18n();
  const { route, pop } = useNavigation();
  const telegramId = Number(route.params.telegramId);
  const staff = useLoad(() => api<StaffList>("/staff"), []);
  const member = staff.data?.staff.find((m) => m.telegramId === telegramId);
  const [role, setRole] = useState<StaffRole | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setRole(member?.role), [member?.role]);
  const change = useAction(() => pop());
  const remove = useAction(() => pop());
  const changed = member !== undefined && role !== undefined && role !== member.role;
  useMainButton({
    text: changed && confirming ? t("staff.change.yes", { role: t(`role.${role}`) }) : t("staff.change"),
    visible: member !== undefined,
    enabled: changed,
    loading: change.busy,
    onClick: () =>
      confirming
        ? change.run(() => api(`/staff/${telegramId}`, { method: "PUT", body: { role } }))
        : setConfirming(true),
  });

  if (!staff.data) return staff.error ? <ErrorNote error={staff.error} onRetry={staff.reload} /> : <Loading />;
  if (!member || role === undefined) return <ErrorNote error={t("staff.member.gone")} />;
  const name = member.name || `Telegram ${member.telegramId}`;

  return (
    <List>
      <Section header={t("staff.member.screen")}>
        <Cell
          subtitle={`Telegram ${member.telegramId}`}
          after={<span className="status">{t(`role.${member.role}`)}</span>}
          data-testid="staff-member"
        >
          {name}
        </Cell>
      </Section>
      <Section header={t("staff.role")}>
        <StaffRolePicker
          value={role}
          onChange={(next) => {
            setRole(next);
            setConfirming(false);
          }}
        />
      </Section>
      {confirming && changed && (
        <Section data-testid="staff-change-confirm">
          <Cell multiline>
            {t("staff.change.confirm", { name, from: t(`role.${member.role}`), to: t(`role.${role}`) })}
          </Cell>
          <ButtonCell onClick={() => setConfirming(false)} data-testid="staff-change-back">
            {t("staff.change.back")}
          </ButtonCell>
        </Section>
      )}
      {change.error !== undefined && <ErrorNote error={change.error} />}
      <Section>
        <ConfirmCell
          destructive
          label={t("staff.remove")}
          question={t("staff.remove.confirm", { name })}
          disabled={remove.busy}
          onConfirm={() => remove.run(() => api(`/staff/${telegramId}`, { method: "DELETE" }))}
          testId="staff-remove"
        />
      </Section>
      {remove.error !== undefined && <ErrorNote error={remove.error} />}
    </List>
  );
}
