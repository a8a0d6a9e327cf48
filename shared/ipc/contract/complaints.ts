import { z } from 'zod';
import { staffOptionSchema } from '../../domain/profile';
import { complaintInputSchema, complaintResolveSchema, complaintSchema } from '../../warnings/dto';
import { call, empty, idRequest, read } from './define';

/** Complaints and their SLA clocks: logging, first response, resolution, escalation. */
export const complaintsContract = {
  'complaints:list': read(z.object({ which: z.enum(['open', 'all']) }).strict(), z.object({ complaints: z.array(complaintSchema) }), ['complaints', 'settings', 'customers', 'staff']),
  'complaints:log': call(complaintInputSchema, complaintSchema),
  'complaints:respond': call(idRequest, complaintSchema),
  'complaints:resolve': call(complaintResolveSchema, complaintSchema),
  'complaints:escalate': call(z.object({ id: z.number().int().positive(), staffId: z.number().int().positive() }).strict(), complaintSchema),
  'complaints:escalationTargets': read(empty, z.object({ staff: z.array(staffOptionSchema) }), ['staff']),
};
