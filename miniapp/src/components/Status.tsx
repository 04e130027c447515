import { Placeholder, Spinner } from "@telegram-apps/telegram-ui";
import { ApiError } from "../api";
import { useI18n } from "../i18n";
import { apiErrorText } from "../error-text";

export function Loading() {
  const { t } = useI18n();
  return (
    <Placeholder header={t("app.loading")}>
      <Spinner size="m" />
    </Placeholder>
  );
}

/** An error as a person should read it: in the admin's language, or what to do about signing in. */
export function ErrorNote(props: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const message =
    props.error instanceof ApiError
      ? props.error.status === 401
        ? t("app.error.signin")
        : props.error.status === 403 && props.error.message === "not allowed"
          ? t("app.error.forbidden")
          : apiErrorText(i18n, props.error)
      : String(props.error);
  return (
    <div role="alert" className="error-note" data-testid="error">
      <strong>{t("app.error.title")}</strong>
      <div>{message}</div>
      {props.onRetry && (
        <button type="button" className="link-button" onClick={props.onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}
