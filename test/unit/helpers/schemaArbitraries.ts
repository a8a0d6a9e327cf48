import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check generators for IPC payloads, derived from a zod schema through its
 * JSON Schema (z.toJSONSchema, input side). JSON Schema carries the types,
 * lengths, ranges, patterns, enums and strictness; refinements (`.refine`,
 * trims) do not survive, so a "valid" payload is valid for the JSON Schema and
 * callers re-check it with the zod schema itself.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Node {
  type?: string | string[];
  const?: Json;
  enum?: Json[];
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  propertyNames?: Node;
  items?: Node;
  prefixItems?: Node[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export function jsonSchemaOf(schema: z.ZodType): Node {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node;
}

/** Strings stay short (a limit of 200,000,000 characters is tested by the invalid side, not filled here). */
const EXTRA_LENGTH = 24;
/** Mostly ASCII, some CJK (each one UTF-16 unit, as zod counts length). */
const textUnit = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Array.from('abcxyz ABC0123456789-_.@/')) }, { weight: 1, arbitrary: fc.constantFrom(...Array.from('客户王李张杭州有限公司备注')) });

function typesOf(n: Node): string[] {
  if (Array.isArray(n.type)) return n.type;
  return n.type ? [n.type] : [];
}

function integerArb(n: Node): fc.Arbitrary<number> {
  const min = Math.max(Number.MIN_SAFE_INTEGER, n.minimum ?? (n.exclusiveMinimum !== undefined ? Math.floor(n.exclusiveMinimum) + 1 : Number.MIN_SAFE_INTEGER));
  const max = Math.min(Number.MAX_SAFE_INTEGER, n.maximum ?? (n.exclusiveMaximum !== undefined ? Math.ceil(n.exclusiveMaximum) - 1 : Number.MAX_SAFE_INTEGER));
  // Small values hit the demo database's ids; the full range hits the edges.
  const low = Math.max(min, Math.min(max, 0));
  const near = fc.integer({ min: low, max: Math.min(max, low + 300) });
  const full = fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: full }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

function numberArb(n: Node): fc.Arbitrary<number> {
  const min = n.minimum ?? n.exclusiveMinimum ?? -1e15;
  const max = n.maximum ?? n.exclusiveMaximum ?? 1e15;
  const any = fc.double({ min, max, minExcluded: n.exclusiveMinimum !== undefined, maxExcluded: n.exclusiveMaximum !== undefined, noNaN: true, noDefaultInfinity: true });
  // Amounts, rates and multipliers are mostly whole or with two decimals.
  const inRange = (v: number) => v >= min && v <= max && v !== n.exclusiveMinimum && v !== n.exclusiveMaximum;
  const cents = fc.integer({ min: -100_000, max: 100_000 }).map((c) => c / 100).filter(inRange);
  return fc.oneof({ weight: 3, arbitrary: any.map((v) => Math.round(v * 100) / 100).filter(inRange) }, { weight: 2, arbitrary: cents }, { weight: 1, arbitrary: any });
}

const day = fc.date({ min: new Date('2025-06-01'), max: new Date('2027-06-30'), noInvalidDate: true });
/** Dates checked by a refinement look like any string in JSON Schema; fields named like dates get date-shaped strings most of the time. */
const dateLike = /date|Date|^from$|^to$|At$|birthday|Start|month|Month|asOf|since/;

function stringArb(n: Node, key: string): fc.Arbitrary<string> {
  const minLength = n.minLength ?? 0;
  const maxLength = Math.min(n.maxLength ?? minLength + EXTRA_LENGTH, minLength + EXTRA_LENGTH);
  if (n.format === 'date-time') return day.map((d) => d.toISOString());
  if (n.pattern) return fc.stringMatching(new RegExp(n.pattern)).filter((s) => s.length >= minLength && s.length <= (n.maxLength ?? Infinity));
  const text = fc.string({ unit: textUnit, minLength, maxLength });
  if (!dateLike.test(key)) return text;
  const month = /month|Month/.test(key);
  return fc.oneof({ weight: 6, arbitrary: day.map((d) => d.toISOString().slice(0, month ? 7 : 10)) }, { weight: 1, arbitrary: day.map((d) => d.toISOString().slice(0, month ? 10 : 7)) }, { weight: 1, arbitrary: text });
}

function objectArb(n: Node): fc.Arbitrary<Record<string, unknown>> {
  const props = n.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = arbitraryOf(v, k);
  const fixed = fc.record(model, { requiredKeys: (n.required ?? []).filter((k) => k in props) });
  const extra = n.additionalProperties;
  if (extra === undefined || extra === false || Object.keys(props).length > 0) return fixed;
  const key = n.propertyNames ? (arbitraryOf(n.propertyNames) as fc.Arbitrary<string>) : fc.string({ unit: textUnit, maxLength: 12 });
  return fc.dictionary(key, extra === true ? fc.jsonValue() : arbitraryOf(extra, ''), { maxKeys: 4 });
}

/** Values the JSON Schema accepts; `key` is the property name the value goes under. */
export function arbitraryOf(n: Node, key = ''): fc.Arbitrary<unknown> {
  if (n.const !== undefined) return fc.constant(n.const);
  if (n.enum) return fc.constantFrom(...n.enum);
  const branches = n.anyOf ?? n.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => arbitraryOf(b, key)));
  if (n.allOf?.[0]) return arbitraryOf(n.allOf[0], key);
  const types = typesOf(n);
  if (types.length === 0) return fc.jsonValue();
  return fc.oneof(
    ...types.map((t): fc.Arbitrary<unknown> => {
      switch (t) {
        case 'string':
          return stringArb(n, key);
        case 'integer':
          return integerArb(n);
        case 'number':
          return numberArb(n);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          if (n.prefixItems) return fc.tuple(...n.prefixItems.map((p) => arbitraryOf(p, key)));
          const minLength = n.minItems ?? 0;
          return fc.array(n.items ? arbitraryOf(n.items, key) : fc.jsonValue(), { minLength, maxLength: Math.min(n.maxItems ?? minLength + 5, minLength + 5) });
        }
        case 'object':
          return objectArb(n);
        default:
          throw new Error(`no generator for JSON Schema type ${t}`);
      }
    }),
  );
}

