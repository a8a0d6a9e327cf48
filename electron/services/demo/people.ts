import {
  BRAND_FIRST,
  BRAND_SECOND,
  CITIES,
  CN_COMPANY_SUFFIXES,
  CN_GIVEN_CHARS,
  CN_INDUSTRY_SUFFIXES,
  CN_MAIL_DOMAINS,
  CN_SURNAMES,
  CONTACT_TITLES,
  EN_COMPANY_SUFFIXES,
  EN_COMPANY_WORDS,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  EN_MAIL_DOMAINS,
  INDUSTRIES,
  MOBILE_PREFIXES,
  STREETS,
} from '../../../resources/demo/words';
import type { Random } from './random';

/** A person's display name and an ASCII handle for e-mail addresses. */
export interface PersonName {
  name: string;
  handle: string;
  english: boolean;
}

export interface CompanyName {
  name: string;
  /** Mail domain of the company's own addresses. */
  domain: string;
}

export type City = (typeof CITIES)[number];

function chineseName(rng: Random): PersonName {
  const [surname, surnamePinyin] = rng.pick(CN_SURNAMES);
  const [g1, p1] = rng.pick(CN_GIVEN_CHARS);
  if (rng.chance(0.3)) return { name: surname + g1, handle: surnamePinyin + p1, english: false };
  const [g2, p2] = rng.pick(CN_GIVEN_CHARS);
  return { name: surname + g1 + g2, handle: surnamePinyin + p1 + p2, english: false };
}

function englishName(rng: Random): PersonName {
  const first = rng.pick(EN_FIRST_NAMES);
  const last = rng.pick(EN_LAST_NAMES);
  return { name: `${first} ${last}`, handle: `${first}.${last}`.toLowerCase(), english: true };
}

export function personName(rng: Random, english: boolean): PersonName {
  return english ? englishName(rng) : chineseName(rng);
}

export function companyName(rng: Random, city: City, industry: number, english: boolean): CompanyName {
  const trade = INDUSTRIES[industry] ?? INDUSTRIES[0];
  if (english) {
    const word = rng.chance(0.5) ? rng.pick(EN_COMPANY_WORDS) : rng.pick(EN_LAST_NAMES);
    return { name: `${word} ${trade[2]} ${rng.pick(EN_COMPANY_SUFFIXES)}`, domain: `${word}${trade[2]}.com`.toLowerCase().replace('-', '') };
  }
  const [a, pa] = rng.pick(BRAND_FIRST);
  const [b, pb] = rng.pick(BRAND_SECOND);
  // Registered names read 城市 + 字号 + 行业 + 组织形式; some leave the trade out.
  const name = rng.chance(0.6) ? `${city[0]}${a}${b}${trade[1]}${rng.pick(CN_INDUSTRY_SUFFIXES)}` : `${city[0]}${a}${b}${rng.pick(CN_COMPANY_SUFFIXES)}`;
  return { name, domain: `${pa}${pb}${rng.pick(['.com', '.com.cn', '.cn'])}` };
}

export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

export function landline(rng: Random, city: City): string {
  const digits = city[2].length === 3 ? 8 : rng.int(7, 8);
  return `${city[2]}-${rng.int(2, 8)}${String(rng.int(0, 10 ** (digits - 1) - 1)).padStart(digits - 1, '0')}`;
}

export function personalEmail(rng: Random, person: PersonName): string {
  if (person.english) return `${person.handle}@${rng.pick(EN_MAIL_DOMAINS)}`;
  const r = rng.float();
  if (r < 0.3) return `${rng.int(10_000_000, 2_999_999_999)}@qq.com`; // QQ numbers double as addresses
  if (r < 0.6) return `${person.handle}${rng.int(1, 999)}@${rng.pick(CN_MAIL_DOMAINS)}`;
  return `${person.handle}@${rng.pick(CN_MAIL_DOMAINS)}`;
}

export function wechatId(rng: Random, person: PersonName, phone: string): string {
  return rng.chance(0.5) ? phone : `${person.handle.replace('.', '_')}${rng.int(1, 9999)}`;
}

/** A birthday between 1960 and 2000. */
export function birthday(rng: Random): string {
  const from = Date.UTC(1960, 0, 1);
  const to = Date.UTC(2000, 11, 31);
  return new Date(from + rng.int(0, (to - from) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

export function address(rng: Random, city: City, company: boolean): string {
  const floor = company && rng.chance(0.5) ? `${rng.int(2, 30)}楼` : '';
  const cityName = city[0].endsWith('市') ? city[0] : `${city[0]}市`;
  return `${cityName}${rng.pick(STREETS)}${rng.int(1, 999)}号${floor}`;
}

/** Distinct contact titles; the first (the primary contact's) leans to the people who sign orders. */
export function contactTitles(rng: Random, count: number): string[] {
  const titles: string[] = [rng.pick(CONTACT_TITLES.slice(0, 3))];
  while (titles.length < count) {
    const title = rng.pick(CONTACT_TITLES);
    if (!titles.includes(title)) titles.push(title);
  }
  return titles;
}
