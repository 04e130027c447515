import "@telegram-apps/telegram-ui/dist/styles.css";
import "./styles.css";
import { retrieveLaunchParams } from "@tma.js/sdk-react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { I18nProvider } from "./i18n";
import { startTelegram } from "./telegram";

startTelegram();
const launch = retrieveLaunchParams();
const platform = ["ios", "macos"].includes(launch.tgWebAppPlatform) ? "ios" : "base";
const language = launch.tgWebAppData?.user?.language_code === "en" ? "en" : "id";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider initial={language}>
      <App platform={platform} />
    </I18nProvider>
  </StrictMode>,
);