/** One place in a generated payload and the schema node that governs it. */
interface Site {
  path: (string | number)[];
  node: Node;
  value: unknown;
}

function sitesOf(value: unknown, n: Node, path: (string | number)[] = [], out: Site[] = []): Site[] {
  out.push({ path, node: n, value });
  if (n.anyOf || n.oneOf) return out;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && n.properties) {
    for (const [k, child] of Object.entries(n.properties)) if (k in value) sitesOf((value as Record<string, unknown>)[k], child, [...path, k], out);
  }
  if (Array.isArray(value) && value.length > 0) {
    const child = n.prefixItems?.[0] ?? n.items;
    if (child) sitesOf(value[0], child, [...path, 0], out);
  }
  return out;
}

/** Values of every JSON type; a wrong-type mutation takes one whose type the node does not allow. */
const samples: unknown[] = ['x', 7, 1.5, true, null, [], {}, -1, '2026-02-30', Number.NaN, Number.POSITIVE_INFINITY];

/** Mutations that break one rule of the schema; the largest limits (200 MB of base64) are not worth building. */
const BUILD_LIMIT = 1_000_000;

function mutationsAt(site: Site): ((v: unknown) => unknown)[] {
  const n = site.node;
  const types = typesOf(n);
  const out: ((v: unknown) => unknown)[] = [];
  const allowed = (s: unknown) => {
    const t = s === null ? 'null' : Array.isArray(s) ? 'array' : typeof s === 'number' ? (Number.isInteger(s) ? 'integer' : 'number') : typeof s;
    return types.includes(t) || (t === 'integer' && types.includes('number'));
  };
  for (const s of samples) if (types.length > 0 && !allowed(s)) out.push(() => s);
  if (n.enum || n.const !== undefined) out.push(() => 'no-such-choice');
  if (types.includes('integer') || types.includes('number')) {
    const min = n.minimum ?? n.exclusiveMinimum;
    const max = n.maximum ?? n.exclusiveMaximum;
    if (min !== undefined && min > Number.MIN_SAFE_INTEGER) out.push(() => min - 1);
    if (max !== undefined && max < Number.MAX_SAFE_INTEGER) out.push(() => max + 1);
    if (types.includes('integer') && !types.includes('number')) out.push((v) => (typeof v === 'number' ? v + 0.5 : 0.5));
    out.push(() => Number.NaN, () => Number.NEGATIVE_INFINITY);
  }
  const { maxLength, maxItems } = n;
  if (types.includes('string')) {
    if (maxLength !== undefined && maxLength < BUILD_LIMIT) out.push(() => 'x'.repeat(maxLength + 1));
    if (n.minLength) out.push(() => '');
    if (n.pattern || n.format) out.push(() => 'not the pattern ~~');
  }
  if (types.includes('array')) {
    if (maxItems !== undefined && maxItems < BUILD_LIMIT) {
      out.push((v) => {
        const items: unknown[] = Array.isArray(v) && v.length > 0 ? v : [0];
        return Array.from({ length: maxItems + 1 }, (_, i) => items[i % items.length]);
      });
    }
    if (n.minItems) out.push(() => []);
  }
  if (types.includes('object') && site.value !== null && typeof site.value === 'object') {
    if (n.additionalProperties === false) out.push((v) => ({ ...(v as object), unexpectedKey: 1 }));
    for (const k of n.required ?? []) {
      out.push((v) => Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([key]) => key !== k)));
    }
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], replace: (v: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  parent[last] = replace(parent[last]);
  return copy;
}

/**
 * Payloads that break the schema in one place: a wrong type, an out-of-range
 * number, NaN or infinity, an overlong or empty string, a bad pattern or enum
 * value, an extra key on a strict object, a missing required field, an
 * overlong array, or a payload that is not an object at all. Some mutations
 * happen to stay valid (e.g. a wrong type inside a union that allows it), so
 * callers check each one with the zod schema.
 */
export function invalidArbitraryOf(n: Node): fc.Arbitrary<unknown> {
  const mutated = fc.tuple(arbitraryOf(n), fc.nat(), fc.nat()).map(([valid, siteIndex, mutationIndex]) => {
    const sites = sitesOf(valid, n).filter((s) => mutationsAt(s).length > 0);
    const site = sites[siteIndex % Math.max(1, sites.length)];
    if (!site) return 'not an object';
    const mutations = mutationsAt(site);
    const mutation = mutations[mutationIndex % mutations.length];
    return mutation ? setAt(valid, site.path, mutation) : 'not an object';
  });
  return fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: fc.constantFrom('x', 42, [], true, [{}]) });
}

/**
 * Payloads close to a known valid one: `seed` with one top-level field
 * replaced by a generated value (or left as it is). For schemas whose
 * refinements tie fields together (ordered levels, increasing thresholds),
 * where independent random fields are almost never valid.
 */
export function aroundSeed(n: Node, seed: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(n.properties ?? {});
  if (keys.length === 0) return fc.constant(seed);
  return fc.tuple(fc.constantFrom(null, ...keys), fc.nat()).chain(([key]) => {
    const child = key === null ? undefined : n.properties?.[key];
    if (key === null || !child) return fc.constant(seed);
    return arbitraryOf(child, key).map((v) => ({ ...seed, [key]: v }));
  });
}
