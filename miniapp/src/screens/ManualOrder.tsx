import { Cell, Input, List, Section, SegmentedControl, Textarea } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { ErrorNote } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { OrderExtras } from "./OrderExtras";
import { ReasonField } from "./OrderOperate";
import {
  customerName,
  type CustomerDetail,
  type CustomerListItem,
  type ManualForm,
  type ManualQuote,
  type OrderDetail,
  type Page,
} from "./orders.types";

/** Inputs typed one per line get a text area; the rest one line. */
const MULTILINE = new Set(["comments", "usernames", "keywords"]);

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * A manual order for an existing customer, in two steps like a sale in the bot: the price comes
 * from the shop's catalogue (a quote), then the admin says how it was paid (the customer's wallet,
 * or outside the bot) and why. It waits in "manual" until someone sets its outcome.
 */
export function ManualOrder() {
  const { t, rupiah, number } = useI18n();
  const { route, replace } = useNavigation();
  const [customerId, setCustomerId] = useState<number | undefined>(
    typeof route.params.customerId === "number" ? route.params.customerId : undefined,
  );
  const [search, setSearch] = useState("");
  const [mid, setMid] = useState("");
  const [target, setTarget] = useState("");
  const [zone, setZone] = useState("");
  const [quantity, setQuantity] = useState("");
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [quote, setQuote] = useState<ManualQuote | undefined>(undefined);
  const [payment, setPayment] = useState<"wallet" | "external">("wallet");
  const [reason, setReason] = useState("");

  const query = useDebounced(search);
  const customer = useLoad(
    () => (customerId ? api<CustomerDetail>(`/customers/${customerId}`) : Promise.resolve(undefined)),
    [customerId],
  );
  const matches = useLoad(
    () =>
      !customerId && query.trim()
        ? api<Page<CustomerListItem>>("/customers", { query: { q: query, pageSize: 5 } })
        : Promise.resolve(undefined),
    [customerId, query],
  );

  // The chosen service's order form: which extra inputs its type needs, and whether a quantity is asked.
  const debouncedMid = useDebounced(mid);
  const form = useLoad(
    () =>
      wholeNumber(debouncedMid)
        ? api<ManualForm>(`/orders/manual/form/${wholeNumber(debouncedMid)}`)
        : Promise.resolve(undefined),
    [debouncedMid],
  );
  const fields = form.data ? [...form.data.inputs, ...(form.data.dripfeed ? ["runs", "interval"] : [])] : [];
  const asksQuantity = !form.data || form.data.quantity === "asked";
  const given = Object.fromEntries(
    Object.entries(inputs).filter(([key, value]) => fields.includes(key) && value.trim() !== ""),
  );

  const pricing = useAction<ManualQuote>((q) => setQuote(q));
  const creating = useAction<OrderDetail>((made) => replace("order", { id: made.order.id }));
  const details = { mid: wholeNumber(mid), quantity: wholeNumber(quantity) };
  const canPrice =
    customerId !== undefined &&
    details.mid !== undefined &&
    (details.quantity !== undefined || !asksQuantity) &&
    target.trim() !== "";
  const short = quote !== undefined && payment === "wallet" && quote.balance < quote.amount;

  useMainButton(
    quote
      ? {
          text: t("manual.create", { amount: rupiah(quote.amount) }),
          enabled: reason.trim() !== "" && !short,
          loading: creating.busy,
          onClick: () =>
            creating.run(() =>
              api<OrderDetail>("/orders/manual", { method: "POST", body: { quoteId: quote.quoteId, payment, reason } }),
            ),
        }
      : {
          text: t("manual.price"),
          enabled: canPrice,
          loading: pricing.busy,
          onClick: () =>
            pricing.run(() =>
              api<ManualQuote>("/orders/manual/quote", {
                method: "POST",
                body: {
                  customerId,
                  mid: details.mid,
                  target,
                  ...(asksQuantity ? { quantity: details.quantity } : {}),
                  ...(zone.trim() ? { zone } : {}),
                  ...(Object.keys(given).length > 0 ? { inputs: given } : {}),
                },
              }),
            ),
        },
  );

  return (
    <List>
      <Section header={t("manual.customer")}>
        {customer.data ? (
          <Cell
            subtitle={t("manual.balance", { amount: rupiah(customer.data.balance) })}
            after={
              quote ? undefined : (
                <button type="button" className="link-button" onClick={() => setCustomerId(undefined)}>
                  {t("manual.change")}
                </button>
              )
            }
            data-testid="manual-customer"
          >
            {customerName(customer.data.customer)}
          </Cell>
        ) : (
          <>
            <Input
              header={t("manual.find_customer")}
              placeholder={t("orders.customer.placeholder")}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="manual-customer-search"
            />
            {matches.data?.items.map((c) => (
              <Cell
                key={c.id}
                subtitle={`Telegram ${c.telegramId} · ${rupiah(c.balance)}`}
                onClick={() => setCustomerId(c.id)}
                data-testid={`manual-pick-${c.id}`}
              >
                {customerName(c)}
              </Cell>
            ))}
          </>
        )}
      </Section>
      {!quote ? (
        <Section header={t("manual.what")} footer={t("manual.what.hint")}>
          <Input
            header={t("manual.mid")}
            inputMode="numeric"
            value={mid}
            onChange={(e) => setMid(e.target.value)}
            data-testid="manual-mid"
          />
          <Input
            header={t("manual.target")}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="manual-target"
          />
          <Input
            header={t("manual.zone")}
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            data-testid="manual-zone"
          />
          {asksQuantity ? (
            <Input
              header={t("manual.quantity")}
              inputMode="numeric"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              data-testid="manual-quantity"
            />
          ) : (
            <Cell multiline>{t("manual.quantity.follows")}</Cell>
          )}
          {form.data && fields.length > 0 && <Cell multiline>{t("manual.type", { type: form.data.type })}</Cell>}
          {fields.map((field) =>
            MULTILINE.has(field) ? (
              <Textarea
                key={field}
                header={t(`input.${field}`)}
                value={inputs[field] ?? ""}
                onChange={(e) => setInputs({ ...inputs, [field]: e.target.value })}
                data-testid={`manual-input-${field}`}
              />
            ) : (
              <Input
                key={field}
                header={t(`input.${field}`)}
                value={inputs[field] ?? ""}
                onChange={(e) => setInputs({ ...inputs, [field]: e.target.value })}
                data-testid={`manual-input-${field}`}
              />
            ),
          )}
        </Section>
      ) : (
        <>
          <Section header={t("manual.quote")} footer={t("manual.quote.hint")}>
            <Cell
              multiline
              subhead={`ID ${quote.service.mid}`}
              subtitle={`${number(quote.quantity)} · ${quote.target}${quote.nickname ? ` (${quote.nickname})` : ""}`}
              after={<strong data-testid="manual-amount">{rupiah(quote.amount)}</strong>}
            >
              {quote.service.name}
            </Cell>
            <OrderExtras extras={quote.extras} quantity={quote.quantity} />
            <Cell>
              <button type="button" className="link-button" onClick={() => setQuote(undefined)}>
                {t("manual.edit")}
              </button>
            </Cell>
          </Section>
          <Section
            header={t("manual.payment")}
            footer={
              payment === "wallet"
                ? t("manual.payment.wallet.hint", { balance: rupiah(quote.balance) })
                : t("manual.payment.external.hint")
            }
          >
            <SegmentedControl>
              <SegmentedControl.Item
                selected={payment === "wallet"}
                onClick={() => setPayment("wallet")}
                data-testid="manual-pay-wallet"
              >
                {t("manual.payment.wallet")}
              </SegmentedControl.Item>
              <SegmentedControl.Item
                selected={payment === "external"}
                onClick={() => setPayment("external")}
                data-testid="manual-pay-external"
              >
                {t("manual.payment.external")}
              </SegmentedControl.Item>
            </SegmentedControl>
            {short && (
              <Cell multiline>
                <span className="destructive">{t("manual.payment.short", { balance: rupiah(quote.balance) })}</span>
              </Cell>
            )}
            <ReasonField value={reason} onChange={setReason} />
          </Section>
        </>
      )}
      {pricing.error !== undefined && <ErrorNote error={pricing.error} />}
      {creating.error !== undefined && <ErrorNote error={creating.error} />}
    </List>
  );
}
