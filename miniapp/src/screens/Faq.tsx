import "./shop-areas.css";
import { Cell, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useLoad } from "../use-api";
import { useStickyState } from "../use-sticky-state";
import type { TextLanguage } from "./settings.types";
import type { FaqList } from "./settings.types";

/** The FAQ the bot's assistant answers from, in one language or both, inactive entries included. */
export function Faq() {
  const { t } = useI18n();
  const { push } = useNavigation();
  const [language, setLanguage] = useStickyState<TextLanguage | "">("faq:language", "");
  const list = useLoad(() => api<FaqList>("/faq", { query: { language } }), [language]);
  return (
    <List>
      <Section footer={t("faq.hint")}>
        <Cell before={<span aria-hidden>➕</span>} onClick={() => push("faq-edit")} data-testid="faq-add">
          {t("faq.add")}
        </Cell>
      </Section>
      <div className="shop-segment">
        <SegmentedControl>
          {(["", "id", "en"] as const).map((l) => (
            <SegmentedControl.Item
              key={l}
              selected={language === l}
              onClick={() => setLanguage(l)}
              data-testid={`faq-language-${l || "all"}`}
            >
              {l ? t(`texts.language.${l}.short`) : t("faq.language.all")}
            </SegmentedControl.Item>
          ))}
        </SegmentedControl>
      </div>
      {!list.data ? (
        list.error ? (
          <ErrorNote error={list.error} onRetry={list.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <Section header={t("faq.count", { count: list.data.items.length })} data-testid="faq-list">
          {list.data.items.length === 0 && <Cell multiline>{t("faq.none")}</Cell>}
          {list.data.items.map((item) => (
            <Cell
              key={`${item.slug}:${item.language}`}
              multiline
              onClick={() => push("faq-edit", { slug: item.slug, language: item.language })}
              subhead={`${item.slug} · ${item.language.toUpperCase()}`}
              description={item.body.length > 90 ? `${item.body.slice(0, 90)}…` : item.body}
              after={item.active ? undefined : <span className="shop-hint">{t("faq.inactive")}</span>}
              data-testid={`faq-row-${item.slug}-${item.language}`}
            >
              {item.title}
            </Cell>
          ))}
        </Section>
      )}
    </List>
  );
}
