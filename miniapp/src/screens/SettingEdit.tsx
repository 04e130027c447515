import "./shop-areas.css";
import { ButtonCell, Cell, List, Section } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { fromDraft, SettingField, toDraft, type SettingDraft } from "./SettingField";
import { cronInWords } from "./cron-words";
import { draftProblem, settingValueText } from "./settings-format";
import type { SettingChange, SettingGroups } from "./settings.types";

/**
 * One setting (`params.key`): its field, its bounds and default in the hint, a way back to the
 * default. The value goes to the server as typed; a refusal shows the server's own message. Back
 * to the list after saving, unless the change repriced the catalog: then the report stays on
 * screen. Save is the MainButton.
 */
export function SettingEdit() {
  const { t, number } = useI18n();
  const { route, pop } = useNavigation();
  const key = String(route.params.key);
  const list = useLoad(() => api<SettingGroups>("/settings"), []);
  const setting = list.data?.groups.flatMap((g) => g.settings).find((s) => s.key === key);
  const [draft, setDraft] = useState<SettingDraft>("");
  const [repriced, setRepriced] = useState<SettingChange["repriced"]>(undefined);
  const save = useAction<SettingChange>((answer) => (answer.repriced ? setRepriced(answer.repriced) : pop()));

  useEffect(() => {
    if (setting) setDraft(toDraft(setting, setting.value));
  }, [list.data]);

  const filled = Array.isArray(draft) || draft.trim() !== "";
  // Checked as it is typed, from the limits the server sent with the setting: nothing doomed is sent.
  const problem = setting ? draftProblem(setting, draft, t, number) : undefined;
  useMainButton({
    text: t("setting.save"),
    enabled: setting !== undefined && filled && problem === undefined,
    loading: save.busy,
    onClick: () =>
      setting &&
      save.run(() =>
        api<SettingChange>(`/settings/${encodeURIComponent(key)}`, {
          method: "PUT",
          body: { value: fromDraft(setting, draft) },
        }),
      ),
  });

  if (!list.data) return list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : <Loading />;
  if (!setting) return <ErrorNote error={t("setting.unknown", { key })} />;
  const bounds =
    setting.min !== undefined && setting.max !== undefined
      ? t("setting.bounds", {
          min: settingValueText(setting, setting.min, t, number),
          max: settingValueText(setting, setting.max, t, number),
        })
      : setting.min !== undefined
        ? t("setting.bounds.min", { min: settingValueText(setting, setting.min, t, number) })
        : undefined;
  const footer = [
    t(`setting.${key}.hint`),
    bounds,
    t("setting.default", { value: settingValueText(setting, setting.default, t, number) }),
  ]
    .filter(Boolean)
    .join(" ");
  const atDefault = JSON.stringify(fromDraft(setting, draft)) === JSON.stringify(setting.default);

  return (
    <List>
      <Section header={t(`setting.${key}`)} footer={footer} data-testid="setting-editor">
        <SettingField setting={setting} draft={draft} onChange={setDraft} />
        {problem && (
          <Cell multiline className="shop-fail" data-testid="setting-problem">
            {problem}
          </Cell>
        )}
        {!problem && setting.kind === "cron" && typeof draft === "string" && draft.trim() !== "" && (
          <Cell multiline data-testid="setting-cron-words">
            {t("cron.preview", { words: cronInWords(t, draft) })}
          </Cell>
        )}
        {!atDefault && (
          <ButtonCell onClick={() => setDraft(toDraft(setting, setting.default))} data-testid="setting-use-default">
            {t("setting.use_default")}
          </ButtonCell>
        )}
      </Section>
      {repriced && (
        <Section header={t("app.saved")}>
          <Cell multiline data-testid="setting-repriced">
            {t("setting.repriced", {
              repriced: number(repriced.repriced),
              checked: number(repriced.checked),
              disabled: number(repriced.disabledBelowCost),
            })}
          </Cell>
        </Section>
      )}
      {save.error !== undefined && <ErrorNote error={save.error} />}
    </List>
  );
}
