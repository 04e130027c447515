import { AppRoot } from "@telegram-apps/telegram-ui";
import { api } from "./api";
import { BrowserShell } from "./components/BrowserShell";
import { ErrorNote, Loading } from "./components/Status";
import { NavigationProvider, useNavigation } from "./navigation";
import { SCREENS } from "./screens/registry";
import { MeProvider, type Me } from "./session";
import { isDark } from "./telegram";
import { useLoad } from "./use-api";

function CurrentScreen() {
  const { route } = useNavigation();
  const screen = SCREENS.find((s) => s.id === route.screen) ?? SCREENS[0]!;
  const Screen = screen.component;
  // A key per route: a screen opened twice with other params starts fresh.
  return <Screen key={`${route.screen}:${JSON.stringify(route.params)}`} />;
}

export function App(props: { platform: "ios" | "base" }) {
  const me = useLoad(() => api<Me>("/me"), []);
  return (
    <AppRoot appearance={isDark() ? "dark" : "light"} platform={props.platform}>
      {me.loading && !me.data ? (
        <Loading />
      ) : me.error || !me.data ? (
        <ErrorNote error={me.error} onRetry={me.reload} />
      ) : (
        <MeProvider me={me.data}>
          <NavigationProvider>
            <CurrentScreen />
          </NavigationProvider>
        </MeProvider>
      )}
      <BrowserShell />
    </AppRoot>
  );
}
