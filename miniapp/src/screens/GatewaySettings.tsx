import "./shop-areas.css";
import { Cell, Input, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { GatewayKeyList } from "./GatewayKeyList";
import { GatewayStatus } from "./GatewayStatus";
import { GatewayTest } from "./GatewayTest";
import { fieldTestId, gatewayText, hasOwnText } from "./gateway-text";
import type { GatewayKeys } from "./settings.types";

/**
 * One payment gateway's settings, drawn from its descriptor (the `fields` the server sends): where
 * they come from, the secret ones masked, the connection test, and a form with a switch for each
 * choice (Midtrans: sandbox or production) and a write-only input for each other field: an empty
 * field keeps the stored value, and only what was typed is sent. Settings saved here win over the
 * environment's; clearing them goes back to those. Save is the MainButton.
 */
export function GatewaySettings() {
  const { t } = useI18n();
  const { route } = useNavigation();
  const gateway = String(route.params.gateway);
  const loaded = useLoad(() => api<GatewayKeys>(`/settings/${gateway}`), [gateway]);
  const [view, setView] = useState<GatewayKeys | undefined>(undefined);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const choicesOf = (next: GatewayKeys) =>
    Object.fromEntries(next.fields.filter((f) => f.options).map((f) => [f.name, f.value ?? f.options![0]!]));
  const show = (next: GatewayKeys) => {
    setView(next);
    setChoices(choicesOf(next));
  };
  const save = useAction<GatewayKeys>((next) => {
    show(next);
    setTyped({});
    setSaved(true);
  });
  const clear = useAction<GatewayKeys>((next) => {
    show(next);
    setSaved(false);
  });
  useEffect(() => {
    if (loaded.data) show(loaded.data);
  }, [loaded.data]);

  const text = gatewayText(t, gateway, view?.label ?? gateway, view?.fields);
  const anyTyped = Object.values(typed).some((v) => v.trim() !== "");
  const choiceChanged =
    view !== undefined && Object.entries(choicesOf(view)).some(([name, value]) => choices[name] !== value);
  useMainButton({
    text: text("save"),
    enabled: view !== undefined && (anyTyped || choiceChanged),
    loading: save.busy,
    onClick: () => {
      setSaved(false);
      const body = { ...choices, ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v.trim() !== "")) };
      save.run(() => api<GatewayKeys>(`/settings/${gateway}`, { method: "PUT", body }));
    },
  });

  if (!view) return loaded.error ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  const stored = new Set(view.source === "app" ? view.fields.filter((f) => f.secret && f.set).map((f) => f.name) : []);
  // A note for one choice (Midtrans' production takes real money) when the gateway has one.
  const choiceNote = Object.entries(choices).find(([, value]) => hasOwnText(t, gateway, `form.${value}`));

  return (
    <List>
      <GatewayStatus view={view} text={text} />
      <GatewayKeyList view={view} text={text} />
      <GatewayTest view={view} text={text} onTested={setView} />

      <Section
        header={text("form")}
        footer={choiceNote ? text(`form.${choiceNote[1]}`) : text("form.hint")}
        data-testid={`${gateway}-form`}
      >
        {view.fields
          .filter((f) => f.options)
          .map((f) => (
            <div className="shop-segment" key={f.name}>
              <SegmentedControl>
                {f.options!.map((option) => (
                  <SegmentedControl.Item
                    key={option}
                    selected={choices[f.name] === option}
                    onClick={() => setChoices({ ...choices, [f.name]: option })}
                    data-testid={`${fieldTestId(gateway, f.name)}-${option}`}
                  >
                    {text(`${f.name === "environment" ? "env" : f.name}.${option}`)}
                  </SegmentedControl.Item>
                ))}
              </SegmentedControl>
            </div>
          ))}
        {view.fields
          .filter((f) => !f.options)
          .map((f) => (
            <Input
              key={f.name}
              header={text(`field.${f.name}`)}
              type={f.secret ? "password" : "text"}
              autoComplete="off"
              placeholder={
                stored.has(f.name)
                  ? text("form.stored")
                  : hasOwnText(t, gateway, `field.${f.name}.placeholder`)
                    ? text(`field.${f.name}.placeholder`)
                    : undefined
              }
              value={typed[f.name] ?? ""}
              onChange={(e) => setTyped({ ...typed, [f.name]: e.target.value })}
              data-testid={`${gateway}-form-${f.name}`}
            />
          ))}
        {saved && (
          <Cell multiline data-testid={`${gateway}-saved`}>
            <span className="shop-ok">{text("saved")}</span>
          </Cell>
        )}
      </Section>
      {save.error !== undefined && <ErrorNote error={save.error} />}

      {view.source === "app" && (
        <Section footer={text("clear.hint")}>
          <ConfirmCell
            destructive
            label={text("clear")}
            question={text("clear.confirm")}
            onConfirm={() => clear.run(() => api<GatewayKeys>(`/settings/${gateway}`, { method: "DELETE" }))}
            testId={`${gateway}-clear`}
          />
          {clear.error !== undefined && <ErrorNote error={clear.error} />}
        </Section>
      )}
    </List>
  );
}
