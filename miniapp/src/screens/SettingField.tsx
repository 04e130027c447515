import { Cell, Checkbox, Input, Radio } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import { typedNumber } from "./settings-format";
import type { SettingView } from "./settings.types";

/** What the editor holds while a setting is being changed: typed text, one choice, or several. */
export type SettingDraft = string | string[];

export function toDraft(setting: SettingView, value: unknown): SettingDraft {
  return setting.kind === "choices" ? (Array.isArray(value) ? value.map(String) : []) : String(value ?? "");
}

/** The value sent to the server: numbers as numbers, the rest as typed (the server checks it). */
export function fromDraft(setting: SettingView, draft: SettingDraft): unknown {
  if (Array.isArray(draft)) return draft;
  if (setting.kind === "integer") return typedNumber(draft);
  if (setting.kind === "percent") return draft.trim().replace(",", ".");
  return draft.trim();
}

/**
 * The field for one setting, by its kind: a number (with its bounds in the hint below), a
 * percentage, a cron schedule, one choice (radio buttons) or several (checkboxes, kept in the
 * order they were ticked: for payment rails that is the order customers see them in).
 */
export function SettingField(props: {
  setting: SettingView;
  draft: SettingDraft;
  onChange: (draft: SettingDraft) => void;
}) {
  const { t } = useI18n();
  const { setting, draft, onChange } = props;

  if (setting.kind === "choice") {
    return (
      <>
        {(setting.options ?? []).map((option) => (
          <Cell
            key={option}
            Component="label"
            multiline
            before={
              <Radio name={setting.key} value={option} checked={draft === option} onChange={() => onChange(option)} />
            }
            data-testid={`setting-option-${option}`}
          >
            {t(`setting.option.${setting.key}.${option}`)}
          </Cell>
        ))}
      </>
    );
  }
  if (setting.kind === "choices") {
    const chosen = Array.isArray(draft) ? draft : [];
    const toggle = (option: string) =>
      onChange(chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option]);
    return (
      <>
        {(setting.options ?? []).map((option) => (
          <Cell
            key={option}
            Component="label"
            multiline
            before={<Checkbox checked={chosen.includes(option)} onChange={() => toggle(option)} />}
            data-testid={`setting-option-${option}`}
          >
            {t(`setting.option.${setting.key}.${option}`)}
          </Cell>
        ))}
      </>
    );
  }
  const text = typeof draft === "string" ? draft : "";
  return (
    <Input
      header={t(`setting.${setting.key}`)}
      inputMode={setting.kind === "integer" ? "numeric" : setting.kind === "percent" ? "decimal" : "text"}
      placeholder={setting.kind === "cron" ? "15 */6 * * *" : undefined}
      after={setting.kind === "percent" ? <span className="shop-hint">%</span> : undefined}
      value={text}
      onChange={(e) => onChange(e.target.value)}
      data-testid="setting-input"
    />
  );
}
