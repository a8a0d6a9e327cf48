import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import type { Language } from '../../../shared/i18n/language';
import { uiFontFamily } from '../theme';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Quartz, in Patron's colours and the system UI font (never a web font: Patron runs offline). */
export const gridTheme = themeQuartz.withParams({
  fontFamily: [...uiFontFamily],
  fontSize: 13,
  accentColor: '#2f6f63',
  foregroundColor: '#1f2a2e',
  borderColor: '#dfe4e3',
  headerBackgroundColor: '#f4f6f5',
  headerFontWeight: 600,
  wrapperBorderRadius: 8,
  browserColorScheme: 'light',
});

/** The grid's own texts (filter menus, "No Rows To Show" …). English is the grid's built-in default. */
export function gridLocaleText(language: Language): Record<string, string> | undefined {
  return language === 'zh-CN' ? AG_GRID_LOCALE_CN : undefined;
}
