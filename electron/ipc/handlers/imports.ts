import type { importsContract } from '../../../shared/ipc/contract/imports';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const importsHandlers = (services: Services): HandlersFor<typeof importsContract> => ({
  'import:inspect': (req) => services.imports.inspect(req),
  'import:preview': (req) => services.imports.preview(req),
  'import:start': (req) => services.imports.start(req),
  'import:wait': (req) => services.imports.wait(req.jobId),
  'import:pickFile': () => services.imports.pickFile(),
  'import:history': () => ({ batches: services.imports.history() }),
  'import:revert': (req) => services.imports.revert(req.id),
  'import:mappings': (req) => ({ mappings: services.imports.mappings(req.target) }),
  'import:saveMapping': (req) => services.imports.saveMapping(req),
});
