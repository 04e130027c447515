import { ButtonCell, Cell, Section } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useAction } from "../use-action";
import type { MidtransKeys } from "./settings.types";

/** A revealed key stays on screen this long, then hides itself. */
const REVEAL_MS = 30_000;

/** Which Midtrans keys are set (masked); owners (canReveal) may read one back, which the server audits. */
export function MidtransKeyList(props: { view: MidtransKeys }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<{ field: string; value: string } | undefined>(undefined);
  const reveal = useAction<{ field: string; value: string }>(setRevealed);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(undefined), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  // A key changed or cleared: whatever was revealed is no longer the key.
  useEffect(() => setRevealed(undefined), [props.view.updatedAt, props.view.source]);

  return (
    <Section header={t("midtrans.keys")} footer={t("midtrans.keys.hint")} data-testid="midtrans-keys">
      {props.view.keys.map((k) => (
        <div key={k.field}>
          <Cell
            multiline
            subtitle={
              revealed?.field === k.field ? (
                <span className="shop-secret" data-testid={`midtrans-key-value-${k.field}`}>
                  {revealed.value}
                </span>
              ) : (
                <span className={k.set ? undefined : "shop-hint"} data-testid={`midtrans-key-${k.field}`}>
                  {k.set ? k.masked : t("midtrans.keys.not_set")}
                </span>
              )
            }
          >
            {t(`midtrans.field.${k.field}`)}
          </Cell>
          {props.view.canReveal && k.set && revealed?.field !== k.field && (
            <ConfirmCell
              label={t("midtrans.keys.reveal")}
              question={t("midtrans.keys.reveal.confirm", { field: t(`midtrans.field.${k.field}`) })}
              onConfirm={() => reveal.run(() => api(`/settings/midtrans/reveal/${k.field}`, { method: "POST" }))}
              testId={`midtrans-key-reveal-${k.field}`}
            />
          )}
          {revealed?.field === k.field && (
            <ButtonCell onClick={() => setRevealed(undefined)} data-testid={`midtrans-key-hide-${k.field}`}>
              {t("midtrans.keys.hide")}
            </ButtonCell>
          )}
        </div>
      ))}
      {reveal.error !== undefined && <ErrorNote error={reveal.error} />}
    </Section>
  );
}
