import { Cell, List, Section, SegmentedControl } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useMe } from "../session";
import { SCREENS } from "./registry";

/** The first screen: who is signed in, and the shop's areas this role may open. */
export function Home() {
  const { t, lang, setLang } = useI18n();
  const me = useMe();
  const { push } = useNavigation();
  const areas = SCREENS.filter((s) => s.menu && me.permissions.includes(s.menu.permission));
  return (
    <List>
      <Section
        header={me.name || `@${me.username ?? me.telegramId}`}
        footer={me.sandbox ? t("app.sandbox") : undefined}
      >
        <Cell subtitle={t("app.role", { role: t(`role.${me.role}`) })} multiline>
          {t("app.title")}
        </Cell>
      </Section>
      <Section header={t("home.sections")}>
        {areas.map((area) => (
          <Cell
            key={area.id}
            before={<span aria-hidden>{area.menu!.icon}</span>}
            onClick={() => push(area.id)}
            data-testid={`nav-${area.id}`}
          >
            {t(area.title)}
          </Cell>
        ))}
      </Section>
      <Section header={t("app.language")}>
        <SegmentedControl>
          <SegmentedControl.Item selected={lang === "id"} onClick={() => setLang("id")}>
            Bahasa Indonesia
          </SegmentedControl.Item>
          <SegmentedControl.Item selected={lang === "en"} onClick={() => setLang("en")}>
            English
          </SegmentedControl.Item>
        </SegmentedControl>
      </Section>
    </List>
  );
}
