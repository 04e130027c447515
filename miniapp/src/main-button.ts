import { mainButton } from "@tma.js/sdk-react";
import { useEffect, useRef } from "react";

/**
 * The screen's final action on Telegram's MainButton (Save, Confirm), with its loader while the
 * request runs. Hidden again when the screen goes away.
 */
export function useMainButton(options: {
  text: string;
  onClick: () => void;
  visible?: boolean;
  enabled?: boolean;
  loading?: boolean;
}): void {
  const onClick = useRef(options.onClick);
  onClick.current = options.onClick;
  const { text, visible = true, enabled = true, loading = false } = options;

  useEffect(() => {
    mainButton.setParams({ text, isVisible: visible, isEnabled: enabled && !loading, isLoaderVisible: loading });
  }, [text, visible, enabled, loading]);
  useEffect(() => {
    const off = mainButton.onClick(() => onClick.current());
    return () => {
      off();
      mainButton.setParams({ isVisible: false, isLoaderVisible: false });
    };
  }, []);
}
