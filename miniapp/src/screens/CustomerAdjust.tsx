import { Cell, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { RupiahInput } from "../components/RupiahInput";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import { ReasonField } from "./OrderOperate";
import { customerName, type CustomerDetail } from "./orders.types";

/** Adds to or takes from a customer's balance with a reason; the server refuses to go below zero. */
export function CustomerAdjust() {
  const { t, rupiah } = useI18n();
  const { route, pop } = useNavigation();
  const id = Number(route.params.id);
  const detail = useLoad(() => api<CustomerDetail>(`/customers/${id}`), [id]);
  const [direction, setDirection] = useState<"credit" | "debit">("credit");
  const [amount, setAmount] = useState<number | undefined>(undefined);
  const [reason, setReason] = useState("");
  const action = useAction(() => pop());
  const balance = detail.data?.balance ?? 0;
  const signed = amount === undefined ? undefined : direction === "credit" ? amount : -amount;
  const after = signed === undefined ? undefined : balance + signed;
  const valid = amount !== undefined && amount > 0 && after !== undefined && after >= 0 && reason.trim() !== "";
  useMainButton({
    text: amount ? t(`customer.adjust.${direction}.button`, { amount: rupiah(amount) }) : t("customer.adjust"),
    enabled: valid,
    loading: action.busy,
    onClick: () =>
      action.run(() => api(`/customers/${id}/adjust`, { method: "POST", body: { amount: signed, reason } })),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section header={t("customer.adjust")} footer={t("customer.adjust.hint")}>
        <Cell subtitle={`Telegram ${detail.data.customer.telegramId}`} after={rupiah(balance)}>
          {customerName(detail.data.customer)}
        </Cell>
        <SegmentedControl>
          <SegmentedControl.Item
            selected={direction === "credit"}
            onClick={() => setDirection("credit")}
            data-testid="adjust-credit"
          >
            {t("customer.adjust.credit")}
          </SegmentedControl.Item>
          <SegmentedControl.Item
            selected={direction === "debit"}
            onClick={() => setDirection("debit")}
            data-testid="adjust-debit"
          >
            {t("customer.adjust.debit")}
          </SegmentedControl.Item>
        </SegmentedControl>
        <RupiahInput header={t("customer.adjust.amount")} value={amount} onChange={setAmount} testId="adjust-amount" />
        {after !== undefined && (
          <Cell after={<strong className={after < 0 ? "destructive" : undefined}>{rupiah(after)}</strong>}>
            {after < 0 ? t("customer.adjust.below_zero") : t("customer.adjust.after")}
          </Cell>
        )}
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}
