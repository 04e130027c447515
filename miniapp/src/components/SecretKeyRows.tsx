import { ButtonCell, Cell } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { useI18n } from "../i18n";
import { useAction } from "../use-action";
import { ConfirmCell } from "./ConfirmCell";
import { ErrorNote } from "./Status";
import type { RevealedKey } from "../../../src/features/admin/contracts/common.contract";
import type { GatewayKeys } from "../../../src/features/admin/contracts/settings.contract";
import type { SupplierKey } from "../../../src/features/admin/contracts/suppliers.contract";

/** A revealed secret stays on screen this long, then hides itself. */
const REVEAL_MS = 30_000;

/** A key row as the suppliers and gateway settings areas send it (only suppliers say which keys are required). */
export type SecretKey = SupplierKey | GatewayKeys["keys"][number];

/**
 * Secret keys as rows: masked when set; for owners (canReveal) a Reveal that asks first and reads
 * the key back from the server (which audits it), shown for a while or until hidden. `area` names
 * the texts (`<area>.field.<field>`, `<area>.keys.reveal`, …, or `text` given the part after
 * `<area>.`) and test ids (`<area>-key-…`);
 * a change of `resetOn` (the keys were replaced) hides what was revealed.
 */
export function SecretKeyRows(props: {
  area: string;
  keys: SecretKey[];
  canReveal: boolean;
  revealPath: (field: string) => string;
  resetOn?: unknown;
  text?: (key: string, vars?: Record<string, string | number>) => string;
}) {
  const i18n = useI18n();
  // `text` reads the area's keys without the prefix (a payment gateway's, with generic fallbacks).
  const t = props.text
    ? (key: string, vars?: Record<string, string | number>) => props.text!(key.slice(props.area.length + 1), vars)
    : i18n.t;
  const { area } = props;
  const [revealed, setRevealed] = useState<RevealedKey | undefined>(undefined);
  const reveal = useAction<RevealedKey>(setRevealed);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(undefined), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  useEffect(() => setRevealed(undefined), [props.resetOn]);

  return (
    <>
      {props.keys.map((k) => (
        <div key={k.field}>
          <Cell
            multiline
            subhead={"required" in k && k.required ? t(`${area}.keys.required`) : undefined}
            subtitle={
              revealed?.field === k.field ? (
                <span className="shop-secret" data-testid={`${area}-key-value-${k.field}`}>
                  {revealed.value}
                </span>
              ) : (
                <span className={k.set ? undefined : "shop-hint"} data-testid={`${area}-key-${k.field}`}>
                  {k.set ? k.masked : t(`${area}.keys.not_set`)}
                </span>
              )
            }
          >
            {t(`${area}.field.${k.field}`)}
          </Cell>
          {props.canReveal && k.set && revealed?.field !== k.field && (
            <ConfirmCell
              label={t(`${area}.keys.reveal`)}
              question={t(`${area}.keys.reveal.confirm`, { field: t(`${area}.field.${k.field}`) })}
              onConfirm={() => reveal.run(() => api(props.revealPath(k.field), { method: "POST" }))}
              testId={`${area}-key-reveal-${k.field}`}
            />
          )}
          {revealed?.field === k.field && (
            <ButtonCell onClick={() => setRevealed(undefined)} data-testid={`${area}-key-hide-${k.field}`}>
              {t(`${area}.keys.hide`)}
            </ButtonCell>
          )}
        </div>
      ))}
      {reveal.error !== undefined && <ErrorNote error={reveal.error} />}
    </>
  );
}
