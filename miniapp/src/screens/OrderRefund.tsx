import { Cell, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { RupiahInput } from "../components/RupiahInput";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { OrderHeader, ReasonField, useOrder } from "./OrderOperate";

/**
 * Money back to the customer's wallet for one order, all that is left or part of it. The server
 * caps refunds at what is left (earlier refunds, automatic or by hand, count), so this shows it.
 */
export function OrderRefund() {
  const { t, rupiah } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  const [whole, setWhole] = useState(true);
  const [amount, setAmount] = useState<number | undefined>(undefined);
  const [reason, setReason] = useState("");
  const action = useAction(() => pop());
  const left = detail.data?.money.leftToRefund ?? 0;
  const refund = whole ? left : amount;
  const valid = refund !== undefined && refund > 0 && refund <= left && reason.trim() !== "";
  useMainButton({
    text: refund ? t("order.refund.button", { amount: rupiah(refund) }) : t("order.action.refund"),
    enabled: valid,
    loading: action.busy,
    // "All that is left" sends no amount: the server refunds exactly what is left when it runs.
    onClick: () =>
      action.run(() => api(`/orders/${id}/refund`, { method: "POST", body: whole ? { reason } : { amount, reason } })),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  const { money } = detail.data;
  return (
    <List>
      <Section header={t("order.action.refund")} footer={t("order.refund.hint")}>
        <OrderHeader detail={detail.data} />
        <Cell after={rupiah(money.paid)}>{t("order.money.total_paid")}</Cell>
        <Cell after={rupiah(money.refunded)}>{t("order.money.refunded")}</Cell>
        <Cell after={<strong data-testid="refund-left">{rupiah(money.leftToRefund)}</strong>}>
          {t("order.money.left")}
        </Cell>
      </Section>
      <Section>
        <SegmentedControl>
          <SegmentedControl.Item selected={whole} onClick={() => setWhole(true)} data-testid="refund-all">
            {t("order.refund.all")}
          </SegmentedControl.Item>
          <SegmentedControl.Item selected={!whole} onClick={() => setWhole(false)} data-testid="refund-part">
            {t("order.refund.part")}
          </SegmentedControl.Item>
        </SegmentedControl>
        {!whole && (
          <RupiahInput
            header={t("order.refund.amount", { max: rupiah(left) })}
            value={amount}
            onChange={setAmount}
            testId="refund-amount"
          />
        )}
        {!whole && amount !== undefined && amount > left && (
          <Cell multiline>
            <span className="destructive">{t("order.refund.too_much", { amount: rupiah(left) })}</span>
          </Cell>
        )}
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}
