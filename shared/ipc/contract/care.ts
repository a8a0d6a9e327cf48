import { z } from 'zod';
import { careDoneSchema } from '../../warnings/dto';
import { call } from './define';

/** Care reminders (birthdays, anniversaries): marking one done for its occasion. */
export const careContract = {
  'care:done': call(careDoneSchema, z.object({ done: z.boolean() })),
};
