import "./shop-areas.css";
import { ButtonCell, Cell, Input, List, Section, SegmentedControl, Switch, Textarea } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { TextLanguage } from "./settings.types";
import type { FaqList } from "./settings.types";

/** A slug from a title while the admin has not typed one: "Jam buka toko?" → "jam-buka-toko". */
const slugOf = (title: string) =>
  title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");

/**
 * Adds an FAQ entry, or edits one (`params.slug` and `params.language`): a slug shared by its
 * Indonesian and English versions, title, answer and whether the bot uses it. `params.add` opens a
 * new language version of an existing slug. The bot answers from the saved text at once. Save is
 * the MainButton; delete asks first.
 */
export function FaqEdit() {
  const { t } = useI18n();
  const { route, pop, replace } = useNavigation();
  const editing = route.params.slug !== undefined && route.params.add === undefined;
  const existing = useLoad(
    () =>
      editing
        ? api<FaqList>("/faq", { query: { language: String(route.params.language) } }).then((a) =>
            a.items.find((i) => i.slug === route.params.slug),
          )
        : Promise.resolve(undefined),
    [],
  );
  const other = useLoad(
    () =>
      editing
        ? api<FaqList>("/faq").then((a) => a.items.filter((i) => i.slug === route.params.slug).map((i) => i.language))
        : Promise.resolve([]),
    [],
  );
  const [slug, setSlug] = useState(route.params.slug === undefined ? "" : String(route.params.slug));
  const [slugTyped, setSlugTyped] = useState(route.params.slug !== undefined);
  const [language, setLanguage] = useState<TextLanguage>(route.params.language === "en" ? "en" : "id");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [active, setActive] = useState(true);
  const save = useAction(() => pop());
  const remove = useAction(() => pop());
  useEffect(() => {
    const item = existing.data;
    if (!item) return;
    setTitle(item.title);
    setBody(item.body);
    setActive(item.active);
  }, [existing.data]);

  const shownSlug = slugTyped ? slug : slugOf(title);
  useMainButton({
    text: t("faq.save"),
    enabled:
      (!editing || existing.data !== undefined) && shownSlug.trim() !== "" && title.trim() !== "" && body.trim() !== "",
    loading: save.busy,
    onClick: () =>
      save.run(() => api("/faq", { method: "PUT", body: { slug: shownSlug, language, title, body, active } })),
  });

  if (editing && !existing.data)
    return existing.error ? (
      <ErrorNote error={existing.error} onRetry={existing.reload} />
    ) : existing.loading ? (
      <Loading />
    ) : (
      <ErrorNote error={t("faq.unknown", { slug: String(route.params.slug) })} />
    );
  const missing = editing && other.data ? (["id", "en"] as const).find((l) => !other.data!.includes(l)) : undefined;

  return (
    <List>
      <Section
        header={editing ? t("faq.edit", { slug: shownSlug }) : t("faq.new")}
        footer={editing ? undefined : t("faq.slug.hint")}
      >
        <Input
          header={t("faq.slug")}
          placeholder="jam-buka"
          value={shownSlug}
          disabled={editing || route.params.add !== undefined}
          onChange={(e) => {
            setSlugTyped(true);
            setSlug(e.target.value);
          }}
          data-testid="faq-slug"
        />
        <div className="shop-segment">
          <SegmentedControl>
            {(["id", "en"] as const).map((l) => (
              <SegmentedControl.Item
                key={l}
                selected={language === l}
                onClick={() => !editing && route.params.add === undefined && setLanguage(l)}
                data-testid={`faq-edit-language-${l}`}
              >
                {t(`texts.language.${l}.short`)}
              </SegmentedControl.Item>
            ))}
          </SegmentedControl>
        </div>
      </Section>
      <Section footer={t("faq.body.hint")}>
        <Input
          header={t("faq.title_field")}
          placeholder={t("faq.title.placeholder")}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="faq-title"
        />
        <Textarea
          header={t("faq.body")}
          value={body}
          rows={6}
          maxLength={4000}
          onChange={(e) => setBody(e.target.value)}
          data-testid="faq-body"
        />
        <Cell
          Component="label"
          multiline
          after={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="faq-active" />}
        >
          {t("faq.active")}
        </Cell>
      </Section>
      {save.error !== undefined && <ErrorNote error={save.error} />}
      {editing && (
        <Section>
          {missing && (
            <ButtonCell
              before={<span aria-hidden>🌐</span>}
              onClick={() => replace("faq-edit", { slug: shownSlug, language: missing, add: 1 })}
              data-testid="faq-add-language"
            >
              {t("faq.add_language", { language: t(`texts.language.${missing}`) })}
            </ButtonCell>
          )}
          <ConfirmCell
            destructive
            label={t("faq.delete")}
            question={t("faq.delete.confirm", { title, language: t(`texts.language.${language}`) })}
            onConfirm={() =>
              remove.run(() => api(`/faq/${encodeURIComponent(shownSlug)}/${language}`, { method: "DELETE" }))
            }
            testId="faq-delete"
          />
          {remove.error !== undefined && <ErrorNote error={remove.error} />}
        </Section>
      )}
    </List>
  );
}
