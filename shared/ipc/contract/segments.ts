import { z } from 'zod';
import { segmentSettingsSchema } from '../../analytics/settings';
import { rollupRepairResultSchema } from '../../domain/rollups';
import { segmentOverviewSchema, segmentPreviewSchema, segmentSelectorSchema } from '../../domain/segments';
import { call, empty, jobStarted, read } from './define';

/** Segmentation (RFM tiers, quadrant, lifecycle) and lifetime value, its settings and the rollup repair. */
export const segmentsContract = {
  'segments:overview': read(empty, segmentOverviewSchema, ['segment_runs', 'segment_results', 'customers']),
  'segments:ids': call(segmentSelectorSchema, z.object({ ids: z.array(z.number().int()) })),
  'segments:run': call(empty, jobStarted),
  'segments:settings': call(empty, segmentSettingsSchema),
  'segments:saveSettings': call(segmentSettingsSchema, segmentSettingsSchema),
  'segments:preview': call(segmentSettingsSchema, segmentPreviewSchema),
  'segments:repairRollups': call(empty, rollupRepairResultSchema),
};
