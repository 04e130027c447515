import "./shop-areas.css";
import { Cell, Input, List, Section } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import type { Paged, ServiceDetail, ServiceListItem } from "./shop-areas.types";

/**
 * Picks a backup for a service: another supplier's service (already imported) that fulfilment
 * tries when the main supplier refuses. The server checks it sells the same kind of product.
 */
export function ServiceBackupAdd() {
  const { t, rupiah } = useI18n();
  const { route, pop } = useNavigation();
  const mid = Number(route.params.mid);
  const detail = useLoad(() => api<ServiceDetail>(`/services/${mid}`), [mid]);
  const [text, setText] = useState("");
  const q = useDebounced(text);
  const found = useLoad(
    () =>
      q.trim() ? api<Paged<ServiceListItem>>("/services", { query: { q, pageSize: 30 } }) : Promise.resolve(undefined),
    [q],
  );
  const add = useAction(() => pop());

  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  const taken = new Set([mid, ...detail.data.backups.map((b) => b.mid)]);
  const candidates = (found.data?.items ?? []).filter(
    (s) => !taken.has(s.mid) && s.supplier !== detail.data!.service.supplier,
  );

  return (
    <List>
      <Section header={t("service.backup.title", { mid })} footer={detail.data.service.name}>
        <Input
          header={t("services.search")}
          placeholder={t("service.backup.search.placeholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="backup-search"
        />
      </Section>
      {found.error !== undefined && <ErrorNote error={found.error} />}
      {add.error !== undefined && <ErrorNote error={add.error} />}
      {found.data && (
        <Section>
          {candidates.length === 0 && <Cell>{t("app.none")}</Cell>}
          {candidates.map((s) => (
            <Cell
              key={s.mid}
              multiline
              subhead={`ID ${s.mid} · ${s.supplier ?? "—"}`}
              subtitle={t("services.cost", { cost: rupiah(s.unitCost) })}
              onClick={() =>
                add.run(() => api(`/services/${mid}/backups`, { method: "POST", body: { backupMid: s.mid } }))
              }
              data-testid={`backup-pick-${s.mid}`}
            >
              {s.name}
            </Cell>
          ))}
        </Section>
      )}
    </List>
  );
}
