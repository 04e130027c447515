import "./shop-areas.css";
import { Cell, Input, List, Section, Select } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api, ApiError } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { RupiahInput } from "../components/RupiahInput";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { SupplierKind } from "./shop-areas.types";
import type { SupplierKeys, SupplierKinds, SupplierList, SupplierOverview, SupplierSaved } from "./shop-areas.types";

interface Form {
  name: string;
  kind: SupplierKind;
  panel: string;
  url: string;
  currency: string;
  rateToIdr: string;
  credentials: Record<string, string>;
}

/**
 * Adds a supplier, or edits one (`params.id`): name, kind, API address, currency and its keys. A
 * rename keeps the supplier's id, services and history. Keys are
 * write-only here: an edit shows which are stored and sends only the ones typed, so leaving a field
 * empty keeps the stored key. Save is the MainButton.
 */
export function SupplierForm() {
  const { t } = useI18n();
  const { route, replace } = useNavigation();
  const id = route.params.id === undefined ? undefined : Number(route.params.id);
  const canWriteKeys = useCan("keys");
  const kinds = useLoad(() => api<SupplierKinds>("/suppliers/kinds"), []);
  const existing = useLoad(
    () => (id === undefined ? Promise.resolve(undefined) : api<SupplierOverview>(`/suppliers/${id}`)),
    [id],
  );
  const stored = useLoad(
    () => (id === undefined || !canWriteKeys ? Promise.resolve(undefined) : api<SupplierKeys>(`/suppliers/${id}/keys`)),
    [id, canWriteKeys],
  );
  const [form, setForm] = useState<Form>({
    name: "",
    kind: "smm-v2",
    panel: "",
    url: "",
    currency: "IDR",
    rateToIdr: "",
    credentials: {},
  });
  const change = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  // Fulfilment: the balance (rupiah) under which admins are alerted; empty means no alert.
  const [threshold, setThreshold] = useState<number | undefined>(undefined);
  const save = useAction<SupplierSaved>((answer) => replace("supplier", { id: answer.supplier.id }));
  const others = useLoad(() => api<SupplierList>("/suppliers"), []);
  // Names are unique whatever their case: said before sending, in the reader's language.
  const nameTaken = (others.data?.suppliers ?? []).some(
    (s) => s.id !== id && s.name.toLowerCase() === form.name.trim().toLowerCase(),
  );

  useEffect(() => {
    const s = existing.data?.supplier;
    if (s) setThreshold(s.lowBalanceThreshold ?? undefined);
    if (s)
      setForm((f) => ({
        ...f,
        name: s.name,
        kind: s.kind,
        panel: s.options.panel ?? "",
        url: s.apiUrl,
        currency: s.currency,
        rateToIdr: s.currency === "IDR" ? "" : s.rateToIdr,
      }));
  }, [existing.data]);

  const kind = kinds.data?.kinds.find((k) => k.kind === form.kind);
  const typed = Object.fromEntries(Object.entries(form.credentials).filter(([, v]) => v.trim() !== ""));
  const ready =
    !nameTaken &&
    form.name.trim() !== "" &&
    (id === undefined
      ? form.url.trim() !== "" && (kind?.required ?? []).every((f) => typed[f])
      : form.url.trim() !== "");

  useMainButton({
    text: t("supplier.form.save"),
    enabled: ready && kinds.data !== undefined,
    loading: save.busy,
    onClick: () =>
      save.run(() => {
        const options = form.kind === "indo-panel" && form.panel ? { panel: form.panel } : {};
        const currency = form.currency.trim() || "IDR";
        // The rate field is hidden for rupiah: whatever it held is not sent.
        const money = {
          currency,
          ...(currency !== "IDR" && form.rateToIdr.trim() ? { rateToIdr: form.rateToIdr.trim() } : {}),
        };
        if (id === undefined)
          return api("/suppliers", {
            method: "POST",
            body: { name: form.name, kind: form.kind, url: form.url, credentials: typed, options, ...money },
          });
        const renamed = form.name.trim() !== existing.data?.supplier.name ? { name: form.name.trim() } : {};
        return api(`/suppliers/${id}`, {
          method: "PATCH",
          body: {
            ...renamed,
            url: form.url,
            options,
            ...money,
            lowBalanceThreshold: threshold ?? null,
            ...(canWriteKeys && Object.keys(typed).length > 0 ? { credentials: typed } : {}),
          },
        });
      }),
  });

  if (!kinds.data || (id !== undefined && !existing.data)) {
    const error = kinds.error ?? existing.error;
    return error ? <ErrorNote error={error} /> : <Loading />;
  }
  const storedSet = new Set(stored.data?.keys.filter((k) => k.set).map((k) => k.field) ?? []);

  return (
    <List>
      <Section header={id === undefined ? t("supplier.form.add") : t("supplier.form.edit", { name: form.name })}>
        <Input
          header={t("supplier.form.name")}
          placeholder={t("supplier.form.name.placeholder")}
          value={form.name}
          status={nameTaken ? "error" : undefined}
          onChange={(e) => change({ name: e.target.value })}
          data-testid="supplier-form-name"
        />
        {nameTaken && (
          <Cell multiline data-testid="supplier-form-name-taken">
            <span className="shop-fail">{t("supplier.form.name.taken", { name: form.name.trim() })}</span>
          </Cell>
        )}
        {id === undefined && (
          <Select
            header={t("supplier.form.kind")}
            value={form.kind}
            onChange={(e) => change({ kind: e.target.value as SupplierKind, credentials: {} })}
            data-testid="supplier-form-kind"
          >
            {kinds.data.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {t(`supplier.kind.${k.kind}`)}
              </option>
            ))}
          </Select>
        )}
        {form.kind === "indo-panel" && (
          <Select
            header={t("supplier.form.panel")}
            value={form.panel}
            onChange={(e) => change({ panel: e.target.value })}
            data-testid="supplier-form-panel"
          >
            <option value="">—</option>
            {kinds.data.panels.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        )}
        <Input
          header={t("supplier.form.url")}
          placeholder={t("supplier.form.url.placeholder")}
          inputMode="url"
          value={form.url}
          onChange={(e) => change({ url: e.target.value })}
          data-testid="supplier-form-url"
        />
        <Input
          header={t("supplier.form.currency")}
          value={form.currency}
          maxLength={3}
          onChange={(e) => change({ currency: e.target.value.toUpperCase() })}
          data-testid="supplier-form-currency"
        />
        {form.currency.trim().toUpperCase() !== "IDR" && (
          <Input
            header={t("supplier.form.rate")}
            inputMode="decimal"
            value={form.rateToIdr}
            onChange={(e) => change({ rateToIdr: e.target.value.replace(/[^\d.]/g, "") })}
            data-testid="supplier-form-rate"
          />
        )}
        {id !== undefined && (
          <RupiahInput
            header={t("supplier.form.low_balance")}
            value={threshold}
            onChange={setThreshold}
            testId="supplier-form-low-balance"
          />
        )}
      </Section>
      <Section
        header={t("supplier.form.keys")}
        footer={
          id === undefined
            ? undefined
            : canWriteKeys
              ? t("supplier.form.keys.edit_hint")
              : t("supplier.form.keys.no_permission")
        }
      >
        {canWriteKeys &&
          (kind?.fields ?? []).map((field) => (
            <Input
              key={field}
              header={`${t(`supplier.field.${field}`)}${kind?.required.includes(field) ? " *" : ""}`}
              type="password"
              autoComplete="off"
              placeholder={storedSet.has(field) ? t("supplier.form.keys.stored") : ""}
              value={form.credentials[field] ?? ""}
              onChange={(e) => change({ credentials: { ...form.credentials, [field]: e.target.value } })}
              data-testid={`supplier-form-key-${field}`}
            />
          ))}
        {!canWriteKeys && <Cell multiline>{t("supplier.form.keys.no_permission")}</Cell>}
      </Section>
      {save.error instanceof ApiError && save.error.code === "providers.duplicate_name" ? (
        <Cell multiline data-testid="error">
          <span className="shop-fail">{t("supplier.form.name.taken", { name: form.name.trim() })}</span>
        </Cell>
      ) : (
        save.error !== undefined && <ErrorNote error={save.error} />
      )}
    </List>
  );
}
