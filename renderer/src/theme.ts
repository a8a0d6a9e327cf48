/**
 * The UI font stack: system fonts only, CJK faces before the generic fallback so
 * Chinese renders in a proper Hei face on Linux, macOS and Windows alike.
 * styles.css repeats it for the page; the grid theme takes it from here.
 */
export const uiFontFamily = [
  'system-ui',
  '-apple-system',
  'Segoe UI',
  'Roboto',
  'Helvetica Neue',
  'Arial',
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'PingFang SC',
  'Hiragino Sans GB',
  'Microsoft YaHei',
  'sans-serif',
] as const;
