import { ButtonCell, Cell } from "@telegram-apps/telegram-ui";
import { useState, type ReactNode } from "react";
import { useI18n } from "../i18n";

/**
 * An action that asks first, inside the list (no browser dialog, which Telegram clients and
 * headless tests handle differently): the first tap shows the question with Yes and Cancel.
 */
export function ConfirmCell(props: {
  label: ReactNode;
  question: string;
  onConfirm: () => void;
  destructive?: boolean;
  disabled?: boolean;
  testId: string;
  before?: ReactNode;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <ButtonCell
        mode={props.destructive ? "destructive" : "default"}
        before={props.before}
        disabled={props.disabled}
        onClick={() => setAsking(true)}
        data-testid={props.testId}
      >
        {props.label}
      </ButtonCell>
    );
  }
  return (
    <>
      <Cell multiline>{props.question}</Cell>
      <ButtonCell
        mode={props.destructive ? "destructive" : "default"}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
        data-testid={`${props.testId}-yes`}
      >
        {t("app.yes")}
      </ButtonCell>
      <ButtonCell onClick={() => setAsking(false)} data-testid={`${props.testId}-no`}>
        {t("app.cancel")}
      </ButtonCell>
    </>
  );
}
