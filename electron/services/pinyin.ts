import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
// Names repeat (contacts, renamed rows), and the grid reloads after every write:
// each distinct text is converted once per process.
const cache = new Map<string, string>();

/** "张三" → "zhangsan zs": full pinyin and initials, for the quick search. Non-Chinese text gives "". */
function pinyinKeys(text: string | null): string {
  if (!text || !HAN.test(text)) return '';
  let keys = cache.get(text);
  if (keys === undefined) {
    const parts = pinyin(text, { type: 'all', toneType: 'none', nonZh: 'removed' });
    keys = `${parts.map((p) => p.pinyin).join('')} ${parts.map((p) => p.first).join('')}`.toLowerCase().replace(/\s+$/, '');
    cache.set(text, keys);
  }
  return keys;
}

/** Search keys of a grid row: its name and its main contact's name. */
export function rowPinyin(name: string, contact: string | null): string {
  const a = pinyinKeys(name);
  const b = pinyinKeys(contact);
  return a && b ? `${a} ${b}` : a || b;
}
