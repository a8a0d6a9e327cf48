import type { CustomerStatus } from '../../../shared/domain/enums';
import { CITIES, CUSTOMER_NOTES, CUSTOMER_SOURCES, INDUSTRIES, NEED_TAGS } from '../../../resources/demo/words';
import { CLOCK, CLOCK_MINUTES, isoDay } from './calendar';
import { COMPANY_CATEGORIES, PERSON_CATEGORIES } from './catalog';
import type { DemoContext, Profile } from './context';
import { address, birthday, companyName, contactTitles, landline, mobile, personalEmail, personName, wechatId, type PersonName } from './people';

// Where customers come from differs by kind: companies meet us at fairs and
// through referrals, consumers walk into the shop or click an advert.
// Order follows CUSTOMER_SOURCES and ORDER_CHANNELS.
const COMPANY_SOURCE_WEIGHTS = [3, 3, 2, 2, 1.5, 0.5, 1];
const PERSON_SOURCE_WEIGHTS = [1, 0.3, 1, 0.5, 2, 3, 3];
const COMPANY_CHANNEL_WEIGHTS = [5, 3, 1, 0.3, 0.7];
const PERSON_CHANNEL_WEIGHTS = [0.2, 0.5, 4, 2, 3];
const TAG_COUNT_WEIGHTS = [0.25, 0.35, 0.25, 0.15];

/** 'lost' needs both a churner and a long silence; a quiet regular is only dormant. */
export function deriveStatus(lastOrderDay: number, churner: boolean, lastDay: number): CustomerStatus {
  if (lastOrderDay < 0) return 'prospect';
  const silence = lastDay - lastOrderDay;
  if (silence > 180 && churner) return 'lost';
  if (silence > 90) return 'dormant';
  return 'active';
}

function timestamp(ctx: DemoContext, day: number): string {
  return isoDay(ctx.cal, day) + (CLOCK[ctx.rng.int(0, CLOCK_MINUTES - 1)] ?? 'T00:00:00.000Z');
}

/** Inserts customer `i` (id i + 1) with its contacts and need tags; returns what its activity is drawn from. */
export function writeCustomer(ctx: DemoContext, i: number, status: CustomerStatus): Profile {
  const { rng, plan } = ctx;
  const id = i + 1;
  const company = plan.isCompany[i] === 1;
  const english = plan.isEnglish[i] === 1;
  const city = rng.pick(CITIES);
  const industry = rng.int(0, INDUSTRIES.length - 1);
  const firm = company ? companyName(rng, city, industry, english) : null;
  const self = firm ? null : personName(rng, english);
  const selfPhone = mobile(rng);
  const selfEmail = self ? personalEmail(rng, self) : '';
  const ownerId = rng.pick(ctx.salesStaff);
  const acquired = plan.acquired[i] ?? 0;
  const createdAt = timestamp(ctx, acquired);
  const updatedAt = timestamp(ctx, rng.int(plan.first[i] ?? 0, plan.last[i] ?? 0));
  ctx.insertCustomer.run(
    id,
    `C${String(id).padStart(6, '0')}`,
    company ? 'company' : 'person',
    firm ? firm.name : (self?.name ?? ''),
    rng.chance(company ? 0.95 : 0.3) ? INDUSTRIES[industry]?.[0] : null,
    rng.chance(0.95) ? city[1] : null,
    rng.chance(0.92) ? CUSTOMER_SOURCES[rng.weighted(company ? COMPANY_SOURCE_WEIGHTS : PERSON_SOURCE_WEIGHTS)] : null,
    ownerId,
    isoDay(ctx.cal, acquired),
    status,
    firm ? (rng.chance(0.9) ? landline(rng, city) : null) : selfPhone,
    firm ? (rng.chance(0.7) ? `${rng.pick(['info', 'sales', 'contact', 'service'])}@${firm.domain}` : null) : rng.chance(0.75) ? selfEmail : null,
    rng.chance(company ? 0.85 : 0.4) ? address(rng, city, company) : null,
    rng.chance(0.08) ? rng.pick(CUSTOMER_NOTES) : null,
    createdAt,
    updatedAt,
  );
  if (firm) writeCompanyContacts(ctx, id, english, firm.domain, createdAt);
  else if (self) writeContact(ctx, id, self, null, selfPhone, selfEmail, true, createdAt);
  writeNeedTags(ctx, id);
  return {
    id,
    company,
    churner: plan.isChurner[i] === 1,
    ownerId,
    category: rng.pick(company ? COMPANY_CATEGORIES : PERSON_CATEGORIES),
    orderChannel: rng.weighted(company ? COMPANY_CHANNEL_WEIGHTS : PERSON_CHANNEL_WEIGHTS),
    amountMu: company ? Math.log(8000) + 0.6 * rng.normal() : Math.log(300) + 0.5 * rng.normal(),
    amountSigma: company ? 0.7 : 0.6,
  };
}

function writeCompanyContacts(ctx: DemoContext, customerId: number, englishFirm: boolean, domain: string, createdAt: string): void {
  const { rng } = ctx;
  const count = 1 + (rng.chance(0.45) ? 1 + (rng.chance(0.35) ? 1 : 0) : 0);
  const titles = contactTitles(rng, count);
  titles.forEach((title, k) => {
    // Foreign-owned firms in China employ mostly Chinese staff.
    const person = personName(rng, englishFirm ? rng.chance(0.5) : rng.chance(0.03));
    const email = rng.chance(0.8) ? `${person.handle}@${domain}` : personalEmail(rng, person);
    writeContact(ctx, customerId, person, title, mobile(rng), email, k === 0, createdAt);
  });
}

function writeContact(ctx: DemoContext, customerId: number, person: PersonName, title: string | null, phone: string, email: string, primary: boolean, createdAt: string): void {
  const { rng } = ctx;
  const wechat = !person.english && rng.chance(0.7) ? wechatId(rng, person, phone) : null;
  ctx.insertContact.run(customerId, person.name, title, phone, rng.chance(0.85) ? email : null, wechat, rng.chance(0.8) ? birthday(rng) : null, primary ? 1 : 0, createdAt, createdAt);
  ctx.counts.contacts++;
}

/** 0–3 distinct need tags; tag ids follow NEED_TAGS order. */
function writeNeedTags(ctx: DemoContext, customerId: number): void {
  const { rng } = ctx;
  const count = rng.weighted(TAG_COUNT_WEIGHTS);
  const chosen: number[] = [];
  while (chosen.length < count) {
    const tag = rng.int(1, NEED_TAGS.length);
    if (!chosen.includes(tag)) chosen.push(tag);
  }
  for (const tag of chosen.sort((a, b) => a - b)) ctx.insertCustomerTag.run(customerId, tag);
}
