import { Input } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";

/**
 * A whole number of rupiah, typed as people write it ("12.600", "12600", "Rp 12.600"): only the
 * digits count, so no fraction or float ever reaches the server. `undefined` while empty.
 */
export function RupiahInput(props: {
  header: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  testId?: string;
  disabled?: boolean;
}) {
  const { number } = useI18n();
  return (
    <Input
      header={props.header}
      inputMode="numeric"
      before={<span className="input-prefix">Rp</span>}
      value={props.value === undefined ? "" : number(props.value)}
      disabled={props.disabled}
      data-testid={props.testId}
      onChange={(e) => {
        const digits = e.target.value
          .replace(/\D/g, "")
          .replace(/^0+(?=\d)/, "")
          .slice(0, 12);
        props.onChange(digits ? Number(digits) : undefined);
      }}
    />
  );
}
