import { PRODUCT_CATEGORIES } from '../../../resources/demo/words';

export const CATEGORY_NAMES: readonly string[] = PRODUCT_CATEGORIES.map((c) => c[0]);
export const CATEGORY_ITEMS: readonly (readonly string[])[] = PRODUCT_CATEGORIES.map((c) => c[1]);

// Businesses buy supplies, parts and services; households buy food, goods and
// clothes and never industrial parts. Order follows PRODUCT_CATEGORIES.
const COMPANY_WEIGHTS = [3, 2, 3, 2, 1.5, 1, 1, 1.5, 2, 2];
const PERSON_WEIGHTS = [0.5, 2, 0, 0, 3, 3, 3, 1.5, 0, 0.5];

/** Category indexes repeated in proportion to their weight, so a weighted draw is one uniform pick. */
function pool(weights: readonly number[]): readonly number[] {
  return weights.flatMap((w, index) => new Array<number>(Math.round(w * 2)).fill(index));
}

export const COMPANY_CATEGORIES = pool(COMPANY_WEIGHTS);
export const PERSON_CATEGORIES = pool(PERSON_WEIGHTS);
