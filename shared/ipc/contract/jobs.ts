import { z } from 'zod';
import { call, empty } from './define';

const runningJobSchema = z.object({ id: z.string(), kind: z.string(), done: z.number().int(), total: z.number().int() });
export type RunningJobInfo = z.infer<typeof runningJobSchema>;

/** Background jobs running in worker threads: which run now, and cancelling one. */
export const jobsContract = {
  'jobs:list': call(empty, z.object({ jobs: z.array(runningJobSchema) })),
  'jobs:cancel': call(z.object({ id: z.string().min(1) }).strict(), z.object({ cancelled: z.boolean() })),
};
