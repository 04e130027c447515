import "./team-areas.css";
import { Cell, Input, List, Section } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import type { StaffRole } from "./orders.types";
import { StaffRolePicker } from "./StaffRolePicker";

/** Adds someone to the staff by their numeric Telegram id, with a role (operator unless chosen). */
export function StaffAdd() {
  const { t } = useI18n();
  const { pop } = useNavigation();
  const [idText, setIdText] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<StaffRole>("operator");
  const action = useAction(() => pop());
  const telegramId = /^\d{1,15}$/.test(idText.trim()) && Number(idText.trim()) > 0 ? Number(idText.trim()) : undefined;
  useMainButton({
    text: t("staff.add.button", { role: t(`role.${role}`) }),
    enabled: telegramId !== undefined,
    loading: action.busy,
    onClick: () => action.run(() => api("/staff", { method: "POST", body: { telegramId, role, name } })),
  });
  return (
    <List>
      <Section header={t("staff.add.screen")} footer={t("staff.telegram_id.hint")}>
        <Input
          header={t("staff.telegram_id")}
          placeholder={t("staff.telegram_id.placeholder")}
          inputMode="numeric"
          value={idText}
          status={idText.trim() !== "" && telegramId === undefined ? "error" : "default"}
          onChange={(e) => setIdText(e.target.value)}
          data-testid="staff-telegram-id"
        />
        {idText.trim() !== "" && telegramId === undefined && (
          <Cell multiline>
            <span className="team-problem">{t("staff.telegram_id.invalid")}</span>
          </Cell>
        )}
        <Input
          header={t("staff.name")}
          maxLength={64}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="staff-name"
        />
      </Section>
      <Section header={t("staff.role")}>
        <StaffRolePicker value={role} onChange={setRole} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}
