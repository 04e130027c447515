import { Button } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";

/**
 * Previous / next under a list the server pages (`page` counts from 0). Hidden when everything
 * fits on one page. `testId` names the buttons for browser tests when a screen has two lists.
 */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const id = props.testId ?? "pager";
  return (
    <div className="pager">
      <Button
        size="s"
        mode="gray"
        disabled={props.page <= 0}
        onClick={() => props.onPage(props.page - 1)}
        data-testid={`${id}-prev`}
      >
        ‹ {t("pager.previous")}
      </Button>
      <span className="pager-label" data-testid={`${id}-label`}>
        {t("pager.label", { page: props.page + 1, pages })}
      </span>
      <Button
        size="s"
        mode="gray"
        disabled={props.page >= pages - 1}
        onClick={() => props.onPage(props.page + 1)}
        data-testid={`${id}-next`}
      >
        {t("pager.next")} ›
      </Button>
    </div>
  );
}
