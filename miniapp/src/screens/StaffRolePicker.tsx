import { Cell, Radio } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import type { StaffRole } from "./orders.types";
import { STAFF_ROLES } from "./team.types";

/** The three roles as radio rows, each with what it may do. */
export function StaffRolePicker(props: { value: StaffRole; onChange: (role: StaffRole) => void }) {
  const { t } = useI18n();
  return (
    <>
      {STAFF_ROLES.map((role) => (
        <Cell
          key={role}
          Component="label"
          multiline
          before={
            <Radio
              name="staff-role"
              value={role}
              checked={props.value === role}
              onChange={() => props.onChange(role)}
            />
          }
          subtitle={t(`staff.role.${role}.hint`)}
          data-testid={`staff-role-${role}`}
        >
          {t(`role.${role}`)}
        </Cell>
      ))}
    </>
  );
}
