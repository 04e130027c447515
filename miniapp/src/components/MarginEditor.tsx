import { ButtonCell, Cell, Input } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { useI18n } from "../i18n";
import { useAction } from "../use-action";
import { ErrorNote } from "./Status";
import type { MarginPreview, MarginsSaved, MarginTarget } from "../../../src/features/admin/contracts/pricing.contract";

/** Which margin an editor changes, as PUT /pricing/margins takes it. */
export type { MarginTarget };

/**
 * A margin with a preview before saving: the admin types a percentage (or removes the margin), sees
 * how many prices change, a few old → new, and any service that would sell at or below its cost,
 * and only then saves. Rows are inside the caller's Section.
 */
export function MarginEditor(props: {
  target: MarginTarget;
  current: string | null;
  canClear: boolean;
  testId: string;
  onSaved: (repriced: number) => void;
}) {
  const { t, rupiah, number } = useI18n();
  const [margin, setMargin] = useState(props.current ?? "");
  const [preview, setPreview] = useState<{ margin: string | null; result: MarginPreview } | undefined>(undefined);
  const previewing = useAction<{ margin: string | null; result: MarginPreview }>(setPreview);
  const saving = useAction<MarginsSaved>((answer) => {
    setPreview(undefined);
    props.onSaved(answer.repriced);
  });
  const typed = margin.trim().replace(",", ".");
  const valid = /^\d{1,4}(\.\d{1,4})?$/.test(typed);
  const ask = (value: string | null) =>
    previewing.run(async () => ({
      margin: value,
      result: await api<MarginPreview>("/pricing/margins/preview", {
        method: "POST",
        body: { target: props.target, margin: value },
      }),
    }));
  const id = props.testId;

  return (
    <>
      <Input
        header={t("pricing.margin.input")}
        inputMode="decimal"
        value={margin}
        after={<span className="shop-hint">%</span>}
        onChange={(e) => {
          setMargin(e.target.value.replace(/[^\d.,]/g, ""));
          setPreview(undefined);
        }}
        data-testid={`${id}-input`}
      />
      {!valid && typed !== "" && (
        <Cell multiline>
          <span className="shop-fail">{t("pricing.margin.invalid")}</span>
        </Cell>
      )}
      {!preview && (
        <ButtonCell disabled={!valid || previewing.busy} onClick={() => ask(typed)} data-testid={`${id}-preview`}>
          {t("pricing.preview")}
        </ButtonCell>
      )}
      {!preview && props.canClear && props.current !== null && (
        <ButtonCell mode="destructive" disabled={previewing.busy} onClick={() => ask(null)} data-testid={`${id}-clear`}>
          {t("pricing.clear")}
        </ButtonCell>
      )}
      {preview && (
        <>
          <Cell multiline data-testid={`${id}-preview-summary`}>
            <strong>
              {preview.margin === null
                ? t("pricing.preview.cleared")
                : t("pricing.preview.margin", { margin: preview.margin })}
            </strong>
            {" — "}
            {t("pricing.preview.summary", {
              changed: number(preview.result.changed),
              affected: number(preview.result.affected),
            })}
          </Cell>
          {preview.result.examples.map((e) => (
            <Cell
              key={e.mid}
              multiline
              subhead={`ID ${e.mid}`}
              subtitle={t("pricing.preview.example", {
                before: rupiah(e.before),
                after: rupiah(e.after),
                cost: rupiah(e.cost),
              })}
              data-testid={`${id}-example-${e.mid}`}
            >
              {e.name}
            </Cell>
          ))}
          {preview.result.belowCost.length > 0 && (
            <Cell multiline data-testid={`${id}-preview-below`}>
              <span className="shop-fail">
                {t("pricing.preview.below", { count: number(preview.result.belowCost.length) })}{" "}
                {preview.result.belowCost
                  .slice(0, 5)
                  .map((b) => `ID ${b.mid} (${rupiah(b.price)} ≤ ${rupiah(b.cost)})`)
                  .join(", ")}
              </span>
            </Cell>
          )}
          <ButtonCell
            disabled={saving.busy}
            onClick={() =>
              saving.run(() =>
                api<MarginsSaved>("/pricing/margins", {
                  method: "PUT",
                  body: { target: props.target, margin: preview.margin },
                }),
              )
            }
            data-testid={`${id}-save`}
          >
            {t("pricing.save")}
          </ButtonCell>
          <ButtonCell onClick={() => setPreview(undefined)} data-testid={`${id}-cancel`}>
            {t("app.cancel")}
          </ButtonCell>
        </>
      )}
      {previewing.error !== undefined && <ErrorNote error={previewing.error} />}
      {saving.error !== undefined && <ErrorNote error={saving.error} />}
    </>
  );
}
