import type { segmentsContract } from '../../../shared/ipc/contract/segments';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const segmentsHandlers = (services: Services): HandlersFor<typeof segmentsContract> => ({
  'segments:overview': () => services.segments.overview(),
  'segments:ids': (req) => services.segments.ids(req),
  'segments:run': () => services.segments.run('manual'),
  'segments:settings': () => services.segments.settings(),
  'segments:saveSettings': (req) => services.segments.saveSettings(req),
  'segments:preview': (req) => services.segments.preview(req),
  'segments:repairRollups': () => services.segments.repairRollups(),
});
