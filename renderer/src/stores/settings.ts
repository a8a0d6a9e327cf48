import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc/contract/app';
import { languageForLocale, type Language } from '../../../shared/i18n/language';
import { invoke } from '../api/client';
import { applyLanguage, i18n } from '../i18n';
import { errorMessage } from './errorMessage';

type StartupStatus = 'idle' | 'starting' | 'ready' | 'failed';

interface SettingsState {
  status: StartupStatus;
  /** The UI language in use. Before start-up finishes it is only the browser's guess. */
  language: Language;
  appInfo: AppInfo | null;
  /** Why start-up failed. */
  startError: string | null;
  /** Why the last language change could not be saved (the switch itself still took effect). */
  saveError: string | null;
  /** Reads the stored language (picking one from the OS locale on first start) and the app info. */
  start(): Promise<void>;
  /** Changes the UI language at once and persists it. */
  setLanguage(language: Language): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  status: 'idle',
  language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en',
  appInfo: null,
  startError: null,
  saveError: null,

  async start() {
    const { status } = get();
    if (status === 'starting' || status === 'ready') return;
    set({ status: 'starting', startError: null });
    try {
      const [settings, appInfo] = await Promise.all([invoke('settings:get', {}), invoke('app:info', {})]);
      let language = settings.language;
      if (language === null) {
        // First start: follow the operating system once, then remember the choice.
        language = languageForLocale(appInfo.systemLocale);
        await invoke('settings:set', { language });
      }
      await applyLanguage(language);
      set({ status: 'ready', language, appInfo });
    } catch (error) {
      set({ status: 'failed', startError: errorMessage(error) });
    }
  },

  async setLanguage(language) {
    if (language === get().language) return;
    set({ language, saveError: null });
    await applyLanguage(language);
    try {
      await invoke('settings:set', { language });
    } catch (error) {
      if (get().language === language) set({ saveError: errorMessage(error) });
    }
  },
}));
