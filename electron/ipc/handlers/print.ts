import type { printContract } from '../../../shared/ipc/contract/print';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const printHandlers = (services: Services): HandlersFor<typeof printContract> => ({
  'print:pdf': (req) => services.print.pdf(req),
  'print:print': (req) => services.print.print(req),
});
