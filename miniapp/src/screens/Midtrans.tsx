import "./shop-areas.css";
import { Cell, Input, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { MidtransKeyList } from "./MidtransKeyList";
import { MidtransStatus } from "./MidtransStatus";
import { MidtransTest } from "./MidtransTest";
import type { GatewayEnvironment, MidtransKeys } from "./settings.types";

/**
 * The Midtrans (QRIS) keys: where they come from, masked, the connection test, and new keys with
 * sandbox or production. Keys are write-only here: an empty field keeps the stored key, and only
 * what was typed is sent. Keys set here win over MIDTRANS_*; clearing them goes back to those.
 * Save is the MainButton.
 */
export function Midtrans() {
  const { t } = useI18n();
  const loaded = useLoad(() => api<MidtransKeys>("/settings/midtrans"), []);
  const [view, setView] = useState<MidtransKeys | undefined>(undefined);
  const [environment, setEnvironment] = useState<GatewayEnvironment>("sandbox");
  const [serverKey, setServerKey] = useState("");
  const [clientKey, setClientKey] = useState("");
  const [saved, setSaved] = useState(false);
  const show = (next: MidtransKeys) => {
    setView(next);
    setEnvironment(next.environment);
  };
  const save = useAction<MidtransKeys>((next) => {
    show(next);
    setServerKey("");
    setClientKey("");
    setSaved(true);
  });
  const clear = useAction<MidtransKeys>((next) => {
    show(next);
    setSaved(false);
  });
  useEffect(() => {
    if (loaded.data) show(loaded.data);
  }, [loaded.data]);

  const typed = serverKey.trim() !== "" || clientKey.trim() !== "";
  useMainButton({
    text: t("midtrans.save"),
    enabled: view !== undefined && (typed || environment !== view.environment),
    loading: save.busy,
    onClick: () => {
      setSaved(false);
      save.run(() => api<MidtransKeys>("/settings/midtrans", { method: "PUT", body: { environment, ...(serverKey.trim() ? { serverKey } : {}), ...(clientKey.trim() ? { clientKey } : {}) } }));
    },
  });

  if (!view) return loaded.error ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  const stored = new Set(view.source === "app" ? view.keys.filter((k) => k.set).map((k) => k.field) : []);

  return (
    <List>
      <MidtransStatus view={view} />
      <MidtransKeyList view={view} />
      <MidtransTest view={view} onTested={setView} />

      <Section header={t("midtrans.form")} footer={environment === "production" ? t("midtrans.form.production") : t("midtrans.form.hint")} data-testid="midtrans-form">
        <div className="shop-segment">
          <SegmentedControl>
            {(["sandbox", "production"] as const).map((env) => (
              <SegmentedControl.Item key={env} selected={environment === env} onClick={() => setEnvironment(env)} data-testid={`midtrans-env-${env}`}>
                {t(`midtrans.env.${env}`)}
              </SegmentedControl.Item>
            ))}
          </SegmentedControl>
        </div>
        {(["serverKey", "clientKey"] as const).map((field) => (
          <Input
            key={field}
            header={t(`midtrans.field.${field}`)}
            type="password"
            autoComplete="off"
            placeholder={stored.has(field) ? t("midtrans.form.stored") : field === "serverKey" ? "SB-Mid-server-…" : "SB-Mid-client-…"}
            value={field === "serverKey" ? serverKey : clientKey}
            onChange={(e) => (field === "serverKey" ? setServerKey : setClientKey)(e.target.value)}
            data-testid={`midtrans-form-${field}`}
          />
        ))}
        {saved && (
          <Cell multiline data-testid="midtrans-saved">
            <span className="shop-ok">{t("midtrans.saved")}</span>
          </Cell>
        )}
      </Section>
      {save.error !== undefined && <ErrorNote error={save.error} />}

      {view.source === "app" && (
        <Section footer={t("midtrans.clear.hint")}>
          <ConfirmCell destructive label={t("midtrans.clear")} question={t("midtrans.clear.confirm")} onConfirm={() => clear.run(() => api<MidtransKeys>("/settings/midtrans", { method: "DELETE" }))} testId="midtrans-clear" />
          {clear.error !== undefined && <ErrorNote error={clear.error} />}
        </Section>
      )}
    </List>
  );
}
