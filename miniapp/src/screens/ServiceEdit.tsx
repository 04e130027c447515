import "./shop-areas.css";
import { ButtonCell, Input, List, Section, SegmentedControl, Textarea } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { ServiceDetail } from "./shop-areas.types";

/**
 * A service's name and description as the shop shows them (kept over re-syncs; "use the
 * supplier's" gives them back), and whether paid orders go to the supplier's API or to an admin.
 * Only what changed is sent. Save is the MainButton.
 */
export function ServiceEdit() {
  const { t } = useI18n();
  const { route, pop } = useNavigation();
  const mid = Number(route.params.mid);
  const detail = useLoad(() => api<ServiceDetail>(`/services/${mid}`), [mid]);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [mode, setMode] = useState<"auto" | "manual">("auto");
  const save = useAction<ServiceDetail>(() => pop());

  useEffect(() => {
    const s = detail.data?.service;
    if (!s) return;
    setName(s.name);
    setDescription(s.description);
    setMode(s.mode);
  }, [detail.data]);

  const s = detail.data?.service;
  const changes = s
    ? {
        ...(name.trim() !== s.name ? { name } : {}),
        ...(description.trim() !== s.description ? { description } : {}),
        ...(mode !== s.mode ? { mode } : {}),
      }
    : {};
  useMainButton({
    text: t("service.details.save"),
    enabled: Object.keys(changes).length > 0 && name.trim() !== "",
    loading: save.busy,
    onClick: () => save.run(() => api<ServiceDetail>(`/services/${mid}`, { method: "PATCH", body: changes })),
  });

  if (!s) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section header={t("service.details.title", { mid })} footer={t("service.details.name.hint")}>
        <Input
          header={t("service.details.name")}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          data-testid="service-edit-name"
        />
        {s.nameOverridden && (
          <ButtonCell
            onClick={() =>
              save.run(() => api<ServiceDetail>(`/services/${mid}`, { method: "PATCH", body: { name: null } }))
            }
            data-testid="service-edit-name-reset"
          >
            {t("service.details.name.reset")}
          </ButtonCell>
        )}
        <Textarea
          header={t("service.details.description")}
          value={description}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="service-edit-description"
        />
        {s.descriptionOverridden && (
          <ButtonCell
            onClick={() =>
              save.run(() => api<ServiceDetail>(`/services/${mid}`, { method: "PATCH", body: { description: null } }))
            }
            data-testid="service-edit-description-reset"
          >
            {t("service.details.description.reset")}
          </ButtonCell>
        )}
      </Section>
      <Section header={t("service.details.mode")} footer={t("service.details.mode.hint")}>
        <div className="shop-segment">
          <SegmentedControl>
            <SegmentedControl.Item
              selected={mode === "auto"}
              onClick={() => setMode("auto")}
              data-testid="service-edit-mode-auto"
            >
              {t("service.details.mode.auto")}
            </SegmentedControl.Item>
            <SegmentedControl.Item
              selected={mode === "manual"}
              onClick={() => setMode("manual")}
              data-testid="service-edit-mode-manual"
            >
              {t("service.details.mode.manual")}
            </SegmentedControl.Item>
          </SegmentedControl>
        </div>
      </Section>
      {save.error !== undefined && <ErrorNote error={save.error} />}
    </List>
  );
}
