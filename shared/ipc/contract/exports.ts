import { exportRequestSchema, exportResultSchema } from '../../export/view';
import { call } from './define';

/** Exporting a grid view to a spreadsheet (.xlsx or .csv). */
export const exportsContract = {
  'export:run': call(exportRequestSchema, exportResultSchema),
};
