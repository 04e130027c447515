/**
 * A payment gateway's texts: its own key (`midtrans.form.hint`) when the app has one, else the
 * generic one (`gateway.form.hint`) with the gateway's name, so a gateway added on the server
 * shows a complete settings screen before it has texts of its own.
 */
export type GatewayText = (key: string, vars?: Record<string, string | number>) => string;

export function gatewayText(
  t: (key: string, vars?: Record<string, string | number>) => string,
  gateway: string,
  label: string,
  fields: ReadonlyArray<{ name: string; label: string }> = [],
): GatewayText {
  return (key, vars) => {
    const own = `${gateway}.${key}`;
    const text = t(own, vars);
    // A missing key comes back as itself; a field without a text of its own goes by the server's name for it.
    if (text !== own) return text;
    const field = key.startsWith("field.") ? fields.find((f) => `field.${f.name}` === key) : undefined;
    return field ? field.label : t(`gateway.${key}`, { name: label, ...vars });
  };
}

/** Whether the gateway has a text of its own for this key (a note only some gateways need). */
export function hasOwnText(t: (key: string) => string, gateway: string, key: string): boolean {
  return t(`${gateway}.${key}`) !== `${gateway}.${key}`;
}

/** Test ids name the field, except the environment switch, which keeps its short name (`midtrans-env-…`). */
export const fieldTestId = (gateway: string, field: string) => `${gateway}-${field === "environment" ? "env" : field}`;
